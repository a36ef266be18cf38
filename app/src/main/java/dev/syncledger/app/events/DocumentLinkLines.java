package dev.syncledger.app.events;

import dev.syncledger.schemas.Topics;
import dev.syncledger.schemas.documentlink.DocumentLinkEvent;
import dev.syncledger.schemas.documentlink.DocumentLinked;
import dev.syncledger.schemas.documentlink.DocumentUnlinked;
import java.util.Set;
import java.util.UUID;

/**
 * document.linked and document.unlinked, keyed by document_id. The direction is read as any text: an
 * unknown one is published so that the processor rejects it as unknown_enum_value, with its bytes.
 */
final class DocumentLinkLines implements EventLineType {

    @Override
    public Set<String> types() {
        return Set.of("document.linked", "document.unlinked");
    }

    @Override
    public OutgoingEvent read(String type, JsonFields fields) throws InvalidEventLineException {
        UUID documentId = fields.requiredUuid("document_id");
        DocumentLinkEvent event = DocumentLinkEvent.newBuilder()
                .setEventId(fields.requiredUuid("event_id"))
                .setOccurredAt(fields.requiredInstant("occurred_at"))
                .setWorkspaceId(fields.requiredUuid("workspace_id"))
                .setWorkspaceConnectorId(fields.requiredUuid("workspace_connector_id"))
                .setDocumentId(documentId)
                .setDirection(fields.requiredText("direction"))
                .setPayload(payload(type))
                .build();
        return new OutgoingEvent(type, Topics.DOCUMENT_LINKS.name(), documentId.toString(), event);
    }

    private static Object payload(String type) throws InvalidEventLineException {
        return switch (type) {
            case "document.linked" -> new DocumentLinked();
            case "document.unlinked" -> new DocumentUnlinked();
            default -> throw new InvalidEventLineException("unknown type '" + type + "'");
        };
    }
}
