package dev.syncledger.bench;

import dev.syncledger.schemas.Topics.TopicSpec;
import dev.syncledger.schemas.Topics;
import java.time.Duration;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.function.IntSupplier;
import java.util.function.ToLongFunction;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;
import org.jdbi.v3.core.Jdbi;

/**
 * Where an end-to-end backlog sits: every {@link #PERIOD} it reads how far the processor's group is behind its inputs
 * and its own repartition topic, and how far the sink's offsets (kept in PostgreSQL with its rows) are behind the
 * committed end of the state topics. It starts sampling with the warm-up, so that its own first calls are not in the
 * window, and reports from {@link #startMeasuring()} on: one line per sample on stderr and a series for the JSON
 * report; at most {@link #MAX_SAMPLES} samples are kept.
 */
final class LagProbe implements AutoCloseable {

    static final Duration PERIOD = Duration.ofSeconds(2);
    private static final int MAX_SAMPLES = 1_000;

    record Sample(long atMs, long inputLag, long repartitionLag, long sinkLag, int awaitedRuns) {
    }

    private final Admin admin;
    private final Jdbi jdbi;
    private final String processorGroup;
    private final String sinkGroup;
    private final IntSupplier awaited;
    private final List<Sample> samples = new ArrayList<>();
    private final Thread thread;
    private volatile long started = System.nanoTime();
    private volatile boolean measuring;
    private volatile boolean running = true;

    LagProbe(Admin admin, Jdbi jdbi, String processorGroup, String sinkGroup, IntSupplier awaited) {
        this.admin = admin;
        this.jdbi = jdbi;
        this.processorGroup = processorGroup;
        this.sinkGroup = sinkGroup;
        this.awaited = awaited;
        this.thread = BenchThreads.daemon("bench-lag-probe", this::probe);
        this.thread.start();
    }

    /** Samples from now on are reported, timed from now; those taken before are dropped. */
    synchronized void startMeasuring() {
        samples.clear();
        started = System.nanoTime();
        measuring = true;
    }

    synchronized List<Sample> samples() {
        return List.copyOf(samples);
    }

    private void probe() {
        while (running) {
            try {
                long begun = System.nanoTime();
                Sample sample = sample();
                if (measuring && begun >= started) { // a sample begun before the window is not the window's
                    report(sample);
                }
            } catch (RuntimeException e) {
                System.err.println("lag probe: " + e.getMessage());
            }
            ProcessorBenchmark.sleep(PERIOD);
        }
    }

    private synchronized void report(Sample sample) {
        System.err.printf("lag %6.1f s (%s): processor inputs %,d, repartition %,d, sink %,d records; runs awaited %,d%n",
                sample.atMs() / 1000.0, LocalTime.now().withNano(0), sample.inputLag(), sample.repartitionLag(), sample.sinkLag(), sample.awaitedRuns());
        if (samples.size() < MAX_SAMPLES) {
            samples.add(sample);
        }
    }

    private Sample sample() {
        Map<TopicPartition, Long> inputEnds = ends(partitions(Topics.INPUTS.stream().map(TopicSpec::name).toList()));
        String repartition = processorGroup + "-connector-changes-repartition";
        Map<TopicPartition, Long> repartitionEnds = ends(partitions(List.of(repartition)));
        Map<TopicPartition, Long> stateEnds = ends(partitions(Topics.TABLES.stream().map(TopicSpec::name).toList()));
        Map<TopicPartition, OffsetAndMetadata> committed = committed();
        Map<TopicPartition, Long> sinkNext = new HashMap<>();
        jdbi.withExtension(VisibilityDao.class, dao -> dao.sinkOffsets(sinkGroup))
                .forEach(offset -> sinkNext.put(new TopicPartition(offset.topic(), offset.partition()), offset.nextOffset()));
        long atMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
        return new Sample(atMs, behind(inputEnds, tp -> offset(committed.get(tp))), behind(repartitionEnds, tp -> offset(committed.get(tp))),
                behind(stateEnds, tp -> sinkNext.getOrDefault(tp, 0L)), awaited.getAsInt());
    }

    private static long offset(OffsetAndMetadata committed) {
        return committed == null ? 0 : committed.offset();
    }

    private static long behind(Map<TopicPartition, Long> ends, ToLongFunction<TopicPartition> position) {
        long total = 0;
        for (Map.Entry<TopicPartition, Long> end : ends.entrySet()) {
            total += Math.max(0, end.getValue() - position.applyAsLong(end.getKey()));
        }
        return total;
    }

    private static Collection<TopicPartition> partitions(List<String> topics) {
        List<TopicPartition> partitions = new ArrayList<>();
        for (String topic : topics) {
            for (int p = 0; p < BenchKafka.PARTITIONS; p++) {
                partitions.add(new TopicPartition(topic, p));
            }
        }
        return partitions;
    }

    /** The last stable offsets: a transaction still open is not yet there to be read. */
    private Map<TopicPartition, Long> ends(Collection<TopicPartition> partitions) {
        Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
        partitions.forEach(tp -> latest.put(tp, OffsetSpec.latest()));
        try {
            Map<TopicPartition, Long> ends = new HashMap<>();
            admin.listOffsets(latest, new ListOffsetsOptions(IsolationLevel.READ_COMMITTED)).all().get(10, TimeUnit.SECONDS)
                    .forEach((tp, info) -> ends.put(tp, info.offset()));
            return ends;
        } catch (Exception e) {
            throw new IllegalStateException("cannot list offsets: " + e.getMessage(), e);
        }
    }

    private Map<TopicPartition, OffsetAndMetadata> committed() {
        try {
            Map<TopicPartition, OffsetAndMetadata> committed = new HashMap<>(
                    admin.listConsumerGroupOffsets(processorGroup).partitionsToOffsetAndMetadata().get(10, TimeUnit.SECONDS));
            committed.values().removeIf(Objects::isNull);
            return committed;
        } catch (Exception e) {
            throw new IllegalStateException("cannot read the processor's offsets: " + e.getMessage(), e);
        }
    }

    /** Records (and transaction markers) each topic holds now: what the input cost downstream, topic by topic. */
    Map<String, Long> topicSizes() {
        try {
            Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
            for (String name : admin.listTopics().names().get(10, TimeUnit.SECONDS)) {
                for (int p = 0; p < BenchKafka.PARTITIONS; p++) {
                    latest.put(new TopicPartition(name, p), OffsetSpec.latest());
                }
            }
            Map<String, Long> sizes = new TreeMap<>();
            admin.listOffsets(latest).all().get(10, TimeUnit.SECONDS).forEach((tp, info) -> sizes.merge(tp.topic(), info.offset(), Long::sum));
            return sizes;
        } catch (Exception e) {
            throw new IllegalStateException("cannot list the topics' offsets: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        running = false;
        try {
            thread.join(Duration.ofSeconds(15).toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
