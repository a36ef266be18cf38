package dev.syncledger.bench;

import dev.syncledger.processor.SyncLedgerTopology;
import dev.syncledger.processor.TopologyConfig;
import dev.syncledger.processor.diagnostic.DiagnosticRow;
import dev.syncledger.processor.diagnostic.DiagnosticBranch;
import dev.syncledger.processor.store.BinarySerde;
import dev.syncledger.processor.diagnostic.StoredDiagnostic;
import dev.syncledger.processor.diagnostic.SyncFailureReason;
import dev.syncledger.processor.diagnostic.TargetModel;
import dev.syncledger.processor.rejection.EventOrigin;
import dev.syncledger.processor.retention.TimeOrderedIndex;
import dev.syncledger.schemas.Topics;
import dev.syncledger.schemas.diagnostic.DiagnosticEvent;
import dev.syncledger.schemas.serde.AvroCodec;
import dev.syncledger.schemas.serde.SerdeConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.UUID;
import java.util.stream.Stream;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.processor.StateStore;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.internals.WrappedStateStore;

/**
 * How long one retention prune takes with many diagnostics kept and 1% of them expiring: the real
 * topology in a TopologyTestDriver on persistent RocksDB stores. Run a second time with ten times
 * fewer live rows and the same number expiring, to show whether prune time follows the rows kept or
 * the rows removed.
 *
 * <pre>
 * mvn -q -B -ntp -pl bench -am compile \
 *   &amp;&amp; java -cp "bench/target/classes:$(cat bench/target/classpath.txt)" dev.syncledger.bench.DiagnosticPruneBenchmark --size 1000000
 * </pre>
 */
public final class DiagnosticPruneBenchmark {

    static final int DEFAULT_SIZE = 1_000_000;
    private static final Instant WALL_CLOCK = Instant.parse("2026-06-02T00:00:00Z");
    private static final int DRAIN_EVERY = 10_000;

    private final TopologyConfig config = TopologyConfig.defaults();
    private final BinarySerde<StoredDiagnostic> storeSerde = DiagnosticBranch.storedSerde();
    private final AvroCodec<DiagnosticEvent> codec = AvroCodec.create(DiagnosticEvent.getClassSchema(), SerdeConfig.withoutRegistry());

    /** One measured prune. */
    record Result(long loaded, long rowsKept, long rowsPruned, long loadMs, long pruneMs, long pruneCpuMs) {

        String line(String label) {
            return String.format("%-22s %,12d %,12d %,12d %,10d %,10d", label, loaded, rowsKept, rowsPruned, pruneMs, loadMs);
        }
    }

    public static void main(String[] args) throws IOException {
        int size = sizeFrom(args);
        int expiring = Math.max(1, size / 100);
        DiagnosticPruneBenchmark benchmark = new DiagnosticPruneBenchmark();
        Path work = Files.createTempDirectory("diagnostic-prune-bench");
        try {
            benchmark.run(Math.min(size, 20_000), Math.max(1, Math.min(size, 20_000) / 100), work.resolve("warm-up"), 1);
            Result full = benchmark.run(size, expiring, work.resolve("full"), 2);
            Result fewer = benchmark.run(expiring + (size - expiring) / 10, expiring, work.resolve("fewer"), 3);
            System.out.printf("%-22s %12s %12s %12s %10s %10s%n", "run", "loaded", "rows kept", "rows pruned", "prune ms", "load ms");
            System.out.println(full.line("live rows"));
            System.out.println(fewer.line("10x fewer live rows"));
        } finally {
            deleteRecursively(work);
        }
    }

    /**
     * Stores {@code loaded} diagnostics, {@code expiring} of them dated so that they are still retained
     * now but expire at the next punctuation, spread among the others; then times that punctuation.
     * The rows go straight into the RocksDB stores under the fold's two stores, encoded as the fold
     * encodes them: piped through the driver, every record is a commit and a store flush, and through
     * the stores' changelogging layer every row is a record the driver captures; either way ten million
     * rows would take hours. The prune itself runs through every layer, as in the processor.
     */
    Result run(int loaded, int expiring, Path stateDir, long seed) {
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "sync-ledger-bench");
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        props.put("processing.exception.handler.global.enabled", true);
        Random random = new Random(seed);
        try (TopologyTestDriver driver = new TopologyTestDriver(SyncLedgerTopology.build(config), props, WALL_CLOCK)) {
            Outputs outputs = new Outputs(driver);
            KeyValueStore<String, StoredDiagnostic> diagnostics = driver.getKeyValueStore(DiagnosticBranch.DIAGNOSTIC_STORE);
            KeyValueStore<Bytes, byte[]> rawDiagnostics = rocksDb(driver.getKeyValueStore(DiagnosticBranch.DIAGNOSTIC_STORE));
            TimeOrderedIndex byOccurrence = new TimeOrderedIndex(rocksDb(driver.getKeyValueStore(DiagnosticBranch.OCCURRENCE_INDEX_STORE)));
            long loadStart = System.nanoTime();
            int every = loaded / expiring;
            for (int i = 0; i < loaded; i++) {
                boolean expires = i % every == every - 1 && i / every < expiring;
                DiagnosticEvent event = diagnostic(random, expires ? expiringSoon(random) : retained(random));
                String key = event.getDiagnosticId().toString();
                StoredDiagnostic stored = stored(event, i);
                rawDiagnostics.put(Bytes.wrap(key.getBytes(StandardCharsets.UTF_8)),
                        storeSerde.encode(stored));
                byOccurrence.add(event.getOccurredAt(), key, DiagnosticBranch.indexValue(stored.row()));
                if (i % DRAIN_EVERY == 0) {
                    outputs.drain();
                }
            }
            commit(driver);
            // A running processor flushes its stores at every commit interval; seeded rows would otherwise sit
            // in RocksDB's memtables and the timed prune would pay for writing all of them out.
            diagnostics.flush();
            driver.getKeyValueStore(DiagnosticBranch.OCCURRENCE_INDEX_STORE).flush();
            outputs.drain();
            long loadMs = (System.nanoTime() - loadStart) / 1_000_000;

            // The driver punctuates and commits on this thread: its CPU time is the prune's own cost, which
            // other processes on a shared machine do not inflate as they do the wall-clock time.
            ThreadMXBean threads = ManagementFactory.getThreadMXBean();
            long pruneCpuStart = threads.getCurrentThreadCpuTime();
            long pruneStart = System.nanoTime();
            driver.advanceWallClockTime(config.pruneInterval());
            long pruneMs = (System.nanoTime() - pruneStart) / 1_000_000;
            long pruneCpuMs = (threads.getCurrentThreadCpuTime() - pruneCpuStart) / 1_000_000;

            long tombstones = outputs.tombstones();
            return new Result(loaded, count(diagnostics), tombstones, loadMs, pruneMs, pruneCpuMs);
        }
    }

    /** The store under the metering, changelogging and caching layers: where a benchmark seeds rows directly. */
    @SuppressWarnings("unchecked")
    static KeyValueStore<Bytes, byte[]> rocksDb(StateStore store) {
        StateStore inner = store;
        while (inner instanceof WrappedStateStore<?, ?, ?> wrapped) {
            inner = wrapped.wrapped();
        }
        return (KeyValueStore<Bytes, byte[]>) inner;
    }

    /**
     * The driver commits, and so flushes the stores, after each record it is given: one the fold refuses
     * changes nothing else. Without it, the timed punctuation would also pay for flushing every seeded row.
     */
    private static void commit(TopologyTestDriver driver) {
        driver.createInputTopic(Topics.DIAGNOSTICS.name(), new ByteArraySerializer(), new ByteArraySerializer())
                .pipeInput(new byte[] {1}, new byte[] {'{'});
    }

    /** What the fold keeps for an accepted event: its row and its position. */
    private StoredDiagnostic stored(DiagnosticEvent event, long offset) {
        String key = event.getDiagnosticId().toString();
        DiagnosticRow row = new DiagnosticRow(event.getDiagnosticId(), event.getWorkspaceId(), event.getWorkspaceConnectorId(),
                TargetModel.fromCode(event.getTargetModel()).orElseThrow(), event.getToolName(),
                SyncFailureReason.fromCode(event.getReason()).orElseThrow(), event.getHttpStatus(), event.getDetail(),
                event.getOccurredAt());
        EventOrigin origin = new EventOrigin(Topics.DIAGNOSTICS.name(), 0, offset, -1, key, null);
        return new StoredDiagnostic(event.getEventId(), row, origin, List.of());
    }

    /** Retained at arrival, but older than the retention once the wall clock has moved one prune interval on. */
    private Instant expiringSoon(Random random) {
        Instant bound = WALL_CLOCK.minus(config.diagnosticRetention());
        return bound.plusMillis(random.nextInt((int) config.pruneInterval().toMillis()));
    }

    private Instant retained(Random random) {
        long youngerThanRetention = config.diagnosticRetention().minus(Duration.ofDays(1)).toMillis();
        return WALL_CLOCK.minusMillis((long) (random.nextDouble() * youngerThanRetention));
    }

    private static DiagnosticEvent diagnostic(Random random, Instant occurredAt) {
        return DiagnosticEvent.newBuilder()
                .setEventId(new UUID(random.nextLong(), random.nextLong()))
                .setOccurredAt(occurredAt)
                .setWorkspaceId(new UUID(0, random.nextInt(50)))
                .setWorkspaceConnectorId(new UUID(1, random.nextInt(500)))
                .setDiagnosticId(new UUID(random.nextLong(), random.nextLong()))
                .setTargetModel("invoice")
                .setToolName("pennylane_get_invoices")
                .setReason("mapped_entities_dropped")
                .setHttpStatus(200)
                .setDetail("Validator rejected 12/12 mapped entities: required field 'issue_date' null after JSONata mapping")
                .build();
    }

    private static long count(KeyValueStore<?, ?> store) {
        long count = 0;
        try (KeyValueIterator<?, ?> all = store.all()) {
            while (all.hasNext()) {
                all.next();
                count++;
            }
        }
        return count;
    }

    /**
     * The driver keeps every record the topology produces, changelogs included, until read: reading
     * them as they come keeps a million-row load in bounded memory.
     */
    private static final class Outputs {
        private final TopologyTestDriver driver;
        private final Map<String, TestOutputTopic<byte[], byte[]>> topics = new HashMap<>();

        Outputs(TopologyTestDriver driver) {
            this.driver = driver;
        }

        void drain() {
            for (String name : driver.producedTopicNames()) {
                TestOutputTopic<byte[], byte[]> topic = topic(name);
                while (!topic.isEmpty()) {
                    topic.readRecord();
                }
            }
        }

        long tombstones() {
            long tombstones = 0;
            TestOutputTopic<byte[], byte[]> state = topic(Topics.DIAGNOSTIC_STATE.name());
            for (KeyValue<byte[], byte[]> record : state.readKeyValuesToList()) {
                if (record.value == null) {
                    tombstones++;
                }
            }
            return tombstones;
        }

        private TestOutputTopic<byte[], byte[]> topic(String name) {
            return topics.computeIfAbsent(name, n -> driver.createOutputTopic(n, new ByteArrayDeserializer(), new ByteArrayDeserializer()));
        }
    }

    static int sizeFrom(String[] args) {
        if (args.length == 0) {
            return DEFAULT_SIZE;
        }
        if (args.length != 2 || !args[0].equals("--size")) {
            throw new IllegalArgumentException("usage: DiagnosticPruneBenchmark [--size N] (default " + DEFAULT_SIZE + ")");
        }
        int size = Integer.parseInt(args[1].replace("_", "").replace(",", ""));
        if (size < 100) {
            throw new IllegalArgumentException("--size must be at least 100 so that 1% is a row, was " + size);
        }
        return size;
    }

    private static void deleteRecursively(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> {
                try {
                    Files.delete(path);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }
}
