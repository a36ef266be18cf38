package dev.syncledger.processor.synclog;

import dev.syncledger.processor.store.BinaryFormat;
import dev.syncledger.processor.store.BinaryReader;
import dev.syncledger.processor.store.BinarySerde;
import dev.syncledger.processor.store.BinaryWriter;
import dev.syncledger.schemas.TriggerType;

/** A sync-run event as it waits, parked, for its connector's owner. */
final class SyncLogEventFormat implements BinaryFormat<SyncLogEvent> {

    static final BinarySerde<SyncLogEvent> SERDE = new BinarySerde<>("parked sync-run event", new SyncLogEventFormat());

    @Override
    public int version() {
        return 1;
    }

    @Override
    public void write(SyncLogEvent event, BinaryWriter out) {
        out.writeUuid(event.eventId()).writeInstant(event.occurredAt()).writeUuid(event.workspaceId())
                .writeUuid(event.workspaceConnectorId()).writeUuid(event.syncLogId()).writeByte(event.kind().ordinal())
                .writeNullableInstant(event.at()).writeString(event.triggerType() == null ? null : event.triggerType().name())
                .writeString(event.cloudTaskId()).writeString(event.error()).writeString(event.metadata());
    }

    @Override
    public SyncLogEvent read(BinaryReader in, int version) {
        var eventId = in.readUuid();
        var occurredAt = in.readInstant();
        var workspaceId = in.readUuid();
        var connectorId = in.readUuid();
        var syncLogId = in.readUuid();
        SyncLogEventKind kind = SyncLogEventKind.values()[in.readByte()];
        var at = in.readNullableInstant();
        String trigger = in.readString();
        return new SyncLogEvent(eventId, occurredAt, workspaceId, connectorId, syncLogId, kind, at,
                trigger == null ? null : TriggerType.valueOf(trigger), in.readString(), in.readString(), in.readString());
    }
}
