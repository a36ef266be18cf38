package dev.syncledger.schemas.serde;

import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/**
 * {@link AvroCodec} as a Kafka {@link Serde}. Null stays null both ways, for tombstones. A poison value fails with a
 * {@link SerializationException} whose cause is the {@link UndecodableRecordException}, so an exception handler can
 * tell poison from a registry outage ({@link SchemaRegistryException}, passed through unwrapped).
 */
public final class AvroSerde<T extends SpecificRecord> implements Serde<T> {

    private final AvroCodec<T> codec;
    private final Serializer<T> serializer = new AvroSerializer();
    private final Deserializer<T> deserializer = new AvroDeserializer();

    public AvroSerde(AvroCodec<T> codec) {
        this.codec = codec;
    }

    public static <T extends SpecificRecord> AvroSerde<T> create(Schema schema, SerdeConfig config) {
        return new AvroSerde<>(AvroCodec.create(schema, config));
    }

    public AvroCodec<T> codec() {
        return codec;
    }

    @Override
    public Serializer<T> serializer() {
        return serializer;
    }

    @Override
    public Deserializer<T> deserializer() {
        return deserializer;
    }

    private final class AvroSerializer implements Serializer<T> {
        @Override
        public byte[] serialize(String topic, T record) {
            if (record == null) {
                return null;
            }
            try {
                return codec.encode(topic, record);
            } catch (IllegalArgumentException e) {
                throw new SerializationException(e.getMessage(), e);
            }
        }
    }

    private final class AvroDeserializer implements Deserializer<T> {
        @Override
        public T deserialize(String topic, byte[] bytes) {
            if (bytes == null) {
                return null;
            }
            try {
                return codec.decode(topic, bytes);
            } catch (UndecodableRecordException e) {
                throw new SerializationException(e.getMessage(), e);
            }
        }
    }
}
