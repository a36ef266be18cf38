package dev.syncledger.processor.synclog;

import dev.syncledger.processor.rejection.EventOrigin;
import dev.syncledger.processor.rejection.RejectionReason;
import dev.syncledger.processor.store.BinaryFormat;
import dev.syncledger.processor.store.BinaryReader;
import dev.syncledger.processor.store.BinaryWriter;
import dev.syncledger.processor.store.MalformedStoreValueException;
import dev.syncledger.schemas.TriggerType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A run's ledger in the store: identity and times once, each distinct cloud_task_id once, then per entry its id,
 * kind, times, verdict and position (partition, offset, timestamp: the topic and key are the run's own).
 * Kinds are stored by their position in {@link SyncLogEventKind}, which may only grow at its end.
 */
public final class SyncLogLedgerFormat implements BinaryFormat<SyncLogLedger> {

    private final String topic;

    public SyncLogLedgerFormat(String topic) {
        this.topic = topic;
    }

    @Override
    public int version() {
        return 1;
    }

    @Override
    public void write(SyncLogLedger ledger, BinaryWriter out) {
        out.writeUuid(ledger.syncLogId()).writeUuid(ledger.workspaceId()).writeUuid(ledger.workspaceConnectorId())
                .writeSignedVarLong(ledger.revision()).writeInstant(ledger.lastEventAt()).writeInstant(ledger.seenAt());
        Map<String, Integer> cloudTaskIds = new HashMap<>();
        List<String> dictionary = new ArrayList<>();
        for (LedgerEntry entry : ledger.entries()) {
            String id = entry.event().cloudTaskId();
            if (id != null && cloudTaskIds.putIfAbsent(id, dictionary.size()) == null) {
                dictionary.add(id);
            }
        }
        out.writeVarInt(dictionary.size());
        dictionary.forEach(out::writeString);
        out.writeVarInt(ledger.entries().size());
        for (LedgerEntry entry : ledger.entries()) {
            SyncLogEvent event = entry.event();
            out.writeUuid(event.eventId()).writeByte(event.kind().ordinal()).writeInstant(event.occurredAt())
                    .writeNullableInstant(event.at())
                    .writeString(event.triggerType() == null ? null : event.triggerType().name())
                    .writeVarInt(event.cloudTaskId() == null ? 0 : cloudTaskIds.get(event.cloudTaskId()) + 1)
                    .writeString(event.error()).writeString(event.metadata())
                    .writeByte(entry.rejectedAs() == null ? 0 : entry.rejectedAs().ordinal() + 1)
                    .writeVarInt(entry.position().partition()).writeSignedVarLong(entry.position().offset())
                    .writeSignedVarLong(entry.position().timestamp());
        }
    }

    @Override
    public SyncLogLedger read(BinaryReader in, int version) {
        var syncLogId = in.readUuid();
        var workspaceId = in.readUuid();
        var connectorId = in.readUuid();
        long revision = in.readSignedVarLong();
        var lastEventAt = in.readInstant();
        var seenAt = in.readInstant();
        int dictionarySize = in.readVarInt();
        List<String> dictionary = new ArrayList<>(dictionarySize);
        for (int i = 0; i < dictionarySize; i++) {
            dictionary.add(in.readString());
        }
        int count = in.readVarInt();
        List<LedgerEntry> entries = new ArrayList<>(count);
        String key = syncLogId.toString();
        for (int i = 0; i < count; i++) {
            var eventId = in.readUuid();
            SyncLogEventKind kind = kind(in.readByte());
            var occurredAt = in.readInstant();
            var at = in.readNullableInstant();
            String trigger = in.readString();
            int cloudTaskRef = in.readVarInt();
            String error = in.readString();
            String metadata = in.readString();
            int rejectedAs = in.readByte();
            EventOrigin position = new EventOrigin(topic, in.readVarInt(), in.readSignedVarLong(), in.readSignedVarLong(), key, null);
            if (cloudTaskRef > dictionary.size()) {
                throw new MalformedStoreValueException("cloud_task_id reference " + cloudTaskRef + " past a dictionary of " + dictionary.size());
            }
            SyncLogEvent event = new SyncLogEvent(eventId, occurredAt, workspaceId, connectorId, syncLogId, kind, at,
                    trigger == null ? null : TriggerType.valueOf(trigger), cloudTaskRef == 0 ? null : dictionary.get(cloudTaskRef - 1),
                    error, metadata);
            entries.add(new LedgerEntry(event, rejectedAs == 0 ? null : RejectionReason.at(rejectedAs - 1), position));
        }
        return new SyncLogLedger(syncLogId, workspaceId, connectorId, entries, revision, lastEventAt, seenAt);
    }

    private static SyncLogEventKind kind(int ordinal) {
        SyncLogEventKind[] kinds = SyncLogEventKind.values();
        if (ordinal >= kinds.length) {
            throw new MalformedStoreValueException("unknown sync-log event kind " + ordinal);
        }
        return kinds[ordinal];
    }
}
