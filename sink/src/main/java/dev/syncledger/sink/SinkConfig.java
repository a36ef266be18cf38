package dev.syncledger.sink;

import dev.syncledger.schemas.text.Redaction;
import dev.syncledger.schemas.kafka.KafkaConnection;
import dev.syncledger.schemas.serde.SerdeConfig;
import dev.syncledger.sink.db.Database;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * Everything the sink needs, validated on construction. Start from {@link #of(String)} and change
 * what differs from the defaults with the {@code with…} methods.
 *
 * @param kafka             how to reach Kafka: bootstrap servers and client (security) properties
 * @param databaseUrl       PostgreSQL JDBC URL; default {@value Database#DEFAULT_URL}
 * @param schema            the schema holding the sink's tables, created and migrated on start; default {@value Database#DEFAULT_SCHEMA}
 * @param groupId           the consumer group, also the key of the offsets stored with the rows; default {@value #DEFAULT_GROUP_ID}
 * @param serde             how the state and rejected records are framed (schema registry or not)
 * @param maxBatchRecords   the most records one batch (one transaction) holds; default {@value #DEFAULT_MAX_BATCH_RECORDS}. A
 *                          batch gathers what is polled while the one before it commits, and behind a backlog until it
 *                          is full, so it reaches this (or maxBatchRows, or 64 MiB of records) only behind a backlog
 * @param maxBatchRows      the most rows, deletions and rejections one transaction writes; default
 *                          {@value #DEFAULT_MAX_BATCH_ROWS}. A key's updates within a batch make one row, so a batch may
 *                          hold many more records than rows. On PostgreSQL's default 128 MB of shared buffers, a
 *                          transaction of ~190,000 rows wrote each at 38-48 µs against ~30 at 20,000-100,000
 * @param pollTimeout       how long a poll waits for records; default 500 ms
 * @param consumerOverrides extra Kafka consumer properties; they cannot change the group, the servers, auto-commit
 *                          (always off) or the isolation level (always read_committed)
 */
public record SinkConfig(
        KafkaConnection kafka,
        String databaseUrl,
        String schema,
        String groupId,
        SerdeConfig serde,
        int maxBatchRecords,
        int maxBatchRows,
        Duration pollTimeout,
        Map<String, Object> consumerOverrides) {

    public static final String DEFAULT_GROUP_ID = "sync-ledger-sink";
    public static final int DEFAULT_MAX_BATCH_RECORDS = 250_000;
    public static final int DEFAULT_MAX_BATCH_ROWS = 100_000;
    public static final Duration DEFAULT_POLL_TIMEOUT = Duration.ofMillis(500);

    public SinkConfig {
        Objects.requireNonNull(kafka, "kafka");
        Objects.requireNonNull(databaseUrl, "databaseUrl");
        Database.requireSchemaName(schema);
        if (groupId == null || groupId.isBlank()) {
            throw new IllegalArgumentException("groupId must not be blank");
        }
        Objects.requireNonNull(serde, "serde");
        if (maxBatchRecords < 1) {
            throw new IllegalArgumentException("maxBatchRecords must be at least 1, was " + maxBatchRecords);
        }
        if (maxBatchRows < 1) {
            throw new IllegalArgumentException("maxBatchRows must be at least 1, was " + maxBatchRows);
        }
        Objects.requireNonNull(pollTimeout, "pollTimeout");
        if (pollTimeout.isNegative() || pollTimeout.isZero()) {
            throw new IllegalArgumentException("pollTimeout must be positive, was " + pollTimeout);
        }
        consumerOverrides = Map.copyOf(consumerOverrides);
    }

    /** The defaults, with the given Kafka bootstrap servers. */
    public static SinkConfig of(String bootstrapServers) {
        return of(KafkaConnection.to(bootstrapServers));
    }

    /** The defaults, with the given way to reach Kafka. */
    public static SinkConfig of(KafkaConnection kafka) {
        return new SinkConfig(kafka, Database.DEFAULT_URL, Database.DEFAULT_SCHEMA, DEFAULT_GROUP_ID,
                SerdeConfig.withoutRegistry(), DEFAULT_MAX_BATCH_RECORDS, DEFAULT_MAX_BATCH_ROWS,
                DEFAULT_POLL_TIMEOUT, Map.of());
    }

    public String bootstrapServers() {
        return kafka.bootstrapServers();
    }

    public SinkConfig withDatabaseUrl(String databaseUrl) {
        return new SinkConfig(kafka, databaseUrl, schema, groupId, serde, maxBatchRecords, maxBatchRows, pollTimeout, consumerOverrides);
    }

    public SinkConfig withSchema(String schema) {
        return new SinkConfig(kafka, databaseUrl, schema, groupId, serde, maxBatchRecords, maxBatchRows, pollTimeout, consumerOverrides);
    }

    public SinkConfig withGroupId(String groupId) {
        return new SinkConfig(kafka, databaseUrl, schema, groupId, serde, maxBatchRecords, maxBatchRows, pollTimeout, consumerOverrides);
    }

    public SinkConfig withSerde(SerdeConfig serde) {
        return new SinkConfig(kafka, databaseUrl, schema, groupId, serde, maxBatchRecords, maxBatchRows, pollTimeout, consumerOverrides);
    }

    public SinkConfig withMaxBatchRecords(int maxBatchRecords) {
        return new SinkConfig(kafka, databaseUrl, schema, groupId, serde, maxBatchRecords, maxBatchRows, pollTimeout, consumerOverrides);
    }

    public SinkConfig withMaxBatchRows(int maxBatchRows) {
        return new SinkConfig(kafka, databaseUrl, schema, groupId, serde, maxBatchRecords, maxBatchRows, pollTimeout, consumerOverrides);
    }

    public SinkConfig withPollTimeout(Duration pollTimeout) {
        return new SinkConfig(kafka, databaseUrl, schema, groupId, serde, maxBatchRecords, maxBatchRows, pollTimeout, consumerOverrides);
    }

    public SinkConfig withConsumerOverrides(Map<String, Object> consumerOverrides) {
        return new SinkConfig(kafka, databaseUrl, schema, groupId, serde, maxBatchRecords, maxBatchRows, pollTimeout, consumerOverrides);
    }

    /** Secrets hidden: a settings record ends up in log lines and error messages. */
    @Override
    public String toString() {
        return Redaction.describe(this);
    }
}
