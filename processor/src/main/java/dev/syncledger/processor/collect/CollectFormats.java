package dev.syncledger.processor.collect;

import dev.syncledger.processor.rejection.EventOrigin;
import dev.syncledger.processor.rejection.RejectionReason;
import dev.syncledger.processor.store.BinaryFormat;
import dev.syncledger.processor.store.BinaryReader;
import dev.syncledger.processor.store.BinarySerde;
import dev.syncledger.processor.store.BinaryWriter;
import dev.syncledger.processor.store.MalformedStoreValueException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** A collect's ledger, and a collect event waiting for its connector's owner, in binary. */
final class CollectFormats {

    private CollectFormats() {}

    static BinarySerde<CollectLedger> ledger(String topic) {
        return new BinarySerde<>("collect ledger", new BinaryFormat<>() {
            @Override
            public int version() {
                return 1;
            }

            @Override
            public void write(CollectLedger ledger, BinaryWriter out) {
                out.writeUuid(ledger.collectId()).writeUuid(ledger.workspaceId()).writeSignedVarLong(ledger.revision())
                        .writeSignedVarLong(ledger.syncLogRevision()).writeInstant(ledger.lastEventAt()).writeInstant(ledger.seenAt())
                        .writeVarInt(ledger.entries().size());
                for (CollectLedgerEntry entry : ledger.entries()) {
                    writeChange(entry.event(), out);
                    out.writeByte(entry.rejectedAs() == null ? 0 : entry.rejectedAs().ordinal() + 1)
                            .writeVarInt(entry.position().partition()).writeSignedVarLong(entry.position().offset())
                            .writeSignedVarLong(entry.position().timestamp());
                }
            }

            @Override
            public CollectLedger read(BinaryReader in, int version) {
                UUID collectId = in.readUuid();
                UUID workspaceId = in.readUuid();
                long revision = in.readSignedVarLong();
                long syncLogRevision = in.readSignedVarLong();
                var lastEventAt = in.readInstant();
                var seenAt = in.readInstant();
                int count = in.readVarInt();
                List<CollectLedgerEntry> entries = new ArrayList<>(count);
                for (int i = 0; i < count; i++) {
                    CollectChange event = readChange(in);
                    int rejectedAs = in.readByte();
                    EventOrigin position = new EventOrigin(topic, in.readVarInt(), in.readSignedVarLong(), in.readSignedVarLong(),
                            collectId.toString(), null);
                    entries.add(new CollectLedgerEntry(event, rejectedAs == 0 ? null : RejectionReason.at(rejectedAs - 1), position));
                }
                return new CollectLedger(collectId, workspaceId, entries, revision, syncLogRevision, lastEventAt, seenAt);
            }
        });
    }

    static final BinarySerde<CollectChange> PARKED = new BinarySerde<>("parked collect event", new BinaryFormat<>() {
        @Override
        public int version() {
            return 1;
        }

        @Override
        public void write(CollectChange event, BinaryWriter out) {
            writeChange(event, out);
        }

        @Override
        public CollectChange read(BinaryReader in, int version) {
            return readChange(in);
        }
    });

    private static void writeChange(CollectChange event, BinaryWriter out) {
        out.writeUuid(event.eventId()).writeInstant(event.occurredAt()).writeUuid(event.workspaceId())
                .writeNullableUuid(event.workspaceConnectorId()).writeUuid(event.collectId()).writeByte(event.kind().ordinal())
                .writeString(event.status() == null ? null : event.status().code()).writeNullableUuid(event.peopleId())
                .writeString(event.provider()).writeNullableUuid(event.taskId()).writeNullableInstant(event.startedAt())
                .writeNullableInstant(event.endedAt()).writeString(event.error());
    }

    private static CollectChange readChange(BinaryReader in) {
        UUID eventId = in.readUuid();
        var occurredAt = in.readInstant();
        UUID workspaceId = in.readUuid();
        UUID connectorId = in.readNullableUuid();
        UUID collectId = in.readUuid();
        int kind = in.readByte();
        if (kind >= CollectEventKind.values().length) {
            throw new MalformedStoreValueException("unknown collect event kind " + kind);
        }
        String status = in.readString();
        return new CollectChange(eventId, occurredAt, workspaceId, connectorId, collectId, CollectEventKind.values()[kind],
                status == null ? null : CollectStatus.fromCode(status)
                        .orElseThrow(() -> new MalformedStoreValueException("unknown collect status " + status)),
                in.readNullableUuid(), in.readString(), in.readNullableUuid(), in.readNullableInstant(), in.readNullableInstant(),
                in.readString());
    }
}
