package dev.syncledger.processor.diagnostic;

import dev.syncledger.processor.store.StoreSerde;
import org.apache.kafka.common.errors.SerializationException;
import dev.syncledger.processor.diagnostic.store.DiagnosticOriginState;
import dev.syncledger.processor.diagnostic.store.DiagnosticStoreState;
import dev.syncledger.processor.rejection.EventOrigin;
import java.nio.ByteBuffer;

/**
 * Stores what is kept about a diagnostic as Avro single-object encoding: the fingerprint in every value
 * lets a newer version of the processor restore a store written by the previous one.
 */
public final class DiagnosticStoreSerde extends StoreSerde<StoredDiagnostic, DiagnosticStoreState> {

    public DiagnosticStoreSerde() {
        super(DiagnosticStoreState.getClassSchema(), DiagnosticStoreSerde::toState, DiagnosticStoreSerde::fromState);
    }

    static DiagnosticStoreState toState(StoredDiagnostic stored) {
        DiagnosticRow row = stored.row();
        return DiagnosticStoreState.newBuilder()
                .setAcceptedEventId(stored.acceptedEventId())
                .setDiagnosticId(row.diagnosticId())
                .setWorkspaceId(row.workspaceId())
                .setWorkspaceConnectorId(row.workspaceConnectorId())
                .setTargetModel(row.targetModel().code())
                .setToolName(row.toolName())
                .setReason(row.reason().code())
                .setHttpStatus(row.httpStatus())
                .setDetail(row.detail())
                .setOccurredAt(row.occurredAt())
                .setOrigin(toState(stored.origin()))
                .setConflictingEventIds(stored.conflictingEventIds())
                .build();
    }

    private static DiagnosticOriginState toState(EventOrigin origin) {
        return DiagnosticOriginState.newBuilder()
                .setTopic(origin.topic())
                .setPartition(origin.partition())
                .setOffset(origin.offset())
                .setKey(origin.key())
                .setValue(origin.value() == null ? null : ByteBuffer.wrap(origin.value()))
                .build();
    }

    static StoredDiagnostic fromState(DiagnosticStoreState state) {
        DiagnosticRow row = new DiagnosticRow(state.getDiagnosticId(), state.getWorkspaceId(), state.getWorkspaceConnectorId(),
                TargetModel.fromCode(state.getTargetModel()).orElseThrow(() -> unreadable("target_model", state.getTargetModel())),
                state.getToolName(),
                SyncFailureReason.fromCode(state.getReason()).orElseThrow(() -> unreadable("reason", state.getReason())),
                state.getHttpStatus(), state.getDetail(), state.getOccurredAt());
        return new StoredDiagnostic(state.getAcceptedEventId(), row, fromState(state.getOrigin()), state.getConflictingEventIds());
    }

    private static EventOrigin fromState(DiagnosticOriginState origin) {
        byte[] value = null;
        if (origin.getValue() != null) {
            ByteBuffer buffer = origin.getValue().duplicate();
            value = new byte[buffer.remaining()];
            buffer.get(value);
        }
        return new EventOrigin(origin.getTopic(), origin.getPartition(), origin.getOffset(), origin.getKey(), value);
    }

    /** Only accepted values are stored, so this means a store written by a version that knew more values. */
    private static SerializationException unreadable(String field, String value) {
        return new SerializationException("stored diagnostic has " + field + " '" + value + "', which this version does not know;"
                + " a processor must not be downgraded below the version that accepted it");
    }
}
