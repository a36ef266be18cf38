package dev.syncledger.bench;

import dev.syncledger.app.events.EventPublisher;
import dev.syncledger.app.events.OutgoingEvent;
import dev.syncledger.app.pipeline.ProcessorRunner;
import dev.syncledger.app.pipeline.SinkRunner;
import dev.syncledger.processor.StreamsSettings;
import dev.syncledger.schemas.Topics;
import dev.syncledger.sink.SinkConfig;
import java.time.Duration;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.locks.LockSupport;
import org.apache.kafka.streams.StreamsConfig;

/**
 * Latency from publishing an event to its row being visible in PostgreSQL, at a fixed offered rate,
 * through the real processor (exactly_once_v2) and sink. A warm-up at the same rate lets the consumer
 * groups settle and the JIT compile before anything is measured; the measured window follows it at the same rate,
 * without a pause, as a service offered a steady rate sees it. Measured per run first published inside the window:
 * from its first publication to its row appearing (runs first published in the warm-up are never timed). The
 * window's events are generated during the warm-up: generating them is the bench's work, not the pipeline's.
 */
final class EndToEndBenchmark {

    static final double GOAL_P99_MS = 1_000;
    private static final String APPLICATION_ID = "end-to-end-bench";
    private static final Duration DRAIN_TIMEOUT = Duration.ofSeconds(60);
    /** The warm-up, in windows: at least a third of one, at most four (20 s and 4 min at the full size). */
    private static final double MIN_WARM_UP_WINDOWS = 1.0 / 3;
    private static final int MAX_WARM_UP_WINDOWS = 4;
    private static final long PACING_NANOS = Duration.ofMillis(1).toNanos();

    private final BenchSize size;
    private final String databaseUrl;
    private final BenchKafka kafka;

    EndToEndBenchmark(BenchSize size, String databaseUrl, BenchKafka kafka) {
        this.size = size;
        this.databaseUrl = databaseUrl;
        this.kafka = kafka;
    }

    StageResult run() {
        int rate = size.offeredRate();
        long measured = rate * size.offeredFor().toSeconds();
        kafka.freshTopics(List.of());
        try (BenchDatabase database = BenchDatabase.create(databaseUrl, "e2e")) {
            StreamsSettings streams = kafka.streams(APPLICATION_ID, StreamsConfig.EXACTLY_ONCE_V2);
            SinkConfig sinkConfig = SinkConfig.of(kafka.bootstrapServers()).withDatabaseUrl(database.url())
                    .withSchema(database.schema()).withSerde(kafka.topology().serde()).withGroupId(APPLICATION_ID + "-sink");
            Duration window = size.offeredFor();
            try (ProcessorRunner processor = ProcessorRunner.start(streams, kafka.topology(), BenchKafka.START_TIMEOUT);
                 SinkRunner sink = SinkRunner.start(sinkConfig);
                 EventPublisher publisher = kafka.publisher();
                 RowWatcher watcher = new RowWatcher(database.jdbi());
                 PeriodicAnalyze statistics = new PeriodicAnalyze(database.jdbi());
                 LagProbe lag = new LagProbe(kafka.admin(), database.jdbi(), APPLICATION_ID, sinkConfig.groupId(), watcher::stillAwaited);
                 WorkloadLookahead workload = new WorkloadLookahead(
                         new Workload((MAX_WARM_UP_WINDOWS + 1) * measured).iterator(), Math.toIntExact(measured))) {
                // Warm-up: the same workload at the same rate until the JIT compilers have settled (or a bound).
                JitActivity jit = new JitActivity();
                WarmUp warmUp = warmUp(workload, rate, publisher, watcher, jit,
                        Duration.ofMillis((long) (window.toMillis() * MIN_WARM_UP_WINDOWS)), window.multipliedBy(MAX_WARM_UP_WINDOWS));
                // The window follows without a pause. Its events were generated during the warm-up, ahead of it.
                Iterator<OutgoingEvent> events = workload.stopAndTake(measured).iterator();
                watcher.startMeasuring();
                lag.startMeasuring();
                long compileMsBefore = jit.totalCompileMs();
                long offeredNanos = offer(events, measured, rate, publisher, watcher);
                long compileMsInWindow = jit.totalCompileMs() - compileMsBefore;
                awaitDrained(watcher);
                List<LagProbe.Sample> backlog = lag.samples();
                Map<String, Long> topicRecords = lag.topicSizes();
                Latencies latencies = Latencies.of(watcher.latencies());
                return result(streams, sinkConfig, rate, measured, offeredNanos, latencies, watcher.stillAwaited(), backlog, topicRecords,
                        warmUp.events() + measured, warmUp, JitActivity.share(compileMsInWindow, offeredNanos));
            }
        }
    }

    /** How long the warm-up offered events, how many, and whether the compilers had settled by its end. */
    record WarmUp(long events, long nanos, boolean jitSettled) {}

    /**
     * Offers events at the rate, for at least {@code min}, until the JIT has settled or {@code max} has passed. The
     * offering never pauses before the window: a pipeline left idle between warm-up and window met the window's first
     * events with its hot paths deoptimised (its clock check took branches only an idle pipeline takes) and folded a
     * third of them for the next seven seconds.
     */
    private static WarmUp warmUp(Iterator<OutgoingEvent> workload, int rate, EventPublisher publisher, RowWatcher watcher,
                                 JitActivity jit, Duration min, Duration max) {
        long started = System.nanoTime();
        long offered = 0;
        boolean settled = false;
        while (System.nanoTime() - started < max.toNanos()) {
            offer(workload, rate, rate, publisher, watcher); // one second's worth
            offered += rate;
            settled = jit.settled();
            if (settled && System.nanoTime() - started >= min.toNanos()) {
                break;
            }
        }
        return new WarmUp(offered, System.nanoTime() - started, settled);
    }

    /**
     * Publishes {@code count} events at {@code rate} per second, on a schedule, not as fast as possible; returns the time
     * taken. Events due within {@link #PACING_NANOS} of now go out together (the publisher lingers 5 ms anyway): parking
     * the bench's main thread once per event, 5,000 times a second, cost it a tenth of a core, on the two cores the
     * pipeline runs on. Each run's latency still counts from its own event's publication.
     */
    private static long offer(Iterator<OutgoingEvent> events, long count, int rate, EventPublisher publisher, RowWatcher watcher) {
        long intervalNanos = 1_000_000_000L / rate;
        long started = System.nanoTime();
        for (long i = 0; i < count && events.hasNext(); i++) {
            long due = started + i * intervalNanos;
            long wait = due - System.nanoTime();
            if (wait > PACING_NANOS) {
                LockSupport.parkNanos(wait);
            }
            OutgoingEvent event = events.next();
            long published = System.nanoTime();
            publisher.publish(event);
            if (watcher != null && event.topic().equals(Topics.SYNC_RUNS.name())) {
                watcher.await(UUID.fromString(event.key()), published);
            }
        }
        publisher.flush();
        return System.nanoTime() - started;
    }

    /**
     * Until every awaited run has its row. Runs whose first events the processor rejects never get one:
     * once rows have appeared and the rest stay missing for a while, they are reported, not waited for.
     */
    private static void awaitDrained(RowWatcher watcher) {
        long deadline = System.nanoTime() + DRAIN_TIMEOUT.toNanos();
        int last = -1;
        long stableSince = System.nanoTime();
        while (watcher.stillAwaited() > 0 && System.nanoTime() < deadline) {
            int now = watcher.stillAwaited();
            if (now != last) {
                last = now;
                stableSince = System.nanoTime();
            } else if (System.nanoTime() - stableSince > Duration.ofSeconds(5).toNanos() && watcher.latencies().length > 0) {
                return;
            }
            ProcessorBenchmark.sleep(Duration.ofMillis(100));
        }
    }

    private static StageResult result(StreamsSettings streams, SinkConfig sink, int rate, long offered, long offeredNanos,
                                      Latencies latencies, int neverVisible, List<LagProbe.Sample> backlog,
                                      Map<String, Long> topicRecords, long published, WarmUp warmUp, double compileShareInWindow) {
        String settings = "commit " + streams.commitInterval().toMillis() + " ms";
        boolean met = latencies.count() > 0 && latencies.p99Ms() <= GOAL_P99_MS;
        List<ResultRow> rows = List.of(
                ResultRow.plain("e2e", "offered rate (achieved), exactly_once_v2, " + settings,
                        Numbers.rate(Numbers.perSecond(offered, offeredNanos), "ev/s")),
                ResultRow.plain("e2e", "warm-up until the JIT settled (settled?)",
                        String.format("%.0f s (%s)", warmUp.nanos() / 1e9, warmUp.jitSettled() ? "yes" : "no, bound reached")),
                ResultRow.plain("e2e", "JIT compile time in the window, share of wall clock", String.format("%.1f%%", 100 * compileShareInWindow)),
                ResultRow.plain("e2e", "publish -> row visible, p50", Numbers.millis(latencies.p50Ms())),
                ResultRow.plain("e2e", "publish -> row visible, p95", Numbers.millis(latencies.p95Ms())),
                new ResultRow("e2e", "publish -> row visible, p99", Numbers.millis(latencies.p99Ms()), "", "",
                        "<= 1000 ms " + Numbers.met(met)),
                ResultRow.plain("e2e", "publish -> row visible, max", Numbers.millis(latencies.maxMs())),
                ResultRow.plain("e2e", "runs timed (never visible)", String.format("%,d (%d)", latencies.count(), neverVisible)),
                ResultRow.plain("e2e", "largest backlog: processor inputs / sink, records",
                        String.format("%,d / %,d", backlog.stream().mapToLong(LagProbe.Sample::inputLag).max().orElse(0),
                                backlog.stream().mapToLong(LagProbe.Sample::sinkLag).max().orElse(0))));
        Map<String, Object> numbers = new LinkedHashMap<>();
        numbers.put("offered_rate_per_s", rate);
        numbers.put("achieved_rate_per_s", Numbers.perSecond(offered, offeredNanos));
        numbers.put("events", offered);
        numbers.put("guarantee", streams.processingGuarantee());
        numbers.put("commit_interval_ms", streams.commitInterval().toMillis());
        numbers.put("warm_up_s", warmUp.nanos() / 1e9);
        numbers.put("warm_up_events", warmUp.events());
        numbers.put("warm_up_jit_settled", warmUp.jitSettled());
        numbers.put("jit_settled_share", JitActivity.SETTLED_SHARE);
        numbers.put("jit_compile_share_in_window", compileShareInWindow);
        numbers.put("sink_max_batch_records", sink.maxBatchRecords());
        numbers.put("sink_max_batch_rows", sink.maxBatchRows());
        numbers.put("sink_poll_timeout_ms", sink.pollTimeout().toMillis());
        numbers.put("watch_period_ms", RowWatcher.PERIOD.toMillis());
        numbers.put("runs_timed", latencies.count());
        numbers.put("runs_never_visible", neverVisible);
        numbers.put("p50_ms", latencies.p50Ms());
        numbers.put("p95_ms", latencies.p95Ms());
        numbers.put("p99_ms", latencies.p99Ms());
        numbers.put("max_ms", latencies.maxMs());
        numbers.put("goal_p99_ms", GOAL_P99_MS);
        numbers.put("backlog_period_ms", LagProbe.PERIOD.toMillis());
        numbers.put("backlog", backlog);
        Map<String, Double> perEvent = new LinkedHashMap<>();
        topicRecords.forEach((topic, records) -> perEvent.put(topic, Math.round(1000.0 * records / published) / 1000.0));
        numbers.put("records_per_published_event", perEvent);
        return new StageResult("e2e", rows, numbers);
    }
}
