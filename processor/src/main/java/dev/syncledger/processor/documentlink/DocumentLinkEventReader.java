package dev.syncledger.processor.documentlink;

import static dev.syncledger.processor.rejection.FieldChecks.checkText;
import static dev.syncledger.processor.rejection.FieldChecks.checkTime;

import dev.syncledger.processor.rejection.FieldChecks;
import dev.syncledger.processor.rejection.MalformedEventException;
import dev.syncledger.schemas.documentlink.DocumentLinkEvent;
import dev.syncledger.schemas.documentlink.DocumentLinked;
import dev.syncledger.schemas.documentlink.DocumentUnlinked;
import java.util.UUID;

/**
 * Turns a decoded Avro document-link event into the fold's {@link LinkEvent}, or says why it cannot be
 * one: {@code malformed} for what breaks the contract's shape, an unknown direction on its own, because
 * a newer producer's direction is a value to report, not a broken record.
 */
public final class DocumentLinkEventReader {

    public LinkEvent read(String recordKey, DocumentLinkEvent avro) throws MalformedEventException, UnknownDirectionException {
        UUID eventId = avro.getEventId();
        if (eventId == null || avro.getOccurredAt() == null || avro.getWorkspaceId() == null
                || avro.getWorkspaceConnectorId() == null || avro.getDocumentId() == null
                || avro.getDirection() == null || avro.getPayload() == null) {
            throw new MalformedEventException("a required field is missing", eventId);
        }
        FieldChecks.checkKey(recordKey, avro.getDocumentId(), "document_id", eventId);
        checkTime("occurred_at", avro.getOccurredAt(), eventId);
        checkText("direction", avro.getDirection(), eventId);
        LinkEventKind kind = kind(avro.getPayload(), eventId);
        LinkDirection direction = LinkDirection.fromCode(avro.getDirection())
                .orElseThrow(() -> new UnknownDirectionException(avro.getDirection(), eventId));
        return new LinkEvent(eventId, avro.getOccurredAt(), avro.getWorkspaceId(),
                new DocumentLinkKey(avro.getDocumentId(), avro.getWorkspaceConnectorId(), direction), kind);
    }

    private static LinkEventKind kind(Object payload, UUID eventId) throws MalformedEventException {
        if (payload instanceof DocumentLinked) {
            return LinkEventKind.LINKED;
        }
        if (payload instanceof DocumentUnlinked) {
            return LinkEventKind.UNLINKED;
        }
        throw new MalformedEventException("unknown payload type " + payload.getClass().getSimpleName(), eventId);
    }
}
