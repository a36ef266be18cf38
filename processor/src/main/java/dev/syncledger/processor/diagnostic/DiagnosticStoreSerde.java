package dev.syncledger.processor.diagnostic;

import dev.syncledger.processor.diagnostic.store.DiagnosticOriginState;
import dev.syncledger.processor.diagnostic.store.DiagnosticStoreState;
import dev.syncledger.processor.rejection.EventOrigin;
import dev.syncledger.schemas.serde.AvroCodec;
import dev.syncledger.schemas.serde.SerdeConfig;
import dev.syncledger.schemas.serde.UndecodableRecordException;
import java.nio.ByteBuffer;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Stores what is kept about a diagnostic as Avro single-object encoding: the fingerprint in every value
 * lets a newer version of the processor restore a store written by the previous one.
 */
public final class DiagnosticStoreSerde implements Serde<StoredDiagnostic> {

    private final AvroCodec<DiagnosticStoreState> codec =
            AvroCodec.create(DiagnosticStoreState.getClassSchema(), SerdeConfig.withoutRegistry());

    @Override
    public Serializer<StoredDiagnostic> serializer() {
        return (topic, stored) -> stored == null ? null : codec.encode(topic, toState(stored));
    }

    @Override
    public Deserializer<StoredDiagnostic> deserializer() {
        return (topic, bytes) -> {
            if (bytes == null) {
                return null;
            }
            try {
                return fromState(codec.decode(topic, bytes));
            } catch (UndecodableRecordException e) {
                throw new SerializationException("cannot read a stored diagnostic from " + topic + ": " + e.getMessage(), e);
            }
        };
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
