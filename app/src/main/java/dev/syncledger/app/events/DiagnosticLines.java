package dev.syncledger.app.events;

import dev.syncledger.schemas.Topics;
import dev.syncledger.schemas.diagnostic.DiagnosticEvent;
import java.util.Set;
import java.util.UUID;

/**
 * diagnostic.emitted, keyed by diagnostic_id. target_model, reason, http_status and detail are passed
 * on as given: an unknown enum value, an out-of-range status or a missing detail is the processor's
 * to reject, with a reason, not the CLI's to skip.
 */
final class DiagnosticLines implements EventLineType {

    static final String EMITTED = "diagnostic.emitted";

    @Override
    public Set<String> types() {
        return Set.of(EMITTED);
    }

    @Override
    public OutgoingEvent read(String type, JsonFields fields) throws InvalidEventLineException {
        UUID diagnosticId = fields.requiredUuid("diagnostic_id");
        DiagnosticEvent event = DiagnosticEvent.newBuilder()
                .setEventId(fields.requiredUuid("event_id"))
                .setOccurredAt(fields.requiredInstant("occurred_at"))
                .setWorkspaceId(fields.requiredUuid("workspace_id"))
                .setWorkspaceConnectorId(fields.requiredUuid("workspace_connector_id"))
                .setDiagnosticId(diagnosticId)
                .setTargetModel(fields.requiredText("target_model"))
                .setToolName(fields.optionalText("tool_name"))
                .setReason(fields.requiredText("reason"))
                .setHttpStatus(fields.optionalInt("http_status"))
                .setDetail(fields.optionalText("detail"))
                .build();
        return new OutgoingEvent(type, Topics.DIAGNOSTICS.name(), diagnosticId.toString(), event);
    }
}
