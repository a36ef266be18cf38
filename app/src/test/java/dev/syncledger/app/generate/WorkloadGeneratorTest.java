package dev.syncledger.app.generate;

import static dev.syncledger.app.generate.GeneratedWorkload.time;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.Writer;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The stream as a whole: determinism, delivery order, duplicates, reordering, streaming, and the spec's limits. */
class WorkloadGeneratorTest {

    private static final Instant START = Instant.parse("2026-11-22T08:00:00Z");

    private static GeneratedWorkload workload;

    @BeforeAll
    static void generate() {
        workload = GeneratedWorkload.of(WorkloadSpec.of(42, 30, 5, 40, START));
    }

    @Test
    void shouldGiveByteIdenticalLinesForTheSameSpec() {
        WorkloadSpec spec = WorkloadSpec.of(7, 4, 3, 10, START);

        String first = String.join("\n", new WorkloadGenerator(spec).lines().toList());
        String second = String.join("\n", new WorkloadGenerator(WorkloadSpec.of(7, 4, 3, 10, START)).lines().toList());

        assertThat(second).isEqualTo(first);
        assertThat(first).isNotEmpty();
    }

    @Test
    void shouldStartAgainFromTheFirstLineOnEveryPass() {
        WorkloadGenerator generator = new WorkloadGenerator(WorkloadSpec.of(7, 2, 3, 5, START));

        assertThat(generator.lines().toList()).isEqualTo(generator.lines().toList());
    }

    @Test
    void shouldGiveOtherLinesForAnotherSeed() {
        List<String> seven = new WorkloadGenerator(WorkloadSpec.of(7, 4, 3, 10, START)).lines().toList();
        List<String> eight = new WorkloadGenerator(WorkloadSpec.of(8, 4, 3, 10, START)).lines().toList();

        assertThat(eight).doesNotContainAnyElementsOf(seven);
    }

    @Test
    void shouldWriteExactlyItsLinesEachEndedByANewline() throws Exception {
        WorkloadGenerator generator = new WorkloadGenerator(WorkloadSpec.of(3, 3, 2, 6, START));
        StringBuilder written = new StringBuilder();

        WorkloadCounts counts = generator.writeTo(written);

        List<String> lines = generator.lines().toList();
        assertThat(written.toString()).isEqualTo(String.join("\n", lines) + "\n");
        assertThat(counts.lines()).isEqualTo(lines.size());
    }

    @Test
    void shouldCountWhatItDelivered() {
        Map<String, Long> byType = workload.events.stream().collect(Collectors.groupingBy(GeneratedWorkload::type, Collectors.counting()));

        assertThat(workload.counts.eventsByType()).isEqualTo(byType);
        assertThat(workload.counts.lines()).isEqualTo(workload.lines.size());
        assertThat(workload.counts.duplicates()).isEqualTo(workload.lines.size() - workload.events.size());
    }

    @Test
    void shouldDeliverInTimeOrderFromTheStartWhenNothingIsDuplicatedOrReordered() {
        GeneratedWorkload ordered = GeneratedWorkload.of(WorkloadSpec.of(5, 10, 4, 12, START).withDuplicateRate(0).withOutOfOrderRate(0));

        List<Instant> times = ordered.delivered.stream().map(event -> time(event, "occurred_at")).toList();
        assertThat(times).isSortedAccordingTo(Comparator.naturalOrder());
        assertThat(times.get(0)).isAfterOrEqualTo(START);
        assertThat(times.get(times.size() - 1)).isBefore(ordered.spec.end());
        assertThat(ordered.lines).hasSameSizeAs(ordered.events);
        assertThat(ordered.counts.reordered()).isZero();
    }

    @Test
    void shouldKeepEveryEventWithinTheSpanTheSpecCovers() {
        assertThat(workload.events).allSatisfy(event ->
                assertThat(time(event, "occurred_at")).isAfterOrEqualTo(START).isBefore(START.plus(WorkloadSpec.span(40))));
    }

    @Test
    void shouldMostlyDeliverInTimeOrderEvenWithDuplicatesAndReordering() {
        long backwards = 0;
        for (int i = 1; i < workload.delivered.size(); i++) {
            if (time(workload.delivered.get(i), "occurred_at").isBefore(time(workload.delivered.get(i - 1), "occurred_at"))) {
                backwards++;
            }
        }

        assertThat((double) backwards / workload.delivered.size()).isLessThan(0.1);
    }

    @Test
    void shouldDeliverTheAskedShareOfDuplicatesAsExactCopiesOfEarlierLines() {
        Map<String, String> firstLineOfEvent = new HashMap<>();
        long duplicates = 0;
        for (String line : workload.lines) {
            String eventId = GeneratedWorkload.parse(line).get("event_id").asText();
            String first = firstLineOfEvent.putIfAbsent(eventId, line);
            if (first != null) {
                duplicates++;
                assertThat(line).isEqualTo(first);
            }
        }

        assertThat((double) duplicates / workload.events.size()).isCloseTo(0.05, within(0.01));
        assertThat(duplicates).isEqualTo(workload.counts.duplicates());
    }

    @Test
    void shouldDeliverNoDuplicatesAtRateZeroAndEveryLineTwiceAtRateOne() {
        WorkloadSpec spec = WorkloadSpec.of(9, 3, 3, 5, START);

        GeneratedWorkload none = GeneratedWorkload.of(spec.withDuplicateRate(0));
        GeneratedWorkload all = GeneratedWorkload.of(spec.withDuplicateRate(1));

        assertThat(none.lines).hasSameSizeAs(none.events);
        assertThat(all.lines).hasSize(2 * all.events.size());
    }

    @Test
    void shouldDeliverTheAskedShareOfRunsAndCollectsOutOfOrderKeyedAsBefore() {
        Map<String, List<JsonNode>> runs = workload.runs();
        Map<String, List<JsonNode>> collects = workload.collects();
        long reordered = Stream.concat(runs.values().stream(), collects.values().stream())
                .filter(events -> !isInTimeOrder(events))
                .count();

        double share = (double) reordered / (runs.size() + collects.size());
        assertThat(share).isCloseTo(0.05, within(0.015));
        assertThat(reordered).isEqualTo(workload.counts.reordered());
    }

    @Test
    void shouldReorderEveryRunAndCollectAtRateOne() {
        GeneratedWorkload shuffled = GeneratedWorkload.of(WorkloadSpec.of(11, 5, 4, 6, START).withOutOfOrderRate(1));

        assertThat(shuffled.runs().values()).noneMatch(WorkloadGeneratorTest::isInTimeOrder);
        assertThat(shuffled.collects().values()).noneMatch(WorkloadGeneratorTest::isInTimeOrder);
    }

    @Test
    void shouldStreamHundredsOfThousandsOfLinesWithoutHoldingThem() throws Exception {
        CountingWriter out = new CountingWriter();

        WorkloadCounts counts = new WorkloadGenerator(WorkloadSpec.of(1, 50, 10, 85, START)).writeTo(out);

        assertThat(counts.lines()).isGreaterThan(200_000);
        assertThat(out.newlines).isEqualTo(counts.lines());
    }

    @Test
    void shouldHandOutTheFirstLinesOfAWorkloadFarTooLargeToHold() {
        WorkloadSpec billions = WorkloadSpec.of(1, 100, 10, 1_000_000, START);

        assertThat(new WorkloadGenerator(billions).lines().limit(10_000).count()).isEqualTo(10_000);
    }

    @Test
    void shouldRefuseSpecsItCannotGenerate() {
        assertThatThrownBy(() -> WorkloadSpec.of(1, 0, 1, 1, START)).hasMessageContaining("workspaces must be at least 1");
        assertThatThrownBy(() -> WorkloadSpec.of(1, 1, 1, 0, START)).hasMessageContaining("runsPerConnector must be at least 1");
        assertThatThrownBy(() -> WorkloadSpec.of(1, 1, 1, 1, START).withDuplicateRate(1.5)).hasMessageContaining("duplicateRate");
        assertThatThrownBy(() -> WorkloadSpec.of(1, 1, 1, 1, START).withOutOfOrderRate(-0.1)).hasMessageContaining("outOfOrderRate");
        assertThatThrownBy(() -> WorkloadSpec.of(1, 101, 100, 1, START)).hasMessageContaining("at most 10000 connectors");
        assertThatThrownBy(() -> WorkloadSpec.of(1, 1, 1, 1, Instant.parse("1969-12-31T23:00:00Z"))).hasMessageContaining("1970");
        assertThatThrownBy(() -> WorkloadSpec.of(1, 1, 1, 48, Instant.parse("9999-12-31T00:00:00Z"))).hasMessageContaining("9999");
        assertThatThrownBy(() -> WorkloadRates.realistic().withFailureRate(2)).hasMessageContaining("failureRate");
    }

    @Test
    void shouldKeepTheStartToTheMillisecondAsEventsCarryIt() {
        WorkloadSpec spec = WorkloadSpec.of(1, 1, 1, 1, Instant.parse("2026-11-22T08:00:00.123456789Z"));

        assertThat(spec.start()).isEqualTo(Instant.parse("2026-11-22T08:00:00.123Z"));
        assertThat(spec.end()).isEqualTo(Instant.parse("2026-11-22T09:00:00.123Z"));
    }

    @Test
    void shouldGiveEveryTypeOfTheContract() {
        assertThat(workload.events.stream().map(GeneratedWorkload::type).distinct()).containsExactlyInAnyOrderElementsOf(EventShapes.types());
    }

    static boolean isInTimeOrder(List<JsonNode> events) {
        for (int i = 1; i < events.size(); i++) {
            if (!time(events.get(i), "occurred_at").isAfter(time(events.get(i - 1), "occurred_at"))) {
                return false;
            }
        }
        return true;
    }

    /** Counts lines and throws the characters away: what a benchmark piping to Kafka would hold. */
    private static final class CountingWriter extends Writer {
        long newlines;

        @Override
        public void write(char[] buffer, int offset, int length) {
            for (int i = offset; i < offset + length; i++) {
                if (buffer[i] == '\n') {
                    newlines++;
                }
            }
        }

        @Override
        public void write(String text, int offset, int length) {
            for (int i = offset; i < offset + length; i++) {
                if (text.charAt(i) == '\n') {
                    newlines++;
                }
            }
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}
    }
}
