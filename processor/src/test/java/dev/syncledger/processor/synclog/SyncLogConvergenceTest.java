package dev.syncledger.processor.synclog;

import static org.assertj.core.api.Assertions.assertThat;

import dev.syncledger.processor.rejection.Rejection;
import dev.syncledger.processor.rejection.RejectionReason;
import dev.syncledger.schemas.TriggerType;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Property: for random sets of one run's events, every arrival order, with duplicates, folds to the
 * same row and rejects the same events. Seeded, so a failure names the seed that reproduces it.
 */
class SyncLogConvergenceTest {

    private static final int SETS = 2_000;
    private static final int ORDERS_PER_SET = 24;

    @Test
    void shouldFoldEveryArrivalOrderOfTheSameEventsToTheSameRow() {
        Set<RejectionReason> reasonsSeen = EnumSet.noneOf(RejectionReason.class);
        for (int seed = 0; seed < SETS; seed++) {
            Random random = new Random(seed);
            List<SyncLogEvent> events = randomRun(random);
            FoldRun reference = FoldRun.of(events);
            Optional<SyncLogRow> expectedRow = reference.row();
            Set<UUID> expectedRejected = rejectedIds(reference);
            reference.rejections.forEach(rejection -> reasonsSeen.add(rejection.reason()));

            for (int order = 0; order < ORDERS_PER_SET; order++) {
                List<SyncLogEvent> arrival = withDuplicates(events, random);
                Collections.shuffle(arrival, random);
                FoldRun run = FoldRun.of(arrival);

                assertThat(run.row()).as("seed %d, order %d: row", seed, order).isEqualTo(expectedRow);
                assertThat(rejectedIds(run)).as("seed %d, order %d: rejected events", seed, order).isEqualTo(expectedRejected);
                assertThat(run.rejections).as("seed %d, order %d: each event rejected at most once", seed, order)
                        .hasSameSizeAs(rejectedIds(run));
            }
        }
        assertThat(reasonsSeen).as("the generated runs exercise every rule relating events")
                .contains(RejectionReason.NEGATIVE_DURATION, RejectionReason.DURATION_OUT_OF_RANGE,
                        RejectionReason.CONFLICTING_TERMINAL_EVENT);
    }

    @Test
    void shouldEmitTheFinalRowLastWithIncreasingRevisions() {
        for (int seed = 0; seed < 200; seed++) {
            Random random = new Random(seed);
            List<SyncLogEvent> arrival = withDuplicates(randomRun(random), random);
            Collections.shuffle(arrival, random);
            FoldRun run = FoldRun.of(arrival);

            if (run.row().isPresent()) {
                assertThat(run.emitted).as("seed %d", seed).last().isEqualTo(run.row().get());
            }
            assertThat(run.ledger() == null ? 0 : run.ledger().revision()).as("seed %d", seed).isEqualTo(run.emitted.size());
        }
    }

    private static Set<UUID> rejectedIds(FoldRun run) {
        return run.rejections.stream().map(Rejection::eventId).collect(Collectors.toSet());
    }

    private static List<SyncLogEvent> withDuplicates(List<SyncLogEvent> events, Random random) {
        List<SyncLogEvent> arrival = new ArrayList<>(events);
        for (SyncLogEvent event : events) {
            if (random.nextInt(4) == 0) {
                arrival.add(event);
            }
        }
        return arrival;
    }

    /** A run's events drawn to hit every rule: several starts and terminals, late starts, long gaps, deletes. */
    static List<SyncLogEvent> randomRun(Random random) {
        List<SyncLogEvent> events = new ArrayList<>();
        int scheduled = random.nextInt(2);
        int starts = random.nextInt(4);
        int terminals = random.nextInt(4);
        int deletes = random.nextInt(3) == 0 ? 1 + random.nextInt(2) : 0;
        for (int i = 0; i < scheduled; i++) {
            events.add(event(random, SyncLogEventKind.SCHEDULED));
        }
        for (int i = 0; i < starts; i++) {
            events.add(event(random, SyncLogEventKind.STARTED));
        }
        for (int i = 0; i < terminals; i++) {
            events.add(event(random, random.nextBoolean() ? SyncLogEventKind.SUCCEEDED : SyncLogEventKind.FAILED));
        }
        for (int i = 0; i < deletes; i++) {
            events.add(event(random, SyncLogEventKind.DELETED));
        }
        if (events.isEmpty()) {
            events.add(event(random, SyncLogEventKind.SCHEDULED));
        }
        return events;
    }

    private static SyncLogEvent event(Random random, SyncLogEventKind kind) {
        Instant occurredAt = SyncRunEvents.t(random.nextInt(120));
        Instant at = switch (kind) {
            case STARTED -> random.nextInt(10) == 0 ? SyncRunEvents.t(-30L * 24 * 3600) : SyncRunEvents.t(random.nextInt(100));
            case SUCCEEDED, FAILED -> SyncRunEvents.t(random.nextInt(3) == 0 ? 60 : random.nextInt(120));
            default -> null;
        };
        TriggerType trigger = (kind == SyncLogEventKind.SCHEDULED || kind == SyncLogEventKind.STARTED) && random.nextBoolean()
                ? TriggerType.values()[random.nextInt(TriggerType.values().length)] : null;
        String cloudTask = trigger == TriggerType.cloud_task ? "tasks/" + random.nextInt(3) : null;
        return new SyncLogEvent(new UUID(random.nextLong(), random.nextLong()), occurredAt, SyncRunEvents.WORKSPACE,
                SyncRunEvents.CONNECTOR, SyncRunEvents.RUN, kind, at, trigger, cloudTask,
                kind == SyncLogEventKind.FAILED ? "error " + random.nextInt(3) : null,
                kind.isTerminal() && random.nextBoolean() ? "{\"records_synced\":" + random.nextInt(500) + "}" : null);
    }
}
