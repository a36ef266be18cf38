package dev.syncledger.processor.diagnostic;

import static dev.syncledger.processor.rejection.FieldChecks.checkText;
import static dev.syncledger.processor.rejection.FieldChecks.checkTime;

import dev.syncledger.processor.limits.FieldLimits;
import dev.syncledger.processor.rejection.FieldChecks;
import dev.syncledger.processor.rejection.MalformedEventException;
import dev.syncledger.schemas.diagnostic.DiagnosticEvent;
import java.util.UUID;

/** Turns a decoded Avro diagnostic event into the fold's {@link DiagnosticEmitted}, detail bounded, or says why it is malformed. */
public final class DiagnosticEventReader {

    public DiagnosticEmitted read(String recordKey, DiagnosticEvent avro) throws MalformedEventException {
        UUID eventId = avro.getEventId();
        if (eventId == null || avro.getOccurredAt() == null || avro.getWorkspaceId() == null || avro.getWorkspaceConnectorId() == null
                || avro.getDiagnosticId() == null || avro.getTargetModel() == null || avro.getReason() == null) {
            throw new MalformedEventException("a required field is missing", eventId);
        }
        FieldChecks.checkKey(recordKey, avro.getDiagnosticId(), "diagnostic_id", eventId);
        checkTime("occurred_at", avro.getOccurredAt(), eventId);
        checkText("target_model", avro.getTargetModel(), eventId);
        checkText("reason", avro.getReason(), eventId);
        checkText("tool_name", avro.getToolName(), eventId);
        checkText("detail", avro.getDetail(), eventId);
        return new DiagnosticEmitted(eventId, avro.getOccurredAt(), avro.getWorkspaceId(), avro.getWorkspaceConnectorId(),
                avro.getDiagnosticId(), avro.getTargetModel(), avro.getToolName(), avro.getReason(), avro.getHttpStatus(),
                FieldLimits.boundLongText(avro.getDetail()));
    }
}
