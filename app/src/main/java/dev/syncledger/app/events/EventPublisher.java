package dev.syncledger.app.events;

import dev.syncledger.schemas.serde.AvroCodec;
import dev.syncledger.schemas.serde.SerdeConfig;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** Publishes events to their input topics as a connector would: Avro values, keyed for their partition, acks=all, idempotent. */
public final class EventPublisher implements AutoCloseable {

    private final KafkaProducer<String, byte[]> producer;
    private final SerdeConfig serde;
    private final Map<Schema, AvroCodec<SpecificRecord>> codecs = new ConcurrentHashMap<>();

    public EventPublisher(String bootstrapServers, SerdeConfig serde) {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        props.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        props.put(ProducerConfig.CLIENT_ID_CONFIG, "sync-ledger-publisher");
        this.producer = new KafkaProducer<>(props, new StringSerializer(), new ByteArraySerializer());
        this.serde = serde;
    }

    public void publish(OutgoingEvent event) {
        AvroCodec<SpecificRecord> codec = codecs.computeIfAbsent(event.value().getSchema(), schema -> AvroCodec.create(schema, serde));
        producer.send(new ProducerRecord<>(event.topic(), event.key(), codec.encode(event.topic(), event.value())));
    }

    /** Publishes bytes as they are: for tests and tools that need to send what no codec would write. */
    public void publishRaw(String topic, String key, byte[] value) {
        producer.send(new ProducerRecord<>(topic, key, value));
    }

    public void flush() {
        producer.flush();
    }

    @Override
    public void close() {
        producer.close();
    }
}
