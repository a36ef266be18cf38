package dev.syncledger.bench;

import dev.syncledger.app.pipeline.ProcessorRunner;
import dev.syncledger.processor.StreamsSettings;
import dev.syncledger.schemas.Topics;
import dev.syncledger.schemas.Topics.TopicSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Set;
import java.util.TreeMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;

/**
 * Events per second the processor folds, against a pass-through topology on the same broker with the
 * same topics, serdes and guarantee, in the same run. The workload is published once, before any
 * clock starts; each run reads it from the beginning under its own application id, and is timed from
 * RUNNING until its committed offsets reach the end of every topic it reads. Before the timed runs, each topology
 * folds the workload once, untimed; each processor run starts from an empty owners topic, as the first does.
 * A third topology, the stateful floor, reads and writes one store per event and writes one row: between the
 * pass-through and the processor, it says how much of the gap any state in Kafka Streams costs here.
 */
final class ProcessorBenchmark {

    static final double GOAL = 0.7;

    private final BenchSize size;
    private final BenchKafka kafka;

    ProcessorBenchmark(BenchSize size, BenchKafka kafka) {
        this.size = size;
        this.kafka = kafka;
    }

    StageResult run() {
        List<TopicSpec> outputs = Stream.concat(PassThroughTopology.outputTopics().stream(), StatefulFloorTopology.outputTopics().stream())
                .map(name -> new TopicSpec(name, false, TopicSpec.Role.INPUT)).toList();
        kafka.freshTopics(outputs);
        long events = kafka.publishAll(new Workload(size.processorEvents()));

        // Untimed: each topology folds the whole workload once under a throwaway application id, so that the timed runs
        // measure code the JIT has compiled, as a long-running service is, and not C2 taking most of a core meanwhile.
        JitActivity jit = new JitActivity();
        long warmUpStarted = System.nanoTime();
        passThrough(kafka, "warm-up-pass-through", StreamsConfig.EXACTLY_ONCE_V2, events);
        statefulFloor(kafka, "warm-up-stateful-floor", StreamsConfig.EXACTLY_ONCE_V2, events);
        kafka.freshTopic(Topics.CONNECTOR_OWNERS);
        processor(kafka, "warm-up-processor", StreamsConfig.EXACTLY_ONCE_V2, events);
        long warmUpNanos = System.nanoTime() - warmUpStarted;
        long compileMsBefore = jit.totalCompileMs();
        long timedStarted = System.nanoTime();

        double passThroughEos = passThrough(kafka, "pass-through-eos", StreamsConfig.EXACTLY_ONCE_V2, events);
        double floorEos = statefulFloor(kafka, "stateful-floor-eos", StreamsConfig.EXACTLY_ONCE_V2, events);
        kafka.freshTopic(Topics.CONNECTOR_OWNERS);
        Map<String, Long> endsBefore = kafka.endOffsets();
        double processorEos = processor(kafka, "processor-eos", StreamsConfig.EXACTLY_ONCE_V2, events);
        double compileShareEos = JitActivity.share(jit.totalCompileMs() - compileMsBefore, System.nanoTime() - timedStarted);
        // Read before the other runs write to the same state topics: what one exactly-once run wrote per input event.
        Map<String, Double> writtenPerEvent = writtenPerEvent(kafka, "processor-eos", events, endsBefore);
        double passThroughAlos = passThrough(kafka, "pass-through-alos", StreamsConfig.AT_LEAST_ONCE, events);
        kafka.freshTopic(Topics.CONNECTOR_OWNERS);
        double processorAlos = processor(kafka, "processor-alos", StreamsConfig.AT_LEAST_ONCE, events);

        double ratioEos = processorEos / passThroughEos;
        double floorRatio = floorEos / passThroughEos;
        double ratioAlos = processorAlos / passThroughAlos;
        List<ResultRow> rows = new ArrayList<>();
        rows.add(new ResultRow("processor", "exactly_once_v2, events/s vs pass-through", Numbers.rate(processorEos, "ev/s"),
                Numbers.rate(passThroughEos, "ev/s"), Numbers.ratio(ratioEos), ">= 0.7 " + Numbers.met(ratioEos >= GOAL)));
        rows.add(new ResultRow("processor", "stateful floor, exactly_once_v2, events/s vs pass-through", Numbers.rate(floorEos, "ev/s"),
                Numbers.rate(passThroughEos, "ev/s"), Numbers.ratio(floorRatio), "(what state costs anyone)"));
        rows.add(new ResultRow("processor", "at_least_once, events/s vs pass-through", Numbers.rate(processorAlos, "ev/s"),
                Numbers.rate(passThroughAlos, "ev/s"), Numbers.ratio(ratioAlos), "(reference)"));
        Map<String, Object> numbers = new LinkedHashMap<>();
        numbers.put("events", events);
        numbers.put("partitions", BenchKafka.PARTITIONS);
        numbers.put("warm_up_s", warmUpNanos / 1e9);
        numbers.put("jit_compile_share_exactly_once_runs", compileShareEos);
        numbers.put("stream_threads", kafka.streams("x", StreamsConfig.EXACTLY_ONCE_V2).threads());
        numbers.put("commit_interval_ms", kafka.streams("x", StreamsConfig.EXACTLY_ONCE_V2).commitInterval().toMillis());
        numbers.put("exactly_once_v2", Map.of("processor_events_per_s", processorEos, "pass_through_events_per_s", passThroughEos,
                "ratio", ratioEos, "goal", GOAL, "stateful_floor_events_per_s", floorEos, "stateful_floor_ratio", floorRatio,
                "processor_vs_stateful_floor", processorEos / floorEos));
        numbers.put("exactly_once_v2_offsets_per_input_event", writtenPerEvent);
        numbers.put("at_least_once", Map.of("processor_events_per_s", processorAlos, "pass_through_events_per_s", passThroughAlos,
                "ratio", ratioAlos));
        return new StageResult("processor", rows, numbers);
    }

    private static double processor(BenchKafka kafka, String applicationId, String guarantee, long events) {
        StreamsSettings settings = kafka.streams(applicationId, guarantee);
        try (ProcessorRunner runner = ProcessorRunner.start(settings, kafka.topology(), BenchKafka.START_TIMEOUT)) {
            long started = System.nanoTime();
            kafka.awaitFolded(applicationId);
            return Numbers.perSecond(events, System.nanoTime() - started);
        }
    }

    /**
     * Offsets each topic the processor writes advanced per input event: its records plus, under exactly-once, one
     * transaction marker per partition and commit, counted from {@code before} (the warm-up wrote to the same state
     * topics). Input and pass-through topics are left out.
     */
    private static Map<String, Double> writtenPerEvent(BenchKafka kafka, String applicationId, long events, Map<String, Long> before) {
        Set<String> skipped = new HashSet<>(BenchKafka.names(Topics.INPUTS));
        skipped.addAll(PassThroughTopology.outputTopics());
        skipped.addAll(StatefulFloorTopology.outputTopics());
        Map<String, Double> perEvent = new TreeMap<>();
        kafka.endOffsets().forEach((topic, end) -> {
            boolean ours = !topic.startsWith("processor-") || topic.startsWith(applicationId + "-");
            long written = end - before.getOrDefault(topic, 0L);
            if (ours && !skipped.contains(topic) && written > 0) {
                perEvent.put(topic.startsWith(applicationId + "-") ? topic.substring(applicationId.length() + 1) : topic,
                        Math.round(1000.0 * written / events) / 1000.0);
            }
        });
        return perEvent;
    }

    private static double passThrough(BenchKafka kafka, String applicationId, String guarantee, long events) {
        return reference(kafka, applicationId, guarantee, events, PassThroughTopology.build(kafka.topology().serde()));
    }

    private static double statefulFloor(BenchKafka kafka, String applicationId, String guarantee, long events) {
        return reference(kafka, applicationId, guarantee, events, StatefulFloorTopology.build(kafka.topology().serde()));
    }

    private static double reference(BenchKafka kafka, String applicationId, String guarantee, long events, Topology topology) {
        StreamsSettings settings = kafka.streams(applicationId, guarantee);
        try (KafkaStreams streams = new KafkaStreams(topology, settings.toProperties())) {
            streams.start();
            awaitRunning(streams);
            long started = System.nanoTime();
            kafka.awaitProcessed(applicationId, BenchKafka.names(Topics.INPUTS));
            return Numbers.perSecond(events, System.nanoTime() - started);
        }
    }

    private static void awaitRunning(KafkaStreams streams) {
        Instant deadline = Instant.now().plus(BenchKafka.START_TIMEOUT);
        while (streams.state() != KafkaStreams.State.RUNNING) {
            if (Instant.now().isAfter(deadline) || streams.state() == KafkaStreams.State.ERROR) {
                throw new IllegalStateException("a reference topology did not start: " + streams.state());
            }
            sleep(Duration.ofMillis(20));
        }
    }

    static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
