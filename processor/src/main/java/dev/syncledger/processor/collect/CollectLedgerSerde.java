package dev.syncledger.processor.collect;

import dev.syncledger.processor.store.StoreSerde;
import org.apache.kafka.common.errors.SerializationException;
import dev.syncledger.processor.collect.store.CollectLedgerEntryState;
import dev.syncledger.processor.collect.store.CollectLedgerState;
import dev.syncledger.processor.collect.store.CollectOriginState;
import dev.syncledger.processor.rejection.EventOrigin;
import dev.syncledger.processor.rejection.RejectionReason;
import java.nio.ByteBuffer;

/**
 * Stores a collect's ledger as Avro single-object encoding: the fingerprint in every value lets a newer
 * version of the processor restore a store written by the previous one.
 */
public final class CollectLedgerSerde extends StoreSerde<CollectLedger, CollectLedgerState> {

    public CollectLedgerSerde() {
        super(CollectLedgerState.getClassSchema(), CollectLedgerSerde::toState, CollectLedgerSerde::fromState);
    }

    static CollectLedgerState toState(CollectLedger ledger) {
        return CollectLedgerState.newBuilder()
                .setCollectId(ledger.collectId())
                .setWorkspaceId(ledger.workspaceId())
                .setRevision(ledger.revision())
                .setSyncLogRevision(ledger.syncLogRevision())
                .setEntries(ledger.entries().stream().map(CollectLedgerSerde::toState).toList())
                .build();
    }

    private static CollectLedgerEntryState toState(CollectLedgerEntry entry) {
        CollectChange event = entry.event();
        return CollectLedgerEntryState.newBuilder()
                .setEventId(event.eventId())
                .setOccurredAt(event.occurredAt())
                .setKind(event.kind().name())
                .setWorkspaceConnectorId(event.workspaceConnectorId())
                .setStatus(event.status() == null ? null : event.status().code())
                .setPeopleId(event.peopleId())
                .setProvider(event.provider())
                .setTaskId(event.taskId())
                .setStartedAt(event.startedAt())
                .setEndedAt(event.endedAt())
                .setError(event.error())
                .setRejectedAs(entry.rejectedAs() == null ? null : entry.rejectedAs().code())
                .setOrigin(entry.origin() == null ? null : toState(entry.origin()))
                .build();
    }

    private static CollectOriginState toState(EventOrigin origin) {
        return CollectOriginState.newBuilder()
                .setTopic(origin.topic())
                .setPartition(origin.partition())
                .setOffset(origin.offset())
                .setKey(origin.key())
                .setValue(origin.value() == null ? null : ByteBuffer.wrap(origin.value()))
                .build();
    }

    static CollectLedger fromState(CollectLedgerState state) {
        return new CollectLedger(state.getCollectId(), state.getWorkspaceId(),
                state.getEntries().stream().map(entry -> fromState(state, entry)).toList(),
                state.getRevision(), state.getSyncLogRevision());
    }

    private static CollectLedgerEntry fromState(CollectLedgerState collect, CollectLedgerEntryState entry) {
        CollectChange event = new CollectChange(entry.getEventId(), entry.getOccurredAt(), collect.getWorkspaceId(),
                entry.getWorkspaceConnectorId(), collect.getCollectId(), CollectEventKind.valueOf(entry.getKind()),
                entry.getStatus() == null ? null : CollectStatus.fromCode(entry.getStatus()).orElseThrow(
                        () -> new SerializationException("a stored collect entry has unknown status " + entry.getStatus())),
                entry.getPeopleId(), entry.getProvider(), entry.getTaskId(), entry.getStartedAt(), entry.getEndedAt(),
                entry.getError());
        RejectionReason rejectedAs = entry.getRejectedAs() == null ? null : RejectionReason.fromCode(entry.getRejectedAs());
        return new CollectLedgerEntry(event, rejectedAs, entry.getOrigin() == null ? null : fromState(entry.getOrigin()));
    }

    private static EventOrigin fromState(CollectOriginState origin) {
        byte[] value = null;
        if (origin.getValue() != null) {
            ByteBuffer buffer = origin.getValue().duplicate();
            value = new byte[buffer.remaining()];
            buffer.get(value);
        }
        return new EventOrigin(origin.getTopic(), origin.getPartition(), origin.getOffset(), origin.getKey(), value);
    }
}
