package dev.syncledger.processor.documentlink;

import dev.syncledger.processor.store.StoreSerde;
import org.apache.kafka.common.errors.SerializationException;
import dev.syncledger.processor.documentlink.store.DocumentLinkLedgerState;

/**
 * Stores a link's ledger as Avro single-object encoding: the fingerprint in every value lets a newer
 * version of the processor restore a store written by the previous one.
 */
public final class DocumentLinkLedgerSerde extends StoreSerde<DocumentLinkLedger, DocumentLinkLedgerState> {

    public DocumentLinkLedgerSerde() {
        super(DocumentLinkLedgerState.getClassSchema(), DocumentLinkLedgerSerde::toState, DocumentLinkLedgerSerde::fromState);
    }

    static DocumentLinkLedgerState toState(DocumentLinkLedger ledger) {
        return DocumentLinkLedgerState.newBuilder()
                .setDocumentId(ledger.key().documentId())
                .setWorkspaceConnectorId(ledger.key().workspaceConnectorId())
                .setDirection(ledger.key().direction().code())
                .setWorkspaceId(ledger.workspaceId())
                .setEarliestLink(ledger.earliestLink())
                .setLatestEventId(ledger.latest().eventId())
                .setLatestOccurredAt(ledger.latest().occurredAt())
                .setLatestKind(ledger.latest().kind().name())
                .setRevision(ledger.revision())
                .build();
    }

    static DocumentLinkLedger fromState(DocumentLinkLedgerState state) {
        LinkDirection direction = LinkDirection.fromCode(state.getDirection())
                .orElseThrow(() -> new SerializationException("stored document link has unknown direction " + state.getDirection()));
        DocumentLinkKey key = new DocumentLinkKey(state.getDocumentId(), state.getWorkspaceConnectorId(), direction);
        LinkEvent latest = new LinkEvent(state.getLatestEventId(), state.getLatestOccurredAt(), state.getWorkspaceId(), key,
                LinkEventKind.valueOf(state.getLatestKind()));
        return new DocumentLinkLedger(key, state.getWorkspaceId(), state.getEarliestLink(), latest, state.getRevision());
    }
}
