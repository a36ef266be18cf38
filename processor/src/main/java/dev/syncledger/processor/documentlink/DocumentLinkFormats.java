package dev.syncledger.processor.documentlink;

import dev.syncledger.processor.rejection.EventOrigin;
import dev.syncledger.processor.store.BinaryFormat;
import dev.syncledger.processor.store.BinaryReader;
import dev.syncledger.processor.store.BinarySerde;
import dev.syncledger.processor.store.BinaryWriter;
import dev.syncledger.processor.store.MalformedStoreValueException;
import java.util.UUID;

/** A link's ledger, and a link event waiting for its connector's owner, in binary. */
final class DocumentLinkFormats {

    private DocumentLinkFormats() {}

    static BinarySerde<DocumentLinkLedger> ledger(String topic) {
        return new BinarySerde<>("document-link ledger", new BinaryFormat<>() {
            @Override
            public int version() {
                return 1;
            }

            @Override
            public void write(DocumentLinkLedger ledger, BinaryWriter out) {
                writeKey(ledger.key(), out);
                LinkEvent latest = ledger.latest();
                out.writeUuid(ledger.workspaceId()).writeNullableInstant(ledger.earliestLink()).writeUuid(latest.eventId())
                        .writeInstant(latest.occurredAt()).writeByte(latest.kind().ordinal())
                        .writeVarInt(ledger.latestPosition().partition()).writeSignedVarLong(ledger.latestPosition().offset())
                        .writeSignedVarLong(ledger.latestPosition().timestamp())
                        .writeSignedVarLong(ledger.revision()).writeInstant(ledger.lastEventAt());
            }

            @Override
            public DocumentLinkLedger read(BinaryReader in, int version) {
                DocumentLinkKey key = readKey(in);
                UUID workspaceId = in.readUuid();
                var earliest = in.readNullableInstant();
                LinkEvent latest = new LinkEvent(in.readUuid(), in.readInstant(), workspaceId, key, kind(in.readByte()));
                EventOrigin position = new EventOrigin(topic, in.readVarInt(), in.readSignedVarLong(), in.readSignedVarLong(),
                        key.documentId().toString(), null);
                return new DocumentLinkLedger(key, workspaceId, earliest, latest, position, in.readSignedVarLong(), in.readInstant());
            }
        });
    }

    static final BinarySerde<LinkEvent> PARKED = new BinarySerde<>("parked document-link event", new BinaryFormat<>() {
        @Override
        public int version() {
            return 1;
        }

        @Override
        public void write(LinkEvent event, BinaryWriter out) {
            out.writeUuid(event.eventId()).writeInstant(event.occurredAt()).writeUuid(event.workspaceId());
            writeKey(event.key(), out);
            out.writeByte(event.kind().ordinal());
        }

        @Override
        public LinkEvent read(BinaryReader in, int version) {
            return new LinkEvent(in.readUuid(), in.readInstant(), in.readUuid(), readKey(in), kind(in.readByte()));
        }
    });

    private static void writeKey(DocumentLinkKey key, BinaryWriter out) {
        out.writeUuid(key.documentId()).writeUuid(key.workspaceConnectorId()).writeString(key.direction().code());
    }

    private static DocumentLinkKey readKey(BinaryReader in) {
        UUID document = in.readUuid();
        UUID connector = in.readUuid();
        String direction = in.readString();
        return new DocumentLinkKey(document, connector, LinkDirection.fromCode(direction)
                .orElseThrow(() -> new MalformedStoreValueException("unknown link direction " + direction)));
    }

    private static LinkEventKind kind(int ordinal) {
        LinkEventKind[] kinds = LinkEventKind.values();
        if (ordinal >= kinds.length) {
            throw new MalformedStoreValueException("unknown link event kind " + ordinal);
        }
        return kinds[ordinal];
    }
}
