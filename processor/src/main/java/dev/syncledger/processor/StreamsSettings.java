package dev.syncledger.processor;

import dev.syncledger.schemas.text.Redaction;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import dev.syncledger.schemas.kafka.KafkaConnection;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import dev.syncledger.processor.rejection.RejectingProcessingExceptionHandler;
import dev.syncledger.processor.rejection.RejectingProductionExceptionHandler;
import dev.syncledger.processor.store.BoundedRocksDB;
import org.apache.kafka.streams.StreamsConfig;

/** The Kafka Streams settings of a processor instance, typed, with the defaults sync-ledger runs with. */
public record StreamsSettings(
        String applicationId,
        KafkaConnection kafka,
        Path stateDir,
        String processingGuarantee,
        int threads,
        Duration commitInterval,
        short replicationFactor,
        long storeMemoryBytes,
        Map<String, Object> overrides) {

    public static final String DEFAULT_APPLICATION_ID = "sync-ledger";

    /**
     * One stream thread. A second folds while the first waits for its commit, and on the 2-core bench machine took the
     * processor from 19,141 to 26,217 events/s under exactly-once, but at 5,000 events/s the two threads, the JIT, the
     * sink and PostgreSQL contended for the cores: the end-to-end p99 was 1.09 s and 0.68 s against 0.37-0.53 s with
     * one (BENCHMARKS.md).
     * Where the broker and the database have cores of their own, {@code --threads} is worth raising.
     */
    public static final int DEFAULT_THREADS = 1;

    /**
     * The record cache, shared by the stream threads. Only the commit hooks' one-entry stores use it: ledgers and
     * connector states are held by the processor itself ({@code WriteBehindStore}), decoded.
     */
    static final long RECORD_CACHE_BYTES = 1024 * 1024;

    public StreamsSettings {
        Objects.requireNonNull(applicationId, "applicationId");
        Objects.requireNonNull(kafka, "kafka");
        Objects.requireNonNull(stateDir, "stateDir");
        Objects.requireNonNull(processingGuarantee, "processingGuarantee");
        Objects.requireNonNull(commitInterval, "commitInterval");
        overrides = Map.copyOf(overrides);
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, was " + threads);
        }
        if (storeMemoryBytes < BoundedRocksDB.MIN_MEMORY_BYTES) {
            throw new IllegalArgumentException("storeMemoryBytes must be at least " + BoundedRocksDB.MIN_MEMORY_BYTES + ", was "
                    + storeMemoryBytes);
        }
    }

    /** The brokers, as the settings' users mostly need them. */
    public String bootstrapServers() {
        return kafka.bootstrapServers();
    }

    /** exactly_once_v2, {@value #DEFAULT_THREADS} thread, Kafka Streams' own 100 ms commit interval for exactly-once. */
    public static StreamsSettings defaults(String bootstrapServers, Path stateDir) {
        return defaults(KafkaConnection.to(bootstrapServers), stateDir);
    }

    /** exactly_once_v2, {@value #DEFAULT_THREADS} thread, Kafka Streams' own 100 ms commit interval for exactly-once. */
    public static StreamsSettings defaults(KafkaConnection kafka, Path stateDir) {
        return new StreamsSettings(DEFAULT_APPLICATION_ID, kafka, stateDir, StreamsConfig.EXACTLY_ONCE_V2, DEFAULT_THREADS,
                Duration.ofMillis(100), (short) 1, BoundedRocksDB.DEFAULT_MEMORY_BYTES, Map.of());
    }

    public StreamsSettings withApplicationId(String id) {
        return new StreamsSettings(id, kafka, stateDir, processingGuarantee, threads, commitInterval, replicationFactor, storeMemoryBytes,
                overrides);
    }

    /** What all of this instance's RocksDB stores may take together: block cache, index and filter blocks, memtables. */
    public StreamsSettings withStoreMemory(long bytes) {
        return new StreamsSettings(applicationId, kafka, stateDir, processingGuarantee, threads, commitInterval, replicationFactor, bytes,
                overrides);
    }

    public StreamsSettings withOverrides(Map<String, Object> more) {
        return new StreamsSettings(applicationId, kafka, stateDir, processingGuarantee, threads, commitInterval, replicationFactor,
                storeMemoryBytes, more);
    }

    /** What the main consumer fetches per partition at a time: small, so that an owner's answer is not queued behind a backlog. */
    static final int OWNER_ANSWER_FETCH_BYTES = 64 * 1024;

    public Properties toProperties() {
        Properties props = new Properties();
        // Security and trust settings first: they apply to every client Kafka Streams makes; ours go over them.
        props.putAll(kafka.clientConfig());
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, applicationId);
        props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, processingGuarantee);
        props.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, threads);
        props.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, commitInterval.toMillis());
        props.put(StreamsConfig.REPLICATION_FACTOR_CONFIG, (int) replicationFactor);
        // A run's rejection and its row must never be lost to a retry: the producer is idempotent anyway
        // under exactly_once_v2; at_least_once gets the same guarantee here.
        props.put(StreamsConfig.producerPrefix(ProducerConfig.ACKS_CONFIG), "all");
        props.put(StreamsConfig.consumerPrefix(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG), "earliest");
        // A failure on one input record becomes its rejection; anything else stops the task for the runner to retry.
        props.put(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_CLASS_CONFIG, RejectingProcessingExceptionHandler.class);
        props.put(StreamsConfig.PRODUCTION_EXCEPTION_HANDLER_CLASS_CONFIG, RejectingProductionExceptionHandler.class);
        // There is no global store; saying so keeps Kafka Streams from warning at every start that the handler skips one.
        props.put(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_GLOBAL_ENABLED_CONFIG, true);
        props.put(StreamsConfig.STATESTORE_CACHE_MAX_BYTES_CONFIG, RECORD_CACHE_BYTES);
        // RocksDB's disk (tombstones of forgotten ledgers) and memory (caches, memtables) bounded whatever the partitions.
        props.put(StreamsConfig.ROCKSDB_CONFIG_SETTER_CLASS_CONFIG, BoundedRocksDB.class);
        props.put(BoundedRocksDB.MEMORY_BYTES_CONFIG, storeMemoryBytes);
        // Every rule is per key and every clock per input partition: nothing needs the inputs of a task interleaved
        // by timestamp, so a task takes what is buffered without waiting on its empty partitions (the owners topic
        // is nearly always empty, and weighing it cost 6% of the thread).
        props.put(StreamsConfig.MAX_TASK_IDLE_MS_CONFIG, StreamsConfig.MAX_TASK_IDLE_MS_DISABLED);
        // A connector's first events on a task wait for its owner's answer, which comes back through the same consumer;
        // with a backlog, 1 MB per partition buffered ahead of it held the answer for 10 s and parked 40% of a replay.
        props.put(StreamsConfig.mainConsumerPrefix(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG), OWNER_ANSWER_FETCH_BYTES);
        props.putAll(overrides);
        return props;
    }

    /** Secrets hidden: a settings record ends up in log lines and error messages. */
    @Override
    public String toString() {
        return Redaction.describe(this);
    }
}
