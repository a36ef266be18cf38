package dev.syncledger.bench;

import dev.syncledger.processor.SyncLedgerTopology;
import dev.syncledger.processor.TopologyConfig;
import dev.syncledger.processor.connector.ConnectorProcessor;
import dev.syncledger.processor.connector.ConnectorState;
import dev.syncledger.processor.status.ConnectorStatusState;
import dev.syncledger.processor.status.ConnectorTotals;
import dev.syncledger.processor.status.CreatedRun;
import dev.syncledger.processor.status.FinishedRun;
import dev.syncledger.processor.watch.ConnectorWatch;
import dev.syncledger.processor.watch.FreshnessView;
import dev.syncledger.schemas.ConnectorFreshness;
import dev.syncledger.schemas.ConnectorSyncStatus;
import dev.syncledger.schemas.Topics;
import dev.syncledger.schemas.serde.AvroCodec;
import dev.syncledger.schemas.serde.SerdeConfig;
import dev.syncledger.schemas.state.ConnectorStatus;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.UUID;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * What the freshness punctuator costs: many connectors, a fixed number of them past their deadline, one
 * punctuation timed. Run with 10x fewer connectors and the same number due: if the punctuator follows the due
 * connectors (its time-ordered index), the two times match. The real topology in a TopologyTestDriver on RocksDB;
 * connectors are seeded straight into the connector task's stores, encoded as the task encodes them (piping
 * 100,000 connectors' events through the driver would time the driver), and the punctuation runs through every
 * layer, as in the processor. A warm-up run first.
 */
final class FreshnessBenchmark {

    static final double FLAT_TOLERANCE = 2.0;
    private static final Instant WALL_CLOCK = Instant.parse("2026-06-02T00:00:00Z");
    private static final Duration INTERVAL = Duration.ofHours(1);
    /** The due connectors turn delayed this long after the start; the others an hour or so later. */
    private static final Duration DUE_AFTER = Duration.ofSeconds(10);

    private final TopologyConfig config = TopologyConfig.defaults();
    private final BenchSize size;

    FreshnessBenchmark(BenchSize size) {
        this.size = size;
    }

    record Result(int connectors, int due, long statusesPublished, long punctuationMs, long punctuationCpuMs, long loadMs) {}

    StageResult run() {
        int large = Math.min(100_000, Math.max(10_000, size.retentionLive() / 10));
        int small = large / 10;
        int due = large / 100;
        Path work = workFolder();
        try {
            measure(Math.min(small, 5_000), Math.min(due, 50), work.resolve("warm-up"), 1);
            Result few = measure(small, due, work.resolve("small"), 2);
            Result many = measure(large, due, work.resolve("large"), 3);
            double growth = (double) Math.max(1, many.punctuationCpuMs()) / Math.max(1, few.punctuationCpuMs());
            double wallGrowth = (double) Math.max(1, many.punctuationMs()) / Math.max(1, few.punctuationMs());
            List<ResultRow> rows = List.of(
                    ResultRow.plain("freshness", String.format("punctuation CPU, %,d due of %,d connectors", few.due(), few.connectors()),
                            Numbers.millis(few.punctuationCpuMs())),
                    new ResultRow("freshness", String.format("punctuation CPU, %,d due of %,d connectors", many.due(), many.connectors()),
                            Numbers.millis(many.punctuationCpuMs()), Numbers.millis(few.punctuationCpuMs()), Numbers.ratio(growth),
                            "flat " + Numbers.met(growth <= FLAT_TOLERANCE)),
                    new ResultRow("freshness", "punctuation wall clock, same two runs", Numbers.millis(many.punctuationMs()),
                            Numbers.millis(few.punctuationMs()), Numbers.ratio(wallGrowth), ""),
                    ResultRow.plain("freshness", "statuses republished (delayed), large run", String.format("%,d", many.statusesPublished())));
            Map<String, Object> numbers = new LinkedHashMap<>();
            numbers.put("small", json(few));
            numbers.put("large", json(many));
            numbers.put("cpu_growth", growth);
            numbers.put("wall_growth", wallGrowth);
            return new StageResult("freshness", rows, numbers);
        } finally {
            WorkFolder.delete(work);
        }
    }

    Result measure(int connectors, int due, Path stateDir, long seed) {
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "sync-ledger-bench");
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        props.put("processing.exception.handler.global.enabled", true);
        Random random = new Random(seed);
        try (TopologyTestDriver driver = new TopologyTestDriver(SyncLedgerTopology.build(config), props, WALL_CLOCK)) {
            KeyValueStore<Bytes, byte[]> states = DiagnosticPruneBenchmark.rocksDb(driver.getKeyValueStore(ConnectorProcessor.CONNECTOR_STORE));
            long loadStart = System.nanoTime();
            int every = connectors / due;
            for (int i = 0; i < connectors; i++) {
                boolean isDue = i % every == every - 1 && i / every < due;
                Instant lastSuccess = isDue
                        ? WALL_CLOCK.minus(INTERVAL).plus(DUE_AFTER).minusMillis(random.nextInt(1_000))
                        : WALL_CLOCK.minusMillis(random.nextInt((int) Duration.ofMinutes(50).toMillis()));
                UUID connector = new UUID(7, i);
                ConnectorState state = connector(connector, lastSuccess, random);
                states.put(Bytes.wrap(connector.toString().getBytes(StandardCharsets.UTF_8)), ConnectorState.SERDE.encode(state));
            }
            commit(driver);
            driver.getKeyValueStore(ConnectorProcessor.CONNECTOR_STORE).flush();
            TestOutputTopic<byte[], byte[]> statuses = driver.createOutputTopic(Topics.CONNECTOR_STATUS_STATE.name(),
                    new ByteArrayDeserializer(), new ByteArrayDeserializer());
            // The first punctuation, with nothing due yet, builds the task's deadline index from the store: loading, not timed.
            driver.advanceWallClockTime(config.deadlineCheckInterval());
            statuses.readRecordsToList();
            long loadMs = (System.nanoTime() - loadStart) / 1_000_000;

            // The driver punctuates and commits on this thread: its CPU time is the punctuation's own cost.
            ThreadMXBean threads = ManagementFactory.getThreadMXBean();
            long cpuStart = threads.getCurrentThreadCpuTime();
            long start = System.nanoTime();
            driver.advanceWallClockTime(DUE_AFTER);
            long wallMs = (System.nanoTime() - start) / 1_000_000;
            long cpuMs = (threads.getCurrentThreadCpuTime() - cpuStart) / 1_000_000;
            long delayed = countDelayed(statuses);
            if (delayed != due) {
                throw new IllegalStateException("expected " + due + " connectors to turn delayed, " + delayed + " did");
            }
            return new Result(connectors, due, delayed, wallMs, cpuMs, loadMs);
        }
    }

    /** An hourly connector with one success at {@code lastSuccess}, watched as the connector task leaves it. */
    private static ConnectorState connector(UUID connector, Instant lastSuccess, Random random) {
        UUID workspace = new UUID(8, random.nextInt(1_000));
        UUID run = new UUID(random.nextLong(), random.nextLong());
        Instant createdAt = lastSuccess.minusSeconds(60);
        ConnectorStatusState status = new ConnectorStatusState(
                new ConnectorTotals(workspace, 1, 1, 0, 0, 0, 0, 0, 0, lastSuccess),
                new CreatedRun(run, createdAt, ConnectorSyncStatus.success),
                new FinishedRun(run, lastSuccess, null), null, 0, new ConnectorStatusState.IndexSizes(1, 1, 0, 0, 0, 0), 1);
        Instant next = lastSuccess.plus(INTERVAL);
        ConnectorWatch watch = new ConnectorWatch(null, createdAt, new FreshnessView(ConnectorFreshness.on_time, INTERVAL, next, createdAt),
                next.plusMillis(1), List.of(), Map.of());
        return new ConnectorState(workspace, status, watch);
    }

    private static long countDelayed(TestOutputTopic<byte[], byte[]> statuses) {
        AvroCodec<ConnectorStatus> codec = AvroCodec.create(ConnectorStatus.getClassSchema(), SerdeConfig.withoutRegistry());
        return statuses.readValuesToList().stream().filter(value -> {
            try {
                return codec.decode(Topics.CONNECTOR_STATUS_STATE.name(), value).getFreshness() == ConnectorFreshness.delayed;
            } catch (Exception e) {
                throw new IllegalStateException("the topology wrote an unreadable status", e);
            }
        }).count();
    }

    /** A record the ledgers refuse: the driver commits after it, flushing what was seeded. */
    private static void commit(TopologyTestDriver driver) {
        driver.createInputTopic(Topics.SYNC_RUNS.name(), new ByteArraySerializer(), new ByteArraySerializer())
                .pipeInput(new byte[] {1}, new byte[] {'{'});
    }

    private static Map<String, Object> json(Result result) {
        Map<String, Object> numbers = new LinkedHashMap<>();
        numbers.put("connectors", result.connectors());
        numbers.put("due", result.due());
        numbers.put("statuses_published", result.statusesPublished());
        numbers.put("punctuation_ms", result.punctuationMs());
        numbers.put("punctuation_cpu_ms", result.punctuationCpuMs());
        numbers.put("load_ms", result.loadMs());
        return numbers;
    }

    private static Path workFolder() {
        try {
            return Files.createTempDirectory("sync-ledger-bench-freshness-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
