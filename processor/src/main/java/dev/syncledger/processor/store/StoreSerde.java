package dev.syncledger.processor.store;

import dev.syncledger.schemas.serde.AvroCodec;
import dev.syncledger.schemas.serde.SerdeConfig;
import dev.syncledger.schemas.serde.UndecodableRecordException;
import java.util.function.Function;
import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/**
 * A state store value kept as an internal Avro record in single-object encoding, never through a
 * registry: the fingerprint in every value lets a newer version of the processor restore a store (or
 * read an internal topic) written by the previous one. {@code V} is the value the processor works
 * with, {@code A} its stored Avro form.
 */
public class StoreSerde<V, A extends SpecificRecord> implements Serde<V> {

    private final AvroCodec<A> codec;
    private final Function<V, A> toStored;
    private final Function<A, V> fromStored;

    protected StoreSerde(Schema schema, Function<V, A> toStored, Function<A, V> fromStored) {
        this.codec = AvroCodec.create(schema, SerdeConfig.withoutRegistry());
        this.toStored = toStored;
        this.fromStored = fromStored;
    }

    /** For values that are their own Avro record. */
    public static <A extends SpecificRecord> StoreSerde<A, A> ofRecord(Schema schema) {
        return new StoreSerde<>(schema, Function.identity(), Function.identity());
    }

    @Override
    public Serializer<V> serializer() {
        return (topic, value) -> value == null ? null : codec.encode(topic, toStored.apply(value));
    }

    @Override
    public Deserializer<V> deserializer() {
        return (topic, bytes) -> {
            if (bytes == null) {
                return null;
            }
            try {
                return fromStored.apply(codec.decode(topic, bytes));
            } catch (UndecodableRecordException e) {
                throw new SerializationException("cannot read a " + codec.schema().getName() + " from " + topic + ": " + e.getMessage(), e);
            }
        };
    }
}
