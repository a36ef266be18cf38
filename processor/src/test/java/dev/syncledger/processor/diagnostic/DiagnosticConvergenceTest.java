package dev.syncledger.processor.diagnostic;

import dev.syncledger.processor.identity.UuidOrder;

import static org.assertj.core.api.Assertions.assertThat;

import dev.syncledger.processor.rejection.Rejection;
import dev.syncledger.processor.rejection.RejectionReason;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Property: for random sets of diagnostic events over a few diagnostic ids, every arrival order, with
 * duplicates, keeps the same rows and rejects the same events, each once; and the rows are those of
 * the lowest valid, unexpired event id per diagnostic. Seeded, so a failure names the seed that
 * reproduces it.
 */
class DiagnosticConvergenceTest {

    private static final int SETS = 2_000;
    private static final int ORDERS_PER_SET = 24;
    private static final Instant RETAINED_FROM = DiagnosticEvents.t(20);

    enum Rule { ACCEPTED, EXPIRED_ON_ARRIVAL, CONFLICT_ON_ARRIVAL, RETRACTED_AFTER_ACCEPTANCE, REDELIVERY_IGNORED }

    @Test
    void shouldKeepTheSameRowsAndRejectTheSameEventsInEveryArrivalOrder() {
        Set<RejectionReason> reasonsSeen = EnumSet.noneOf(RejectionReason.class);
        Set<Rule> rulesSeen = EnumSet.noneOf(Rule.class);
        for (int seed = 0; seed < SETS; seed++) {
            Random random = new Random(seed);
            List<DiagnosticEmitted> events = randomSet(random);
            DiagnosticFoldRun reference = DiagnosticFoldRun.of(RETAINED_FROM, events);
            Map<UUID, DiagnosticRow> expectedRows = reference.rows();
            Set<UUID> expectedRejected = rejectedIds(reference);

            assertThat(expectedRows).as("seed %d: rows are those of the lowest valid event id", seed).isEqualTo(oracle(events));
            for (int order = 0; order < ORDERS_PER_SET; order++) {
                List<DiagnosticEmitted> arrival = withDuplicates(events, random);
                Collections.shuffle(arrival, random);
                DiagnosticFoldRun run = new DiagnosticFoldRun(RETAINED_FROM);
                for (DiagnosticEmitted event : arrival) {
                    rulesSeen.add(ruleHit(run, event));
                }
                run.rejections.forEach(rejection -> reasonsSeen.add(rejection.reason()));

                assertThat(run.rows()).as("seed %d, order %d: rows", seed, order).isEqualTo(expectedRows);
                assertThat(rejectedIds(run)).as("seed %d, order %d: rejected events", seed, order).isEqualTo(expectedRejected);
                assertThat(run.rejections).as("seed %d, order %d: an event rejected by a relation is rejected once", seed, order)
                        .filteredOn(rejection -> rejection.reason() == RejectionReason.CONFLICTING_DIAGNOSTIC)
                        .extracting(Rejection::eventId).doesNotHaveDuplicates();
                for (Map.Entry<UUID, DiagnosticRow> row : expectedRows.entrySet()) {
                    assertThat(lastEmitted(run, row.getKey())).as("seed %d, order %d: last row emitted", seed, order)
                            .isEqualTo(row.getValue());
                }
            }
        }
        assertThat(reasonsSeen).as("the generated sets exercise every rejection of the diagnostic rules")
                .containsExactlyInAnyOrder(RejectionReason.UNKNOWN_ENUM_VALUE, RejectionReason.INVALID_HTTP_STATUS,
                        RejectionReason.MISSING_DETAIL, RejectionReason.CONFLICTING_DIAGNOSTIC);
        assertThat(rulesSeen).as("the generated arrivals exercise every rule").containsExactlyInAnyOrder(Rule.values());
    }

    /** Applies one event and names the rule it went through, beyond the rejections of an event on its own. */
    private static Rule ruleHit(DiagnosticFoldRun run, DiagnosticEmitted event) {
        DiagnosticDecision decision = run.apply(event);
        if (decision.expiredOnArrival()) {
            return Rule.EXPIRED_ON_ARRIVAL;
        }
        if (decision.rejections().stream().anyMatch(rejection -> !rejection.eventId().equals(event.eventId()))) {
            return Rule.RETRACTED_AFTER_ACCEPTANCE;
        }
        if (decision.rejections().stream().anyMatch(rejection -> rejection.reason() == RejectionReason.CONFLICTING_DIAGNOSTIC)) {
            return Rule.CONFLICT_ON_ARRIVAL;
        }
        if (!decision.storeChanged() && decision.rejections().isEmpty()) {
            return Rule.REDELIVERY_IGNORED;
        }
        return Rule.ACCEPTED;
    }

    /** The rows as the rules define them, computed from the set without folding. */
    private static Map<UUID, DiagnosticRow> oracle(List<DiagnosticEmitted> events) {
        Map<UUID, DiagnosticEmitted> winners = new HashMap<>();
        for (DiagnosticEmitted event : events) {
            if (DiagnosticChecks.judgeAlone(event, DiagnosticEvents.origin(0, event.diagnosticId())).isPresent()
                    || event.occurredAt().isBefore(RETAINED_FROM)) {
                continue;
            }
            winners.merge(event.diagnosticId(), event,
                    (a, b) -> UuidOrder.isLower(a.eventId(), b.eventId()) ? a : b);
        }
        return winners.entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey, e -> DiagnosticRow.of(e.getValue())));
    }

    private static DiagnosticRow lastEmitted(DiagnosticFoldRun run, UUID diagnosticId) {
        List<DiagnosticRow> forId = run.emitted.stream().filter(row -> row.diagnosticId().equals(diagnosticId)).toList();
        return forId.isEmpty() ? null : forId.get(forId.size() - 1);
    }

    private static Set<UUID> rejectedIds(DiagnosticFoldRun run) {
        return run.rejections.stream().map(Rejection::eventId).collect(Collectors.toCollection(HashSet::new));
    }

    private static List<DiagnosticEmitted> withDuplicates(List<DiagnosticEmitted> events, Random random) {
        List<DiagnosticEmitted> arrival = new ArrayList<>(events);
        for (DiagnosticEmitted event : events) {
            if (random.nextInt(4) == 0) {
                arrival.add(event);
            }
        }
        return arrival;
    }

    /** One to three diagnostic ids with one to five events each, drawn to hit every rule. */
    static List<DiagnosticEmitted> randomSet(Random random) {
        List<DiagnosticEmitted> events = new ArrayList<>();
        int diagnostics = 1 + random.nextInt(3);
        for (int d = 0; d < diagnostics; d++) {
            UUID diagnosticId = new UUID(random.nextLong(), random.nextLong());
            int count = 1 + random.nextInt(5);
            for (int i = 0; i < count; i++) {
                events.add(event(random, diagnosticId));
            }
        }
        return events;
    }

    private static DiagnosticEmitted event(Random random, UUID diagnosticId) {
        String targetModel = random.nextInt(12) == 0 ? "purchase_order"
                : TargetModel.values()[random.nextInt(TargetModel.values().length)].code();
        String reason = random.nextInt(16) == 0 ? "quota_exceeded"
                : SyncFailureReason.values()[random.nextInt(SyncFailureReason.values().length)].code();
        Integer httpStatus = switch (random.nextInt(10)) {
            case 0 -> null;
            case 1 -> random.nextBoolean() ? 99 : 600;
            default -> 100 + random.nextInt(500);
        };
        String detail = random.nextInt(10) == 0 ? (random.nextBoolean() ? null : " ") : "detail " + random.nextInt(4);
        return new DiagnosticEmitted(new UUID(random.nextLong(), random.nextLong()), DiagnosticEvents.t(random.nextInt(200)),
                DiagnosticEvents.WORKSPACE, DiagnosticEvents.CONNECTOR, diagnosticId, targetModel,
                random.nextBoolean() ? null : "tool_" + random.nextInt(3), reason, httpStatus, detail);
    }
}
