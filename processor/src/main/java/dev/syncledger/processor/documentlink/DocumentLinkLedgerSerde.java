package dev.syncledger.processor.documentlink;

import dev.syncledger.processor.documentlink.store.DocumentLinkLedgerState;
import dev.syncledger.schemas.serde.AvroCodec;
import dev.syncledger.schemas.serde.SerdeConfig;
import dev.syncledger.schemas.serde.UndecodableRecordException;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Stores a link's ledger as Avro single-object encoding: the fingerprint in every value lets a newer
 * version of the processor restore a store written by the previous one.
 */
public final class DocumentLinkLedgerSerde implements Serde<DocumentLinkLedger> {

    private final AvroCodec<DocumentLinkLedgerState> codec =
            AvroCodec.create(DocumentLinkLedgerState.getClassSchema(), SerdeConfig.withoutRegistry());

    @Override
    public Serializer<DocumentLinkLedger> serializer() {
        return (topic, ledger) -> ledger == null ? null : codec.encode(topic, toState(ledger));
    }

    @Override
    public Deserializer<DocumentLinkLedger> deserializer() {
        return (topic, bytes) -> {
            if (bytes == null) {
                return null;
            }
            try {
                return fromState(codec.decode(topic, bytes));
            } catch (UndecodableRecordException e) {
                throw new SerializationException("cannot read a document-link ledger from " + topic + ": " + e.getMessage(), e);
            }
        };
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
