package dev.syncledger.bench;

import dev.syncledger.app.pipeline.CatchUp;
import dev.syncledger.app.pipeline.SinkRunner;
import dev.syncledger.schemas.ConnectorSyncStatus;
import dev.syncledger.schemas.Topics;
import dev.syncledger.schemas.TriggerType;
import dev.syncledger.schemas.serde.AvroCodec;
import dev.syncledger.schemas.state.WorkspaceConnectorSyncLog;
import dev.syncledger.sink.SinkConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * The workload a user comparing us with Debezium's JDBC sink would run: sync-log state records only, each run
 * key updated exactly {@value #UPDATES} times, keys shuffled, {@code updated_at} strictly increasing along the
 * topic, one partition, in the sink's own format. Timed from the sink's start until every key's final state is
 * in PostgreSQL. The reference, measured just before and just after each run and averaged: the final rows,
 * {@value #UPDATES} times over, COPYed into an unindexed table of the same shape.
 */
final class PeerBenchmark {

    static final double GOAL = 0.24;
    static final int UPDATES = 4;
    static final int RUNS = 3;
    private static final int WORKSPACES = 100;
    private static final int CONNECTORS_PER_WORKSPACE = 10;
    private static final String TOPIC = Topics.SYNC_LOG_STATE.name();
    private static final Instant START = Instant.parse("2026-11-02T00:00:00Z");

    private final int keys;
    private final String databaseUrl;
    private final BenchKafka kafka;

    PeerBenchmark(BenchSize size, String databaseUrl, BenchKafka kafka) {
        this.keys = size.peerKeys();
        this.databaseUrl = databaseUrl;
        this.kafka = kafka;
    }

    record Run(double recordsPerSecond, double copyBefore, double copyAfter) {
        double copyRowsPerSecond() {
            return (copyBefore + copyAfter) / 2;
        }

        double ratio() {
            return recordsPerSecond / copyRowsPerSecond();
        }
    }

    StageResult run() {
        kafka.freshTopics(List.of());
        long records = publish();
        Path work = workFolder();
        Path finalRows = work.resolve("final-rows.copy");
        try {
            // Untimed: the JIT and PostgreSQL's caches warm up, and the final rows come out for the COPY reference.
            try (BenchDatabase warmUp = BenchDatabase.create(databaseUrl, "peer_warm")) {
                sink(warmUp, "peer-sink-warm-up");
                warmUp.jdbi().useHandle(handle -> CopyBaseline.copyOut(handle, CopiedTable.SYNC_LOGS.copyOut(), finalRows));
            }
            List<Run> runs = new ArrayList<>();
            for (int i = 1; i <= RUNS; i++) {
                try (BenchDatabase database = BenchDatabase.create(databaseUrl, "peer_" + i)) {
                    double before = copyFinalRows(database, finalRows);
                    database.checkpoint();
                    long nanos = sink(database, "peer-sink-" + i);
                    double after = copyFinalRows(database, finalRows);
                    runs.add(new Run(Numbers.perSecond(records, nanos), before, after));
                }
            }
            return result(records, runs);
        } finally {
            WorkFolder.delete(work);
        }
    }

    /** The final rows, {@value #UPDATES} times over, into a fresh unindexed table, in one transaction: rows/s. */
    private static double copyFinalRows(BenchDatabase database, Path finalRows) {
        CopiedTable table = CopiedTable.SYNC_LOGS;
        database.jdbi().useExtension(BenchDao.class, dao -> {
            dao.dropCopy(table.copy());
            dao.createUnindexedCopy(table.copy(), table.table());
        });
        database.checkpoint();
        return database.jdbi().inTransaction(handle -> {
            long rows = 0;
            long started = System.nanoTime();
            for (int i = 0; i < UPDATES; i++) {
                rows += CopyBaseline.copyIn(handle, table.copyIn(), finalRows);
            }
            return Numbers.perSecond(rows, System.nanoTime() - started);
        });
    }

    private long sink(BenchDatabase database, String group) {
        CatchUp catchUp = new CatchUp(kafka.admin());
        List<String> topics = BenchKafka.names(Topics.STATES);
        SinkConfig config = SinkConfig.of(kafka.bootstrapServers()).withDatabaseUrl(database.url()).withSchema(database.schema())
                .withSerde(kafka.topology().serde()).withGroupId(group);
        long started = System.nanoTime();
        try (SinkRunner sink = SinkRunner.start(config)) {
            catchUp.awaitSunk(topics, sink::committedOffsets, BenchKafka.CATCH_UP_TIMEOUT);
            return System.nanoTime() - started;
        }
    }

    /** Every key's updates in order, the keys interleaved by a fixed shuffle, to partition 0; waits for the broker. */
    private long publish() {
        List<UUID> runs = new ArrayList<>(keys);
        Random random = new Random(7);
        for (int i = 0; i < keys; i++) {
            runs.add(new UUID(random.nextLong(), random.nextLong()));
        }
        List<Integer> order = new ArrayList<>(keys * UPDATES);
        for (int i = 0; i < keys; i++) {
            for (int u = 0; u < UPDATES; u++) {
                order.add(i);
            }
        }
        Collections.shuffle(order, random);
        UUID[] workspaces = new UUID[WORKSPACES];
        UUID[] connectors = new UUID[WORKSPACES * CONNECTORS_PER_WORKSPACE];
        for (int w = 0; w < WORKSPACES; w++) {
            workspaces[w] = new UUID(random.nextLong(), random.nextLong());
        }
        for (int c = 0; c < connectors.length; c++) {
            connectors[c] = new UUID(random.nextLong(), random.nextLong());
        }
        AvroCodec<WorkspaceConnectorSyncLog> codec = AvroCodec.create(WorkspaceConnectorSyncLog.getClassSchema(), kafka.topology().serde());
        int[] updatesSeen = new int[keys];
        try (KafkaProducer<String, byte[]> producer = producer()) {
            for (int position = 0; position < order.size(); position++) {
                int key = order.get(position);
                int revision = ++updatesSeen[key];
                int connector = key % connectors.length;
                WorkspaceConnectorSyncLog row = row(runs.get(key), workspaces[connector / CONNECTORS_PER_WORKSPACE], connectors[connector],
                        revision, START.plusMillis(position + 1));
                producer.send(new ProducerRecord<>(TOPIC, 0, row.getUpdatedAt().toEpochMilli(), runs.get(key).toString(),
                        codec.encode(TOPIC, row)));
            }
            producer.flush();
        }
        return order.size();
    }

    /** Scheduled, started, two progress updates of the records synced, then success with its duration. */
    private static WorkspaceConnectorSyncLog row(UUID run, UUID workspace, UUID connector, int revision, Instant updatedAt) {
        Instant created = START.minusSeconds(60);
        WorkspaceConnectorSyncLog.Builder builder = WorkspaceConnectorSyncLog.newBuilder()
                .setWorkspaceConnectorSyncLogId(run)
                .setWorkspaceId(workspace)
                .setWorkspaceConnectorId(connector)
                .setStatus(revision == 1 ? ConnectorSyncStatus.scheduled : ConnectorSyncStatus.in_progress)
                .setTriggerType(TriggerType.cloud_task)
                .setCloudTaskId("projects/well-prod/locations/europe-west1/queues/connector-sync/tasks/" + run)
                .setCreatedAt(created)
                .setUpdatedAt(updatedAt)
                .setRevision(revision);
        if (revision > 1) {
            builder.setStartedAt(created.plusSeconds(1)).setMetadata("{\"records_synced\": " + (revision * 100) + "}");
        }
        if (revision == UPDATES) {
            builder.setStatus(ConnectorSyncStatus.success)
                    .setCompletedAt(updatedAt)
                    .setDurationMs((int) (updatedAt.toEpochMilli() - created.plusSeconds(1).toEpochMilli()));
        }
        return builder.build();
    }

    private KafkaProducer<String, byte[]> producer() {
        Map<String, Object> config = new LinkedHashMap<>();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        config.put(ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024);
        return new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer());
    }

    private static Path workFolder() {
        try {
            return Files.createTempDirectory("sync-ledger-bench-peer-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static StageResult result(long records, List<Run> runs) {
        List<Double> ratios = runs.stream().map(Run::ratio).sorted().toList();
        double median = ratios.get(ratios.size() / 2);
        List<ResultRow> rows = new ArrayList<>();
        for (int i = 0; i < runs.size(); i++) {
            Run run = runs.get(i);
            rows.add(new ResultRow("peer", "run " + (i + 1) + ": sync-log records/s vs the final rows x" + UPDATES
                    + " COPYed into an unindexed table", Numbers.rate(run.recordsPerSecond(), "records/s"),
                    Numbers.rate(run.copyRowsPerSecond(), "rows/s"), Numbers.ratio(run.ratio()), ""));
        }
        rows.add(new ResultRow("peer", "median of " + runs.size() + " runs", "", "", Numbers.ratio(median),
                ">= " + GOAL + " " + Numbers.met(median >= GOAL)));
        Map<String, Object> numbers = new LinkedHashMap<>();
        numbers.put("records", records);
        numbers.put("keys", records / UPDATES);
        numbers.put("runs", runs.stream().map(run -> Map.of("records_per_s", run.recordsPerSecond(),
                "copy_rows_per_s_before", run.copyBefore(), "copy_rows_per_s_after", run.copyAfter(), "ratio", run.ratio())).toList());
        numbers.put("median_ratio", median);
        numbers.put("goal_median_ratio", GOAL);
        return new StageResult("peer", rows, numbers);
    }
}
