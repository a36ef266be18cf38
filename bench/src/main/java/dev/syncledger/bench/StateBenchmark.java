package dev.syncledger.bench;

import dev.syncledger.app.events.EventLineParser;
import dev.syncledger.app.events.EventPublisher;
import dev.syncledger.app.events.InvalidEventLineException;
import dev.syncledger.app.events.OutgoingEvent;
import dev.syncledger.app.generate.WorkloadGenerator;
import dev.syncledger.app.generate.WorkloadSpec;
import dev.syncledger.app.pipeline.ProcessorRunner;
import dev.syncledger.processor.StreamsSettings;
import dev.syncledger.processor.diagnostic.DiagnosticBranch;
import dev.syncledger.processor.ledger.LedgerRules;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.LongSummaryStatistics;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.streams.CloseOptions;
import org.apache.kafka.streams.CloseOptions.GroupMembershipOperation;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.state.QueryableStoreTypes;

/**
 * What the processor holds as days of event time go by at a steady rate: the generated workload (hourly runs,
 * diagnostics, links, collects) over {@code stateDays} days, published a day at a time with each record stamped
 * with its {@code occurred_at}, on input topics that keep everything. After each day has been folded, it reads the
 * size on disk of every store, their entry counts and this process's memory; at the end, how long the stores take
 * to come back from their changelogs. Ledgers are bounded by the horizon (7 days by default) and should stop
 * growing after it; diagnostics are kept 30 days on the wall clock, so they grow through a 30-day run by design.
 */
final class StateBenchmark {

    private static final String APPLICATION_ID = "state-bench";
    private static final long SEED = 30;
    private static final int CONNECTORS_PER_WORKSPACE = 20;

    private final BenchSize size;
    private final BenchKafka kafka;

    StateBenchmark(BenchSize size, BenchKafka kafka) {
        this.size = size;
        this.kafka = kafka;
    }

    /** One simulated day as measured once the processor had folded it. */
    record Day(int day, long events, long horizonBoundBytes, long diagnosticBytes, Map<String, Long> entries,
               Map<String, Long> bytes, ProcessMemory memory) {}

    StageResult run() {
        kafka.freshTopics(List.of());
        kafka.keepInputsForever();
        int days = size.stateDays();
        // Ending now: diagnostics are kept 30 days on the wall clock, and the first day's must still be in it.
        Instant start = Instant.now().truncatedTo(ChronoUnit.HOURS).minus(Duration.ofDays(days)).plus(Duration.ofHours(1));
        WorkloadSpec spec = spec(start, days, size.stateEvents());
        StreamsSettings settings = kafka.streams(APPLICATION_ID, StreamsConfig.EXACTLY_ONCE_V2);
        List<Day> measured = new ArrayList<>();
        long published = 0;
        long processingNanos = 0;
        Iterator<String> lines = new WorkloadGenerator(spec).iterator();
        EventLineParser parser = new EventLineParser();
        OutgoingEvent next = lines.hasNext() ? parse(parser, lines.next()) : null;
        try (ProcessorRunner processor = ProcessorRunner.start(settings, kafka.topology(), BenchKafka.START_TIMEOUT);
             EventPublisher publisher = kafka.publisher()) {
            for (int day = 1; day <= days; day++) {
                Instant dayEnd = start.plus(Duration.ofDays(day));
                long started = System.nanoTime();
                while (next != null && occurredAt(next).isBefore(dayEnd)) {
                    publisher.publish(next, occurredAt(next));
                    published++;
                    next = lines.hasNext() ? parse(parser, lines.next()) : null;
                }
                publisher.flush();
                kafka.awaitFolded(APPLICATION_ID);
                processingNanos += System.nanoTime() - started;
                measured.add(measure(day, published, settings, processor.streams()));
            }
            processor.streams().close(CloseOptions.groupMembershipOperation(GroupMembershipOperation.LEAVE_GROUP)
                    .withTimeout(Duration.ofSeconds(30)));
        }
        long heldOnDisk = onDisk(settings).values().stream().mapToLong(Long::longValue).sum();
        WorkFolder.delete(settings.stateDir());
        Restoration restore = Restoration.fromChangelogs(settings, kafka);
        return result(measured, published, processingNanos, heldOnDisk, restore);
    }

    /** As many connectors as make {@code events} over {@code days}, counted on a day of the workload's own output. */
    static WorkloadSpec spec(Instant start, int days, long events) {
        WorkloadSpec sample = WorkloadSpec.of(SEED, 5, CONNECTORS_PER_WORKSPACE, 24, start);
        long perConnectorDay = Math.max(1, count(sample) / sample.connectors());
        long connectors = Math.min(WorkloadSpec.MAX_CONNECTORS, Math.max(1, -Math.floorDiv(-events, perConnectorDay * days)));
        int workspaces = (int) Math.max(1, -Math.floorDiv(-connectors, CONNECTORS_PER_WORKSPACE));
        int perWorkspace = (int) Math.min(CONNECTORS_PER_WORKSPACE, connectors);
        return WorkloadSpec.of(SEED, workspaces, perWorkspace, days * 24, start);
    }

    private static long count(WorkloadSpec spec) {
        long count = 0;
        for (String ignored : new WorkloadGenerator(spec)) {
            count++;
        }
        return count;
    }

    private static Day measure(int day, long events, StreamsSettings settings, KafkaStreams streams) {
        Map<String, Long> bytes = onDisk(settings);
        long diagnostics = bytes.getOrDefault(DiagnosticBranch.DIAGNOSTIC_STORE, 0L)
                + bytes.getOrDefault(DiagnosticBranch.OCCURRENCE_INDEX_STORE, 0L);
        long all = bytes.values().stream().mapToLong(Long::longValue).sum();
        Map<String, Long> entries = new TreeMap<>();
        for (String store : bytes.keySet()) {
            entries.put(store, streams.store(StoreQueryParameters.fromNameAndType(store, QueryableStoreTypes.keyValueStore()))
                    .approximateNumEntries());
        }
        return new Day(day, events, all - diagnostics, diagnostics, entries, bytes, ProcessMemory.now());
    }

    /** Bytes on disk per persistent store, over every task: {@code <state.dir>/<application.id>/<task>/rocksdb/<store>}. */
    private static Map<String, Long> onDisk(StreamsSettings settings) {
        Path application = settings.stateDir().resolve(APPLICATION_ID);
        Map<String, Long> bytes = new TreeMap<>();
        if (!Files.isDirectory(application)) {
            return bytes;
        }
        try (Stream<Path> tasks = Files.list(application)) {
            for (Path task : tasks.toList()) {
                Path rocksdb = task.resolve("rocksdb");
                if (!Files.isDirectory(rocksdb)) {
                    continue;
                }
                try (Stream<Path> stores = Files.list(rocksdb)) {
                    for (Path store : stores.toList()) {
                        bytes.merge(store.getFileName().toString(), sizeOf(store), Long::sum);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes;
    }

    private static long sizeOf(Path folder) throws IOException {
        try (Stream<Path> files = Files.walk(folder)) {
            return files.filter(Files::isRegularFile).mapToLong(file -> file.toFile().length()).sum();
        }
    }

    private static Instant occurredAt(OutgoingEvent event) {
        SpecificRecord value = event.value();
        return (Instant) value.get(value.getSchema().getField("occurred_at").pos());
    }

    /** The least-squares slope of the ledger stores' bytes on disk against the day. */
    static double trendPerDay(List<Day> days) {
        double meanDay = days.stream().mapToInt(Day::day).average().orElse(0);
        double meanBytes = days.stream().mapToLong(Day::horizonBoundBytes).average().orElse(0);
        double covariance = 0;
        double variance = 0;
        for (Day day : days) {
            covariance += (day.day() - meanDay) * (day.horizonBoundBytes() - meanBytes);
            variance += (day.day() - meanDay) * (day.day() - meanDay);
        }
        return variance == 0 ? 0 : covariance / variance;
    }

    private static OutgoingEvent parse(EventLineParser parser, String line) {
        try {
            return parser.parse(line);
        } catch (InvalidEventLineException e) {
            throw new IllegalStateException("the generator wrote a line the parser refuses: " + e.getMessage(), e);
        }
    }

    private static StageResult result(List<Day> days, long published, long processingNanos, long heldOnDisk, Restoration restore) {
        int horizonDays = (int) LedgerRules.DEFAULT_HORIZON.toDays();
        Day settled = days.get(Math.min(days.size() - 1, horizonDays));
        Day last = days.get(days.size() - 1);
        List<ResultRow> rows = new ArrayList<>();
        rows.add(ResultRow.plain("state", String.format("events over %d days of event time", days.size()),
                String.format("%,d", published)));
        rows.add(ResultRow.plain("state", "events/s while folding, published a day at a time",
                Numbers.rate(published / (processingNanos / 1e9), "ev/s")));
        rows.add(new ResultRow("state", String.format("ledger stores on disk, day %d vs day %d", last.day(), settled.day()),
                Numbers.mebibytes(last.horizonBoundBytes()), Numbers.mebibytes(settled.horizonBoundBytes()),
                Numbers.ratio((double) last.horizonBoundBytes() / Math.max(1, settled.horizonBoundBytes())), "flat after the horizon"));
        List<Day> afterHorizon = days.subList(settled.day() - 1, days.size());
        LongSummaryStatistics held = afterHorizon.stream().mapToLong(Day::horizonBoundBytes).summaryStatistics();
        rows.add(ResultRow.plain("state", String.format("ledger stores on disk, days %d-%d: least / most / trend", settled.day(), last.day()),
                String.format("%s / %s / %+.1f%% of the mean a day", Numbers.mebibytes(held.getMin()), Numbers.mebibytes(held.getMax()),
                        100 * trendPerDay(afterHorizon) / Math.max(1, held.getAverage()))));
        rows.add(new ResultRow("state", String.format("run ledgers held, day %d vs day %d", last.day(), settled.day()),
                String.format("%,d", last.entries().getOrDefault("sync-log-ledgers", 0L)),
                String.format("%,d", settled.entries().getOrDefault("sync-log-ledgers", 0L)),
                Numbers.ratio((double) last.entries().getOrDefault("sync-log-ledgers", 0L)
                        / Math.max(1, settled.entries().getOrDefault("sync-log-ledgers", 0L))), "flat after the horizon"));
        rows.add(new ResultRow("state", String.format("diagnostics on disk, day %d vs day %d", last.day(), settled.day()),
                Numbers.mebibytes(last.diagnosticBytes()), Numbers.mebibytes(settled.diagnosticBytes()),
                Numbers.ratio((double) last.diagnosticBytes() / Math.max(1, settled.diagnosticBytes())), "grows: kept 30 days"));
        rows.add(new ResultRow("state", String.format("RSS (process, broker included), day %d vs day %d", last.day(), settled.day()),
                Numbers.mebibytes(last.memory().rssBytes()), Numbers.mebibytes(settled.memory().rssBytes()),
                Numbers.ratio((double) last.memory().rssBytes() / Math.max(1, settled.memory().rssBytes())), ""));
        rows.add(ResultRow.plain("state", String.format("restore from changelogs (%,d records, %s held)", restore.records(),
                Numbers.mebibytes(heldOnDisk)), Numbers.millis(restore.nanos() / 1e6)));
        Map<String, Object> numbers = new LinkedHashMap<>();
        numbers.put("events", published);
        numbers.put("days", days.size());
        numbers.put("events_per_s", published / (processingNanos / 1e9));
        List<Map<String, Object>> perDay = new ArrayList<>();
        for (Day day : days) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("day", day.day());
            row.put("events", day.events());
            row.put("ledger_store_bytes", day.horizonBoundBytes());
            row.put("diagnostic_store_bytes", day.diagnosticBytes());
            row.put("rss_bytes", day.memory().rssBytes());
            row.put("heap_bytes", day.memory().heapBytes());
            row.put("entries", day.entries());
            row.put("store_bytes", day.bytes());
            perDay.add(row);
        }
        numbers.put("per_day", perDay);
        numbers.put("restore_ms", restore.nanos() / 1e6);
        numbers.put("restored_records", restore.records());
        numbers.put("held_on_disk_bytes", heldOnDisk);
        return new StageResult("state", rows, numbers);
    }
}
