package dev.syncledger.processor.collect;

import static dev.syncledger.processor.rejection.RejectionReason.CONFLICTING_TERMINAL_EVENT;
import static dev.syncledger.processor.rejection.RejectionReason.DURATION_OUT_OF_RANGE;
import static dev.syncledger.processor.rejection.RejectionReason.NEGATIVE_DURATION;

import dev.syncledger.processor.rejection.RejectionReason;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Decides, from the set of a collect's events alone (rejected ones included), which are rejected by
 * the rules that relate events to each other. Each rule only ever turns more events into rejections
 * as the set grows, so a verdict once announced never has to be taken back, and the same set gives
 * the same verdicts in any arrival order:
 * <ol>
 *   <li>the terminal event (finalized or error) with the earliest end (ended_at, else occurred_at,
 *       then the lowest event id) is the candidate; every other terminal event is a
 *       {@code conflicting_terminal_event};</li>
 *   <li>any other event whose started_at is after the candidate's end is a {@code negative_duration}:
 *       blaming the start rather than the end keeps this monotone, since an earlier start arriving
 *       later could never clear an end rejected for a later one;</li>
 *   <li>the candidate is a {@code duration_out_of_range} when its end minus the earliest remaining
 *       started_at does not fit a PostgreSQL integer of milliseconds.</li>
 * </ol>
 * A terminal event whose own started_at is after its own end, or too long before it, never gets
 * here: {@link CollectFold} rejects it on its own. That keeps at least one status change accepted
 * once one was, so a collect's row never disappears.
 */
final class CollectVerdicts {

    static final long MAX_DURATION_MS = Integer.MAX_VALUE;

    private final Map<UUID, Verdict> rejected = new HashMap<>();

    record Verdict(RejectionReason reason, String message) {}

    private CollectVerdicts() {}

    static CollectVerdicts of(List<CollectChange> events) {
        CollectVerdicts verdicts = new CollectVerdicts();
        events.stream()
                .filter(CollectChange::isTerminal)
                .min(CollectChange.BY_COMPLETION)
                .ifPresent(candidate -> verdicts.judgeAgainst(candidate, events));
        return verdicts;
    }

    Optional<Verdict> verdictFor(UUID eventId) {
        return Optional.ofNullable(rejected.get(eventId));
    }

    private void judgeAgainst(CollectChange candidate, List<CollectChange> events) {
        Instant endedAt = candidate.completedAt();
        Instant earliestStart = null;
        for (CollectChange event : events) {
            boolean isCandidate = event.eventId().equals(candidate.eventId());
            if (event.isTerminal() && !isCandidate) {
                reject(event, CONFLICTING_TERMINAL_EVENT, "collect " + candidate.collectId() + " already ended at " + endedAt
                        + " by event " + candidate.eventId() + "; this event says it ended at " + event.completedAt());
            } else if (!isCandidate && event.startedAt() != null && event.startedAt().isAfter(endedAt)) {
                reject(event, NEGATIVE_DURATION, "started_at " + event.startedAt() + " is after the collect's end "
                        + endedAt + " (event " + candidate.eventId() + ")");
            } else if (event.startedAt() != null && (earliestStart == null || event.startedAt().isBefore(earliestStart))) {
                earliestStart = event.startedAt();
            }
        }
        if (earliestStart != null) {
            long durationMs = Duration.between(earliestStart, endedAt).toMillis();
            if (durationMs > MAX_DURATION_MS) {
                reject(candidate, DURATION_OUT_OF_RANGE, "the collect ended at " + endedAt + ", " + durationMs
                        + " ms after its started_at " + earliestStart + ", more than " + MAX_DURATION_MS + " ms");
            }
        }
    }

    private void reject(CollectChange event, RejectionReason reason, String message) {
        rejected.put(event.eventId(), new Verdict(reason, message));
    }
}
