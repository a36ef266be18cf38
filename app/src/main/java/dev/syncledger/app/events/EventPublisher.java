package dev.syncledger.app.events;

import dev.syncledger.schemas.kafka.KafkaConnection;
import dev.syncledger.schemas.serde.AvroCodec;
import dev.syncledger.schemas.serde.SerdeConfig;
import dev.syncledger.schemas.text.OneLine;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.producer.Callback;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Publishes events to their input topics as a connector would: Avro values, keyed for their partition,
 * acks=all, idempotent. Sends are asynchronous; {@link #flush()} waits for them and fails when any was
 * not delivered, so a caller never reports as published what the broker did not take.
 */
public final class EventPublisher implements AutoCloseable {

    /** The producer's own default is two minutes; a person waiting on a command should hear sooner. */
    public static final Duration DEFAULT_DELIVERY_TIMEOUT = Duration.ofSeconds(60);

    private static final int LINGER_MS = 5;

    private final KafkaProducer<String, byte[]> producer;
    private final SerdeConfig serde;
    private final Map<Schema, AvroCodec<SpecificRecord>> codecs = new ConcurrentHashMap<>();
    private final AtomicLong undelivered = new AtomicLong();
    private final AtomicReference<Exception> firstFailure = new AtomicReference<>();
    private final Callback onDelivery = (metadata, exception) -> {
        if (exception != null) {
            undelivered.incrementAndGet();
            firstFailure.compareAndSet(null, exception);
        }
    };

    public EventPublisher(String bootstrapServers, SerdeConfig serde) {
        this(KafkaConnection.to(bootstrapServers), serde, DEFAULT_DELIVERY_TIMEOUT);
    }

    /** {@code deliveryTimeout} bounds how long an event is retried, and how long a send blocks for a broker's metadata. */
    public EventPublisher(KafkaConnection kafka, SerdeConfig serde, Duration deliveryTimeout) {
        Properties props = new Properties();
        props.putAll(kafka.clientConfig());
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        props.put(ProducerConfig.LINGER_MS_CONFIG, LINGER_MS);
        props.put(ProducerConfig.CLIENT_ID_CONFIG, "sync-ledger-publisher");
        int deliveryMs = (int) Math.min(Integer.MAX_VALUE, deliveryTimeout.toMillis());
        int requestMs = Math.max(1_000, Math.min(30_000, deliveryMs / 2));
        props.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, requestMs);
        // The producer refuses a delivery timeout shorter than linger.ms + request.timeout.ms.
        props.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, Math.max(deliveryMs, requestMs + LINGER_MS));
        props.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, deliveryMs);
        this.producer = new KafkaProducer<>(props, new StringSerializer(), new ByteArraySerializer());
        this.serde = serde;
    }

    public void publish(OutgoingEvent event) {
        producer.send(new ProducerRecord<>(event.topic(), event.key(), encode(event)), onDelivery);
    }

    /**
     * Publishes, telling {@code refusal} instead of failing the next {@link #flush()} when Kafka refuses this one
     * event as too large: that is the event's fault, not the broker's, and the events around it still go through.
     */
    public void publish(OutgoingEvent event, Refusal refusal) {
        producer.send(new ProducerRecord<>(event.topic(), event.key(), encode(event)), (metadata, exception) -> {
            if (exception instanceof RecordTooLargeException) {
                refusal.refused("Kafka refuses the event as too large: " + OneLine.of(exception.getMessage()));
            } else {
                onDelivery.onCompletion(metadata, exception);
            }
        });
    }

    /** Publishes with the record timestamp given, as a connector replaying history with its events' times would. */
    public void publish(OutgoingEvent event, Instant timestamp) {
        producer.send(new ProducerRecord<>(event.topic(), null, timestamp.toEpochMilli(), event.key(), encode(event)), onDelivery);
    }

    private byte[] encode(OutgoingEvent event) {
        AvroCodec<SpecificRecord> codec = codecs.computeIfAbsent(event.value().getSchema(), schema -> AvroCodec.create(schema, serde));
        return codec.encode(event.topic(), event.value());
    }

    /**
     * Waits until every event sent so far is delivered or has failed.
     *
     * @throws UndeliveredEventsException when any event sent so far was not delivered
     */
    public void flush() {
        producer.flush();
        Exception failure = firstFailure.get();
        if (failure != null) {
            throw new UndeliveredEventsException(undelivered.get(), failure);
        }
    }

    /** Told, on the producer's thread or the sender's, that Kafka refuses one event for what it is. */
    @FunctionalInterface
    public interface Refusal {
        void refused(String why);
    }

    @Override
    public void close() {
        producer.close();
    }
}
