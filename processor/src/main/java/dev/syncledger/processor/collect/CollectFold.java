package dev.syncledger.processor.collect;

import static dev.syncledger.processor.rejection.RejectionReason.ARRIVED_AFTER_HORIZON;
import static dev.syncledger.processor.rejection.RejectionReason.DURATION_OUT_OF_RANGE;
import static dev.syncledger.processor.rejection.RejectionReason.FIELD_TOO_LONG;
import static dev.syncledger.processor.rejection.RejectionReason.NEGATIVE_DURATION;
import static dev.syncledger.processor.rejection.RejectionReason.TOO_MANY_EVENTS;
import static dev.syncledger.processor.rejection.RejectionReason.WORKSPACE_MISMATCH;

import dev.syncledger.processor.ledger.LedgerRules;
import dev.syncledger.processor.limits.FieldLimits;
import dev.syncledger.processor.rejection.EventOrigin;
import dev.syncledger.processor.rejection.FieldChecks;
import dev.syncledger.processor.rejection.Rejection;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * Folds one collect event into its collect's ledger: a pure function of (ledger, event, clock), no Kafka and
 * no clock read in it. The rules, in the order they are applied:
 * <ol>
 *   <li>a ledger the horizon has expired ({@link LedgerRules}) is no longer held: the collect is unknown;</li>
 *   <li>an event id the collect has already taken in changes nothing;</li>
 *   <li>an event wrong on its own is rejected: {@code field_too_long} for a provider over 255
 *       characters, {@code negative_duration} or {@code duration_out_of_range} for a terminal event
 *       whose own started_at is after its own end or more than 2^31-1 ms before it;</li>
 *   <li>an event for an unknown collect that is more than the horizon old is {@code arrived_after_horizon};</li>
 *   <li>an event naming another workspace than the collect's first accepted event is a
 *       {@code workspace_mismatch}: the workspace is stamped once and never re-derived;</li>
 *   <li>an event past the collect's cap (events or bytes) is {@code too_many_events};</li>
 *   <li>the rules relating events to each other ({@link CollectVerdicts}) may reject it or an event
 *       accepted earlier, which then stops counting.</li>
 * </ol>
 * The collect row and the sync log it produces are derived from the accepted events only, so they
 * depend on their set, not their order.
 */
public final class CollectFold {

    public static final int PROVIDER_MAX_LENGTH = FieldLimits.VARCHAR_MAX_CHARS;

    private final LedgerRules rules;

    public CollectFold(LedgerRules rules) {
        this.rules = Objects.requireNonNull(rules, "rules");
    }

    public CollectFold() {
        this(LedgerRules.defaults());
    }

    /**
     * @param stored what the store holds for the collect, possibly expired
     * @param clock the event clock of the collect's input partition, this event included
     */
    public CollectDecision apply(CollectLedger stored, CollectChange event, EventOrigin origin, Instant clock) {
        CollectLedger ledger = stored != null && rules.isExpired(stored, clock) ? null : stored;
        if (ledger != null && ledger.hasSeen(event.eventId())) {
            return CollectDecision.unchanged(ledger);
        }
        Optional<Rejection> wrongAlone = judgeAlone(event, origin);
        if (wrongAlone.isPresent()) {
            return CollectDecision.rejected(stored, wrongAlone.get());
        }
        if (ledger == null && rules.isLate(LedgerRules.eventTime(event.occurredAt(), origin.timestamp()), clock)) {
            return CollectDecision.rejected(stored, new Rejection(ARRIVED_AFTER_HORIZON, "collect " + event.collectId()
                    + " is not held and this event (occurred_at " + event.occurredAt() + ") is more than " + rules.horizon()
                    + " older than its partition's latest event (" + clock + ")", event.eventId(), origin));
        }
        if (ledger != null && !ledger.workspaceId().equals(event.workspaceId())) {
            return CollectDecision.rejected(ledger, new Rejection(WORKSPACE_MISMATCH,
                    "collect " + event.collectId() + " belongs to workspace " + ledger.workspaceId()
                            + "; this event names workspace " + event.workspaceId(),
                    event.eventId(), origin));
        }
        Optional<Rejection> overCap = overCap(ledger, event, origin);
        if (overCap.isPresent()) {
            return CollectDecision.rejected(ledger, overCap.get());
        }
        List<Rejection> forgotten = ledger == null && stored != null ? stored.forgetRejections() : List.of();
        return takeIn(ledger, event, origin, forgotten);
    }

    /** The rules that judge an event by itself, whatever its collect holds. */
    public static Optional<Rejection> judgeAlone(CollectChange event, EventOrigin origin) {
        String tooLong = FieldChecks.tooLong("provider", event.provider(), PROVIDER_MAX_LENGTH);
        if (tooLong != null) {
            return Optional.of(new Rejection(FIELD_TOO_LONG, tooLong, event.eventId(), origin));
        }
        if (event.isTerminal() && event.startedAt() != null) {
            return judgeOwnDuration(event, origin);
        }
        return Optional.empty();
    }

    /** A terminal event that contradicts itself: judged here so it can never become the collect's end. */
    private static Optional<Rejection> judgeOwnDuration(CollectChange event, EventOrigin origin) {
        if (event.startedAt().isAfter(event.completedAt())) {
            return Optional.of(new Rejection(NEGATIVE_DURATION, "started_at " + event.startedAt()
                    + " is after the end " + event.completedAt() + " this " + event.status().code() + " event gives",
                    event.eventId(), origin));
        }
        long durationMs = Duration.between(event.startedAt(), event.completedAt()).toMillis();
        if (durationMs > CollectVerdicts.MAX_DURATION_MS) {
            return Optional.of(new Rejection(DURATION_OUT_OF_RANGE, "the end " + event.completedAt() + " is " + durationMs
                    + " ms after started_at " + event.startedAt() + ", more than " + CollectVerdicts.MAX_DURATION_MS + " ms",
                    event.eventId(), origin));
        }
        return Optional.empty();
    }

    private Optional<Rejection> overCap(CollectLedger ledger, CollectChange event, EventOrigin origin) {
        if (ledger == null) {
            return Optional.empty();
        }
        if (ledger.entries().size() >= rules.maxEventsPerRun()) {
            return Optional.of(new Rejection(TOO_MANY_EVENTS, "collect " + event.collectId() + " already took in "
                    + ledger.entries().size() + " distinct events, the most a collect may have", event.eventId(), origin));
        }
        int bytes = ledger.estimatedBytes() + CollectLedger.ENTRY_BYTES + CollectLedger.utf8Length(event.provider())
                + CollectLedger.utf8Length(event.error());
        if (bytes > LedgerRules.MAX_LEDGER_BYTES) {
            return Optional.of(new Rejection(TOO_MANY_EVENTS, "collect " + event.collectId() + " would hold more than "
                    + LedgerRules.MAX_LEDGER_BYTES + " bytes with this event", event.eventId(), origin));
        }
        return Optional.empty();
    }

    private static CollectDecision takeIn(CollectLedger ledger, CollectChange event, EventOrigin origin, List<Rejection> forgotten) {
        List<CollectLedgerEntry> entries = new ArrayList<>(ledger == null ? List.of() : ledger.entries());
        entries.add(CollectLedgerEntry.accepted(event, origin));
        List<CollectChange> events = entries.stream().map(CollectLedgerEntry::event).toList();
        CollectVerdicts verdicts = CollectVerdicts.of(events);
        // Only the winning end's error can ever reach the sync log; every other end is rejected for good.
        Optional<CollectChange> candidate = events.stream().filter(CollectChange::isTerminal).min(CollectChange.BY_COMPLETION);

        UUID collectWorkspace = ledger == null ? event.workspaceId() : ledger.workspaceId();
        List<Rejection> rejections = new ArrayList<>(forgotten);
        List<CollectLedgerEntry> judged = new ArrayList<>(entries.size());
        for (CollectLedgerEntry entry : entries) {
            Optional<CollectVerdicts.Verdict> verdict = entry.isRejected() ? Optional.empty() : verdicts.verdictFor(entry.event().eventId());
            if (verdict.isPresent()) {
                // The arriving event is rejected with its bytes; one accepted earlier, by its position on the input topic.
                EventOrigin from = entry.event().eventId().equals(event.eventId()) ? origin : entry.position();
                // Every entry was taken in as the collect's, so a displaced one names the collect's workspace.
                rejections.add(new Rejection(verdict.get().reason(), verdict.get().message(), entry.event().eventId(), from)
                        .withWorkspace(collectWorkspace));
                judged.add(entry.rejected(verdict.get().reason()));
            } else if (candidate.isPresent() && entry.event() == candidate.get()) {
                judged.add(entry);
            } else {
                judged.add(entry.withoutPayload());
            }
        }

        Instant eventTime = LedgerRules.eventTime(event.occurredAt(), origin.timestamp());
        CollectLedger before = ledger != null ? ledger
                : new CollectLedger(event.collectId(), event.workspaceId(), List.of(), 0, 0, eventTime, event.occurredAt());
        CollectLedger provisional = before.with(judged, before.revision(), before.syncLogRevision(),
                later(before.lastEventAt(), eventTime), later(before.seenAt(), event.occurredAt()));
        boolean rowChanged = !Objects.equals(before.row(), provisional.row());
        boolean syncLogChanged = !Objects.equals(before.syncLog(), provisional.syncLog());
        CollectLedger next = provisional.with(judged,
                rowChanged ? before.revision() + 1 : before.revision(),
                syncLogChanged ? before.syncLogRevision() + 1 : before.syncLogRevision(),
                provisional.lastEventAt(), provisional.seenAt());
        return new CollectDecision(next, true, rejections);
    }

    private static Instant later(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }
}
