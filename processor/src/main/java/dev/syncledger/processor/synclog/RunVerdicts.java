package dev.syncledger.processor.synclog;

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
 * Decides, from the set of a run's events alone, which are rejected by the rules that relate events
 * to each other. Each rule only ever turns more events into rejections as the set grows, so a
 * verdict once announced never has to be taken back, and the same set gives the same verdicts in
 * any arrival order:
 * <ol>
 *   <li>the terminal event with the earliest completed_at (then the lowest event id) is the
 *       candidate; every other terminal event is a {@code conflicting_terminal_event};</li>
 *   <li>a start whose started_at is after the candidate's completed_at is a {@code negative_duration};</li>
 *   <li>the candidate is a {@code duration_out_of_range} when completed_at minus the earliest
 *       remaining started_at does not fit a PostgreSQL integer of milliseconds.</li>
 * </ol>
 */
final class RunVerdicts {

    static final long MAX_DURATION_MS = Integer.MAX_VALUE;

    private final Map<UUID, Verdict> rejected = new HashMap<>();

    record Verdict(RejectionReason reason, String message) {}

    private RunVerdicts() {}

    static RunVerdicts of(List<SyncLogEvent> events) {
        RunVerdicts verdicts = new RunVerdicts();
        Optional<SyncLogEvent> candidate = events.stream()
                .filter(event -> event.kind().isTerminal())
                .min(SyncLogEvent.BY_COMPLETION);
        candidate.ifPresent(winner -> verdicts.judgeAgainst(winner, events));
        return verdicts;
    }

    Optional<Verdict> verdictFor(UUID eventId) {
        return Optional.ofNullable(rejected.get(eventId));
    }

    private void judgeAgainst(SyncLogEvent candidate, List<SyncLogEvent> events) {
        Instant completedAt = candidate.at();
        Instant earliestStart = null;
        for (SyncLogEvent event : events) {
            if (event.kind().isTerminal() && !event.eventId().equals(candidate.eventId())) {
                reject(event, CONFLICTING_TERMINAL_EVENT, "the run was already completed at " + completedAt
                        + " by event " + candidate.eventId() + "; this event says " + event.at());
            } else if (event.kind() == SyncLogEventKind.STARTED && event.at().isAfter(completedAt)) {
                reject(event, NEGATIVE_DURATION, "started_at " + event.at() + " is after the run's completed_at "
                        + completedAt + " (event " + candidate.eventId() + ")");
            } else if (event.kind() == SyncLogEventKind.STARTED
                    && (earliestStart == null || event.at().isBefore(earliestStart))) {
                earliestStart = event.at();
            }
        }
        if (earliestStart != null) {
            long durationMs = Duration.between(earliestStart, completedAt).toMillis();
            if (durationMs > MAX_DURATION_MS) {
                reject(candidate, DURATION_OUT_OF_RANGE, "completed_at " + completedAt + " is " + durationMs
                        + " ms after started_at " + earliestStart + ", more than " + MAX_DURATION_MS + " ms");
            }
        }
    }

    private void reject(SyncLogEvent event, RejectionReason reason, String message) {
        rejected.put(event.eventId(), new Verdict(reason, message));
    }
}
