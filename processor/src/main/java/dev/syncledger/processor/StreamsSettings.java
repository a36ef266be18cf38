package dev.syncledger.processor;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.streams.StreamsConfig;

/** The Kafka Streams settings of a processor instance, typed, with the defaults sync-ledger runs with. */
public record StreamsSettings(
        String applicationId,
        String bootstrapServers,
        Path stateDir,
        String processingGuarantee,
        int threads,
        Duration commitInterval,
        short replicationFactor,
        Map<String, Object> overrides) {

    public static final String DEFAULT_APPLICATION_ID = "sync-ledger";

    public StreamsSettings {
        Objects.requireNonNull(applicationId, "applicationId");
        Objects.requireNonNull(bootstrapServers, "bootstrapServers");
        Objects.requireNonNull(stateDir, "stateDir");
        Objects.requireNonNull(processingGuarantee, "processingGuarantee");
        Objects.requireNonNull(commitInterval, "commitInterval");
        overrides = Map.copyOf(overrides);
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, was " + threads);
        }
    }

    /** exactly_once_v2, one thread, Kafka Streams' own 100 ms commit interval for exactly-once. */
    public static StreamsSettings defaults(String bootstrapServers, Path stateDir) {
        return new StreamsSettings(DEFAULT_APPLICATION_ID, bootstrapServers, stateDir, StreamsConfig.EXACTLY_ONCE_V2, 1,
                Duration.ofMillis(100), (short) 1, Map.of());
    }

    public StreamsSettings withApplicationId(String id) {
        return new StreamsSettings(id, bootstrapServers, stateDir, processingGuarantee, threads, commitInterval, replicationFactor, overrides);
    }

    public StreamsSettings withOverrides(Map<String, Object> more) {
        return new StreamsSettings(applicationId, bootstrapServers, stateDir, processingGuarantee, threads, commitInterval, replicationFactor, more);
    }

    public Properties toProperties() {
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, applicationId);
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, processingGuarantee);
        props.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, threads);
        props.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, commitInterval.toMillis());
        props.put(StreamsConfig.REPLICATION_FACTOR_CONFIG, (int) replicationFactor);
        // A run's rejection and its row must never be lost to a retry: the producer is idempotent anyway
        // under exactly_once_v2; at_least_once gets the same guarantee here.
        props.put(StreamsConfig.producerPrefix(ProducerConfig.ACKS_CONFIG), "all");
        props.put(StreamsConfig.consumerPrefix(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG), "earliest");
        props.putAll(overrides);
        return props;
    }
}
