package dev.syncledger.processor.collect;

import static org.assertj.core.api.Assertions.assertThat;

import dev.syncledger.processor.rejection.Rejection;
import dev.syncledger.processor.synclog.SyncLogRow;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Property: for random sets of one collect's events, every arrival order, with duplicates, folds to
 * the same collect row and the same produced sync log, and rejects the same events. An event of
 * another workspace, arriving anywhere after the collect was stamped, is always rejected and changes
 * nothing. Seeded, so a failure names the seed that reproduces it.
 */
class CollectConvergenceTest {

    private static final int SETS = 2_000;
    private static final int ORDERS_PER_SET = 24;
    private static final UUID OTHER_CONNECTOR = UUID.fromString("0f1e2d3c-4b5a-4978-8695-a4b3c2d1e0f9");
    private static final UUID OTHER_PEOPLE = UUID.fromString("11111111-2222-4333-8444-555555555555");
    private static final UUID OTHER_WORKSPACE = UUID.fromString("99999999-8888-4777-8666-555555555555");
    private static final UUID TASK = UUID.fromString("5b0c7d1e-2f3a-4b4c-8d5e-6f7a8b9c0d1e");
    private static final Instant LONG_AGO = CollectEvents.t(0).minus(Duration.ofDays(30));

    private final CollectFold fold = new CollectFold();

    @Test
    void shouldFoldEveryArrivalOrderOfTheSameEventsToTheSameRowAndSyncLog() {
        Set<String> rulesHit = new HashSet<>();
        for (int seed = 0; seed < SETS; seed++) {
            Random random = new Random(seed);
            List<CollectChange> events = randomCollect(random);
            Optional<CollectChange> foreign = random.nextInt(4) == 0 ? Optional.of(foreignEvent(random)) : Optional.empty();
            CollectFoldRun reference = CollectFoldRun.of(events);
            Optional<CollectRow> expectedRow = reference.row();
            Optional<SyncLogRow> expectedSyncLog = reference.syncLog();
            Set<UUID> expectedRejected = rejectedIds(reference);
            recordRulesHit(reference, rulesHit);

            for (int order = 0; order < ORDERS_PER_SET; order++) {
                List<CollectChange> arrival = withDuplicates(events, random);
                Collections.shuffle(arrival, random);
                boolean foreignInserted = foreign.isPresent() && insertAfterTheStamp(arrival, foreign.get(), random);
                CollectFoldRun run = CollectFoldRun.of(arrival);

                String at = "seed " + seed + ", order " + order;
                assertThat(run.row()).as("%s: collect row", at).isEqualTo(expectedRow);
                assertThat(run.syncLog()).as("%s: produced sync log", at).isEqualTo(expectedSyncLog);
                assertThat(run.lastPublishedSyncLog()).as("%s: last sync log published", at).isEqualTo(expectedSyncLog);
                Set<UUID> rejected = rejectedIds(run);
                if (foreignInserted) {
                    assertThat(rejected).as("%s: the foreign event is rejected", at).contains(foreign.get().eventId());
                    rejected.remove(foreign.get().eventId());
                    rulesHit.add("workspace_mismatch");
                }
                assertThat(rejected).as("%s: rejected events", at).isEqualTo(expectedRejected);
                Set<UUID> takenIn = takenInAndRejected(run);
                assertThat(run.rejections.stream().filter(r -> takenIn.contains(r.eventId())))
                        .as("%s: an event taken in is rejected once, however often it arrives", at).hasSize(takenIn.size());
                assertThat(run.rowEverVanished).as("%s: a collect row never disappears", at).isFalse();
                recordOrderDependentRulesHit(run, rulesHit);
            }
        }
        assertThat(rulesHit).as("the generated collects exercise every rule").containsAll(List.of(
                "conflicting_terminal_event by verdict", "negative_duration by verdict", "duration_out_of_range by verdict",
                "negative_duration alone", "duration_out_of_range alone", "field_too_long alone", "workspace_mismatch",
                "retraction of an accepted event", "sync log withdrawn", "status todo", "status in_progress",
                "status finalized", "status error", "sync log success", "sync log error", "default error text",
                "duration computed", "deleted", "no row without a status change"));
    }

    @Test
    void shouldEmitTheFinalRowAndSyncLogLastWithRevisionsCountingTheirChanges() {
        for (int seed = 0; seed < 300; seed++) {
            Random random = new Random(seed);
            List<CollectChange> arrival = withDuplicates(randomCollect(random), random);
            Collections.shuffle(arrival, random);
            CollectFoldRun run = CollectFoldRun.of(arrival);

            run.row().ifPresent(row -> assertThat(run.emitted).last().isEqualTo(row));
            long revision = run.ledger() == null ? 0 : run.ledger().revision();
            long syncLogRevision = run.ledger() == null ? 0 : run.ledger().syncLogRevision();
            assertThat(revision).as("seed %d", seed).isEqualTo(run.emitted.size());
            assertThat(syncLogRevision).as("seed %d", seed).isEqualTo(run.syncLogUpdates.size());
            assertThat(run.syncLogUpdates).extracting(SyncLogUpdate::revision).as("seed %d", seed).isSorted();
        }
    }

    private void recordRulesHit(CollectFoldRun reference, Set<String> rulesHit) {
        for (Rejection rejection : reference.rejections) {
            rulesHit.add(rejection.reason().code() + (rejectedAlone(reference, rejection.eventId()) ? " alone" : " by verdict"));
        }
        reference.row().ifPresentOrElse(row -> {
            rulesHit.add("status " + row.status().code());
            if (row.deletedAt() != null) {
                rulesHit.add("deleted");
            }
        }, () -> rulesHit.add("no row without a status change"));
        reference.syncLog().ifPresent(log -> {
            rulesHit.add("sync log " + log.status());
            if (log.error() != null && log.error().endsWith("ended in error")) {
                rulesHit.add("default error text");
            }
            if (log.durationMs() != null) {
                assertThat(log.durationMs()).as("a produced duration is never negative").isNotNegative();
                rulesHit.add("duration computed");
            }
        });
    }

    private static void recordOrderDependentRulesHit(CollectFoldRun run, Set<String> rulesHit) {
        if (!run.retractions.isEmpty()) {
            rulesHit.add("retraction of an accepted event");
        }
        if (run.syncLogUpdates.stream().anyMatch(update -> update.row().isEmpty())) {
            rulesHit.add("sync log withdrawn");
        }
    }

    /** Whether the event is refused on its own, before anything relates it to the collect's other events. */
    private boolean rejectedAlone(CollectFoldRun reference, UUID eventId) {
        CollectChange event = reference.ledger() == null ? null : reference.ledger().entries().stream()
                .map(CollectLedgerEntry::event).filter(e -> e.eventId().equals(eventId)).findFirst().orElse(null);
        return event == null;
    }

    /** Puts the foreign event after the first event that stamps the collect; false when none does. */
    private boolean insertAfterTheStamp(List<CollectChange> arrival, CollectChange foreign, Random random) {
        for (int i = 0; i < arrival.size(); i++) {
            if (fold.apply(null, arrival.get(i), CollectEvents.origin(0), arrival.get(i).occurredAt()).ledger() != null) {
                arrival.add(i + 1 + random.nextInt(arrival.size() - i), foreign);
                return true;
            }
        }
        return false;
    }

    /** Events rejected after the collect took them in; one refused on its own is refused again at each delivery, as its own record. */
    private static Set<UUID> takenInAndRejected(CollectFoldRun run) {
        return run.ledger() == null ? Set.of() : run.ledger().entries().stream()
                .filter(CollectLedgerEntry::isRejected).map(entry -> entry.event().eventId()).collect(Collectors.toSet());
    }

    private static Set<UUID> rejectedIds(CollectFoldRun run) {
        return run.rejections.stream().map(Rejection::eventId).collect(Collectors.toCollection(HashSet::new));
    }

    private static List<CollectChange> withDuplicates(List<CollectChange> events, Random random) {
        List<CollectChange> arrival = new ArrayList<>(events);
        for (CollectChange event : events) {
            if (random.nextInt(4) == 0) {
                arrival.add(event);
            }
        }
        return arrival;
    }

    /** A collect's events drawn to hit every rule: several ends, late and very early starts, self-contradicting ends, deletes. */
    static List<CollectChange> randomCollect(Random random) {
        List<CollectChange> events = new ArrayList<>();
        int todos = random.nextInt(2);
        int inProgress = random.nextInt(4);
        int terminals = random.nextInt(4);
        int deletes = random.nextInt(3) == 0 ? 1 + random.nextInt(2) : 0;
        for (int i = 0; i < todos; i++) {
            events.add(statusChange(random, CollectStatus.TODO, CollectEvents.WORKSPACE));
        }
        for (int i = 0; i < inProgress; i++) {
            events.add(statusChange(random, CollectStatus.IN_PROGRESS, CollectEvents.WORKSPACE));
        }
        for (int i = 0; i < terminals; i++) {
            events.add(statusChange(random, random.nextBoolean() ? CollectStatus.FINALIZED : CollectStatus.ERROR, CollectEvents.WORKSPACE));
        }
        for (int i = 0; i < deletes; i++) {
            events.add(deletion(random, CollectEvents.WORKSPACE));
        }
        if (events.isEmpty()) {
            events.add(statusChange(random, CollectStatus.TODO, CollectEvents.WORKSPACE));
        }
        return events;
    }

    private static CollectChange foreignEvent(Random random) {
        return random.nextInt(3) == 0 ? deletion(random, OTHER_WORKSPACE)
                : statusChange(random, CollectStatus.values()[random.nextInt(CollectStatus.values().length)], OTHER_WORKSPACE);
    }

    private static CollectChange statusChange(Random random, CollectStatus status, UUID workspace) {
        Instant occurredAt = CollectEvents.t(random.nextInt(120));
        Instant startedAt = status.isTerminal() ? terminalStart(random) : start(random);
        Instant endedAt = random.nextInt(status.isTerminal() ? 2 : 10) == 0 ? CollectEvents.t(random.nextInt(120)) : null;
        String provider = switch (random.nextInt(30)) {
            case 0 -> "p".repeat(256);
            case 1, 2, 3, 4 -> "linkedin";
            case 5, 6, 7 -> "popup";
            default -> null;
        };
        return new CollectChange(new UUID(random.nextLong(), random.nextLong()), occurredAt, workspace, connector(random),
                CollectEvents.COLLECT, CollectEventKind.STATUS_CHANGED, status,
                random.nextInt(5) == 0 ? OTHER_PEOPLE : CollectEvents.PEOPLE, provider,
                random.nextInt(5) == 0 ? TASK : null, startedAt, endedAt,
                random.nextBoolean() ? "error " + random.nextInt(3) : null);
    }

    private static Instant start(Random random) {
        int draw = random.nextInt(10);
        if (draw == 0) {
            return LONG_AGO;
        }
        return draw < 5 ? CollectEvents.t(random.nextInt(100)) : null;
    }

    private static Instant terminalStart(Random random) {
        int draw = random.nextInt(20);
        if (draw == 0) {
            return LONG_AGO;
        }
        return draw < 6 ? CollectEvents.t(random.nextInt(120)) : null;
    }

    private static CollectChange deletion(Random random, UUID workspace) {
        return new CollectChange(new UUID(random.nextLong(), random.nextLong()), CollectEvents.t(random.nextInt(150)), workspace,
                connector(random), CollectEvents.COLLECT, CollectEventKind.DELETED, null, null, null, null, null, null, null);
    }

    private static UUID connector(Random random) {
        return switch (random.nextInt(10)) {
            case 0, 1, 2 -> CollectEvents.CONNECTOR;
            case 3 -> OTHER_CONNECTOR;
            default -> null;
        };
    }
}
