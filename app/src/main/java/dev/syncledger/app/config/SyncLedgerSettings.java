package dev.syncledger.app.config;

import dev.syncledger.schemas.text.Redaction;
import dev.syncledger.processor.StreamsSettings;
import dev.syncledger.processor.TopologyConfig;
import dev.syncledger.processor.ledger.LedgerRules;
import dev.syncledger.processor.store.BoundedRocksDB;
import dev.syncledger.processor.watch.WatchRules;
import dev.syncledger.schemas.kafka.KafkaConnection;
import dev.syncledger.schemas.serde.SchemaRegistrySettings;
import dev.syncledger.schemas.serde.SerdeConfig;
import dev.syncledger.sink.SinkConfig;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.apache.kafka.streams.StreamsConfig;

/**
 * The typed, validated configuration of a sync-ledger instance against an existing cluster, built from
 * the commands' option groups (each option with its default and description there) and turned into the
 * processor's and the sink's own configurations here.
 *
 * @param kafka               Kafka brokers and client security settings ({@code --bootstrap-servers}, {@code --kafka-config})
 * @param schemaRegistry      the schema registry, if any ({@code --schema-registry-url} and the other {@code --schema-registry-*})
 * @param connectTimeout      how long Kafka and the registry may take to answer at start ({@code --connect-timeout})
 * @param databaseUrl         PostgreSQL JDBC URL ({@code --database-url})
 * @param schema              the schema of sync-ledger's tables ({@code --schema})
 * @param rejectedRetention   how long rejected events are kept ({@code --rejected-retention})
 * @param applicationId       Kafka Streams application id; the sink's group is this id with {@code -sink} ({@code --application-id})
 * @param threads             Kafka Streams threads ({@code --threads})
 * @param diagnosticRetention how long diagnostics are kept ({@code --diagnostic-retention})
 * @param ledgerHorizon       how long ended runs, collects and links are held ({@code --ledger-horizon})
 * @param maxEventsPerRun     distinct events a run or collect may take in ({@code --max-events-per-run})
 * @param watch               when connectors are late and alerts open ({@code --expected-interval}, {@code --alert-after-failures},
 *                            {@code --alert-diagnostics})
 * @param createTopics        create missing topics at start ({@code --create-topics})
 * @param partitions          partitions of created topics ({@code --partitions})
 * @param replicationFactor   replicas of created topics and of Kafka Streams' internal topics ({@code --replication-factor})
 * @param stateDir            Kafka Streams' local state ({@code --state-dir})
 * @param storeMemoryMib      what the processor's RocksDB stores share, in MiB ({@code --store-memory-mib})
 * @param sinkMaxBatchRecords the most state records one sink transaction folds ({@code --sink-max-batch-records})
 * @param sinkMaxBatchRows    the most rows one sink transaction writes ({@code --sink-max-batch-rows})
 */
public record SyncLedgerSettings(
        KafkaConnection kafka,
        Optional<SchemaRegistrySettings> schemaRegistry,
        Duration connectTimeout,
        String databaseUrl,
        String schema,
        Duration rejectedRetention,
        String applicationId,
        int threads,
        Duration diagnosticRetention,
        Duration ledgerHorizon,
        int maxEventsPerRun,
        WatchRules watch,
        boolean createTopics,
        int partitions,
        short replicationFactor,
        Path stateDir,
        long storeMemoryMib,
        int sinkMaxBatchRecords,
        int sinkMaxBatchRows) {

    /** The sink's consumer group for an application id: instances with one application id share both. */
    public static final String SINK_GROUP_SUFFIX = "-sink";

    /** @throws IllegalArgumentException naming the option whose value cannot work */
    public SyncLedgerSettings {
        Objects.requireNonNull(kafka, "kafka");
        Objects.requireNonNull(schemaRegistry, "schemaRegistry");
        require(positive(connectTimeout), "--connect-timeout must be positive");
        require(databaseUrl != null && !databaseUrl.isBlank(), "--database-url must not be empty");
        require(positive(rejectedRetention), "--rejected-retention must be positive");
        require(applicationId != null && applicationId.matches("[A-Za-z0-9._-]+"),
                "--application-id must be letters, digits, '.', '_' or '-', was '" + applicationId + "'");
        require(threads >= 1, "--threads must be at least 1");
        require(positive(diagnosticRetention), "--diagnostic-retention must be positive");
        require(positive(ledgerHorizon), "--ledger-horizon must be positive");
        require(maxEventsPerRun >= 1, "--max-events-per-run must be at least 1");
        Objects.requireNonNull(watch, "watch");
        require(partitions >= 1, "--partitions must be at least 1");
        require(replicationFactor >= 1, "--replication-factor must be at least 1");
        Objects.requireNonNull(stateDir, "stateDir");
        require(storeMemoryMib << 20 >= BoundedRocksDB.MIN_MEMORY_BYTES && storeMemoryMib < 1L << 40,
                "--store-memory-mib must be at least " + (BoundedRocksDB.MIN_MEMORY_BYTES >> 20) + ", was " + storeMemoryMib);
        require(sinkMaxBatchRecords >= 1, "--sink-max-batch-records must be at least 1, was " + sinkMaxBatchRecords);
        require(sinkMaxBatchRows >= 1, "--sink-max-batch-rows must be at least 1, was " + sinkMaxBatchRows);
    }

    public static SyncLedgerSettings of(KafkaOptions kafka, SchemaRegistryOptions registry, DatabaseOptions database,
                                        ProcessorOptions processor, SinkOptions sink, TopicOptions topics, Path stateDir,
                                        long storeMemoryMib) {
        return new SyncLedgerSettings(kafka.connection(), registry.settings(), kafka.connectTimeout(),
                database.databaseUrl(), database.schema(), database.rejectedRetention(), processor.applicationId(), processor.threads(),
                processor.diagnosticRetention(), processor.ledgerHorizon(), processor.maxEventsPerRun(), processor.watch(), topics.createTopics(), topics.partitions(), topics.replicationFactor(), stateDir, storeMemoryMib,
                sink.maxBatchRecords(), sink.maxBatchRows());
    }

    public String bootstrapServers() {
        return kafka.bootstrapServers();
    }

    public SerdeConfig serde() {
        return schemaRegistry.map(SerdeConfig::withRegistry).orElseGet(SerdeConfig::withoutRegistry);
    }

    public TopologyConfig topology() {
        return new TopologyConfig(serde()).withDiagnosticRetention(diagnosticRetention)
                .withLedger(new LedgerRules(ledgerHorizon, maxEventsPerRun)).withWatch(watch);
    }

    /** The notifier's consumer group: one per application id, like the sink's. */
    public String notifierGroupId() {
        return applicationId + "-notifier";
    }

    public StreamsSettings streams() {
        StreamsSettings defaults = StreamsSettings.defaults(kafka, stateDir);
        return new StreamsSettings(applicationId, kafka, stateDir, StreamsConfig.EXACTLY_ONCE_V2, threads,
                defaults.commitInterval(), replicationFactor, storeMemoryMib << 20, Map.of());
    }

    public String sinkGroupId() {
        return applicationId + SINK_GROUP_SUFFIX;
    }

    public SinkConfig sink() {
        return SinkConfig.of(kafka)
                .withDatabaseUrl(databaseUrl)
                .withSchema(schema)
                .withGroupId(sinkGroupId())
                .withSerde(serde())
                .withMaxBatchRecords(sinkMaxBatchRecords)
                .withMaxBatchRows(sinkMaxBatchRows);
    }

    private static boolean positive(Duration duration) {
        return duration != null && !duration.isNegative() && !duration.isZero();
    }

    private static void require(boolean condition, String problem) {
        if (!condition) {
            throw new IllegalArgumentException(problem);
        }
    }

    /** Secrets hidden: a settings record ends up in log lines and error messages. */
    @Override
    public String toString() {
        return Redaction.describe(this);
    }
}
