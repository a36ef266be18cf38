package dev.syncledger.processor.synclog;

import dev.syncledger.processor.store.StoreSerde;
import dev.syncledger.processor.rejection.EventOrigin;
import dev.syncledger.processor.rejection.RejectionReason;
import dev.syncledger.processor.synclog.store.LedgerEntryState;
import dev.syncledger.processor.synclog.store.OriginState;
import dev.syncledger.processor.synclog.store.SyncLogLedgerState;
import dev.syncledger.schemas.TriggerType;
import java.nio.ByteBuffer;

/**
 * Stores a run's ledger as Avro single-object encoding: the fingerprint in every value lets a newer
 * version of the processor restore a store written by the previous one.
 */
public final class SyncLogLedgerSerde extends StoreSerde<SyncLogLedger, SyncLogLedgerState> {

    public SyncLogLedgerSerde() {
        super(SyncLogLedgerState.getClassSchema(), SyncLogLedgerSerde::toState, SyncLogLedgerSerde::fromState);
    }

    static SyncLogLedgerState toState(SyncLogLedger ledger) {
        return SyncLogLedgerState.newBuilder()
                .setSyncLogId(ledger.syncLogId())
                .setWorkspaceId(ledger.workspaceId())
                .setWorkspaceConnectorId(ledger.workspaceConnectorId())
                .setRevision(ledger.revision())
                .setEntries(ledger.entries().stream().map(SyncLogLedgerSerde::toState).toList())
                .build();
    }

    private static LedgerEntryState toState(LedgerEntry entry) {
        SyncLogEvent event = entry.event();
        return LedgerEntryState.newBuilder()
                .setEventId(event.eventId())
                .setOccurredAt(event.occurredAt())
                .setKind(event.kind().name())
                .setAt(event.at())
                .setTriggerType(event.triggerType() == null ? null : event.triggerType().name())
                .setCloudTaskId(event.cloudTaskId())
                .setError(event.error())
                .setMetadata(event.metadata())
                .setRejectedAs(entry.rejectedAs() == null ? null : entry.rejectedAs().code())
                .setOrigin(entry.origin() == null ? null : toState(entry.origin()))
                .build();
    }

    private static OriginState toState(EventOrigin origin) {
        return OriginState.newBuilder()
                .setTopic(origin.topic())
                .setPartition(origin.partition())
                .setOffset(origin.offset())
                .setKey(origin.key())
                .setValue(origin.value() == null ? null : ByteBuffer.wrap(origin.value()))
                .build();
    }

    static SyncLogLedger fromState(SyncLogLedgerState state) {
        return new SyncLogLedger(state.getSyncLogId(), state.getWorkspaceId(), state.getWorkspaceConnectorId(),
                state.getEntries().stream().map(entry -> fromState(state, entry)).toList(), state.getRevision());
    }

    private static LedgerEntry fromState(SyncLogLedgerState run, LedgerEntryState entry) {
        SyncLogEvent event = new SyncLogEvent(entry.getEventId(), entry.getOccurredAt(), run.getWorkspaceId(),
                run.getWorkspaceConnectorId(), run.getSyncLogId(), SyncLogEventKind.valueOf(entry.getKind()), entry.getAt(),
                entry.getTriggerType() == null ? null : TriggerType.valueOf(entry.getTriggerType()),
                entry.getCloudTaskId(), entry.getError(), entry.getMetadata());
        RejectionReason rejectedAs = entry.getRejectedAs() == null ? null : RejectionReason.fromCode(entry.getRejectedAs());
        return new LedgerEntry(event, rejectedAs, entry.getOrigin() == null ? null : fromState(entry.getOrigin()));
    }

    private static EventOrigin fromState(OriginState origin) {
        byte[] value = null;
        if (origin.getValue() != null) {
            ByteBuffer buffer = origin.getValue().duplicate();
            value = new byte[buffer.remaining()];
            buffer.get(value);
        }
        return new EventOrigin(origin.getTopic(), origin.getPartition(), origin.getOffset(), origin.getKey(), value);
    }
}
