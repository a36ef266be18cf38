package dev.syncledger.processor.status;

import dev.syncledger.schemas.serde.AvroCodec;
import dev.syncledger.schemas.serde.SerdeConfig;
import dev.syncledger.schemas.serde.UndecodableRecordException;
import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Store values as Avro single-object encoding, never through a registry: the fingerprint in every
 * value lets a newer version of the processor restore a store written by the previous one.
 */
final class InternalAvroSerde<T extends SpecificRecord> implements Serde<T> {

    private final AvroCodec<T> codec;

    InternalAvroSerde(Schema schema) {
        this.codec = AvroCodec.create(schema, SerdeConfig.withoutRegistry());
    }

    @Override
    public Serializer<T> serializer() {
        return (topic, value) -> value == null ? null : codec.encode(topic, value);
    }

    @Override
    public Deserializer<T> deserializer() {
        return (topic, bytes) -> {
            if (bytes == null) {
                return null;
            }
            try {
                return codec.decode(topic, bytes);
            } catch (UndecodableRecordException e) {
                throw new SerializationException("cannot read a " + codec.schema().getName() + " from " + topic + ": " + e.getMessage(), e);
            }
        };
    }
}
