package dev.syncledger.processor.synclog;

import static dev.syncledger.processor.rejection.RejectionReason.ARRIVED_AFTER_HORIZON;
import static dev.syncledger.processor.rejection.RejectionReason.FIELD_TOO_LONG;
import static dev.syncledger.processor.rejection.RejectionReason.MISSING_ERROR;
import static dev.syncledger.processor.rejection.RejectionReason.TOO_MANY_EVENTS;
import static dev.syncledger.processor.rejection.RejectionReason.WORKSPACE_MISMATCH;

import dev.syncledger.processor.ledger.LedgerRules;
import dev.syncledger.processor.limits.FieldLimits;
import dev.syncledger.processor.rejection.EventOrigin;
import dev.syncledger.processor.rejection.FieldChecks;
import dev.syncledger.processor.rejection.Rejection;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * Folds one sync-run event into its run's ledger: a pure function of (ledger, event, clock), no Kafka and no
 * clock read in it. The rules, in the order they are applied:
 * <ol>
 *   <li>a ledger the horizon has expired ({@link LedgerRules}) is no longer held: the run is unknown;</li>
 *   <li>an event id the run has already taken in changes nothing;</li>
 *   <li>an event wrong on its own is rejected ({@code field_too_long}, {@code missing_error});</li>
 *   <li>an event for an unknown run that is more than the horizon old is {@code arrived_after_horizon};</li>
 *   <li>an event naming another workspace or connector than the run's first accepted event is a
 *       {@code workspace_mismatch};</li>
 *   <li>an event past the run's cap (events or bytes) is {@code too_many_events};</li>
 *   <li>the rules relating events to each other ({@link RunVerdicts}) may reject it or an event
 *       accepted earlier, which then stops counting.</li>
 * </ol>
 * The row is derived from the accepted events only, so within the horizon it depends on their set, not their
 * order. Only the winning terminal event keeps its error and metadata: any other is rejected for good.
 */
public final class SyncLogFold {

    public static final int CLOUD_TASK_ID_MAX_LENGTH = FieldLimits.VARCHAR_MAX_CHARS;

    private final LedgerRules rules;

    public SyncLogFold(LedgerRules rules) {
        this.rules = Objects.requireNonNull(rules, "rules");
    }

    public SyncLogFold() {
        this(LedgerRules.defaults());
    }

    /**
     * @param stored what the store holds for the run, possibly expired
     * @param clock the event clock of the run's input partition, this event included
     */
    public SyncLogDecision apply(SyncLogLedger stored, SyncLogEvent event, EventOrigin origin, Instant clock) {
        SyncLogLedger ledger = stored != null && rules.isExpired(stored, clock) ? null : stored;
        if (ledger != null && ledger.hasSeen(event.eventId())) {
            return SyncLogDecision.unchanged(ledger);
        }
        Optional<Rejection> wrongAlone = judgeAlone(event, origin);
        if (wrongAlone.isPresent()) {
            return SyncLogDecision.rejected(stored, wrongAlone.get());
        }
        if (ledger == null && rules.isLate(LedgerRules.eventTime(event.occurredAt(), origin.timestamp()), clock)) {
            return SyncLogDecision.rejected(stored, new Rejection(ARRIVED_AFTER_HORIZON, "sync log " + event.syncLogId()
                    + " is not held and this event (occurred_at " + event.occurredAt() + ") is more than " + rules.horizon()
                    + " older than its partition's latest event (" + clock + ")", event.eventId(), origin));
        }
        if (ledger != null && !ledger.belongsTo(event)) {
            return SyncLogDecision.rejected(ledger, new Rejection(WORKSPACE_MISMATCH,
                    "sync log " + event.syncLogId() + " belongs to workspace " + ledger.workspaceId() + " and connector "
                            + ledger.workspaceConnectorId() + "; this event names workspace " + event.workspaceId()
                            + " and connector " + event.workspaceConnectorId(),
                    event.eventId(), origin));
        }
        Optional<Rejection> overCap = overCap(ledger, event, origin);
        if (overCap.isPresent()) {
            return SyncLogDecision.rejected(ledger, overCap.get());
        }
        List<Rejection> forgotten = ledger == null && stored != null ? stored.forgetRejections() : List.of();
        return takeIn(ledger, event, origin, forgotten);
    }

    /** The rules that judge an event by itself, whatever its run holds: they need nothing but the event. */
    public static Optional<Rejection> judgeAlone(SyncLogEvent event, EventOrigin origin) {
        String tooLong = FieldChecks.tooLong("cloud_task_id", event.cloudTaskId(), CLOUD_TASK_ID_MAX_LENGTH);
        if (tooLong != null) {
            return Optional.of(new Rejection(FIELD_TOO_LONG, tooLong, event.eventId(), origin));
        }
        if (event.kind() == SyncLogEventKind.FAILED && (event.error() == null || event.error().isBlank())) {
            return Optional.of(new Rejection(MISSING_ERROR, "sync.failed needs a non-empty error text", event.eventId(), origin));
        }
        return Optional.empty();
    }

    private Optional<Rejection> overCap(SyncLogLedger ledger, SyncLogEvent event, EventOrigin origin) {
        if (ledger == null) {
            return Optional.empty();
        }
        if (ledger.entries().size() >= rules.maxEventsPerRun()) {
            return Optional.of(new Rejection(TOO_MANY_EVENTS, "sync log " + event.syncLogId() + " already took in "
                    + ledger.entries().size() + " distinct events, the most a run may have", event.eventId(), origin));
        }
        int bytes = ledger.estimatedBytes() + SyncLogLedger.ENTRY_BYTES + SyncLogLedger.utf8Length(event.cloudTaskId())
                + SyncLogLedger.utf8Length(event.error()) + SyncLogLedger.utf8Length(event.metadata());
        if (bytes > LedgerRules.MAX_LEDGER_BYTES) {
            return Optional.of(new Rejection(TOO_MANY_EVENTS, "sync log " + event.syncLogId() + " would hold more than "
                    + LedgerRules.MAX_LEDGER_BYTES + " bytes with this event", event.eventId(), origin));
        }
        return Optional.empty();
    }

    private static SyncLogDecision takeIn(SyncLogLedger ledger, SyncLogEvent event, EventOrigin origin, List<Rejection> forgotten) {
        List<LedgerEntry> entries = new ArrayList<>(ledger == null ? 1 : ledger.entries().size() + 1);
        if (ledger != null) {
            entries.addAll(ledger.entries());
        }
        entries.add(LedgerEntry.accepted(event, origin));
        List<SyncLogEvent> events = new ArrayList<>(entries.size());
        entries.forEach(entry -> events.add(entry.event()));
        RunVerdicts verdicts = RunVerdicts.of(events);
        // Only the winning terminal event's error and metadata can ever reach the row; every other is dropped.
        Optional<SyncLogEvent> candidate = events.stream().filter(e -> e.kind().isTerminal()).min(SyncLogEvent.BY_COMPLETION);

        UUID runWorkspace = ledger == null ? event.workspaceId() : ledger.workspaceId();
        List<Rejection> rejections = new ArrayList<>(forgotten);
        List<LedgerEntry> judged = new ArrayList<>(entries.size());
        for (LedgerEntry entry : entries) {
            Optional<RunVerdicts.Verdict> verdict = entry.isRejected() ? Optional.empty() : verdicts.verdictFor(entry.event().eventId());
            if (verdict.isPresent()) {
                // The arriving event is rejected with its bytes; one accepted earlier, by its position on the input topic.
                EventOrigin from = entry.event().eventId().equals(event.eventId()) ? origin : entry.position();
                // Every entry was taken in as the run's (belongsTo), so a displaced one names the run's workspace.
                rejections.add(new Rejection(verdict.get().reason(), verdict.get().message(), entry.event().eventId(), from)
                        .withWorkspace(runWorkspace));
                judged.add(entry.rejected(verdict.get().reason()));
            } else if (candidate.isPresent() && entry.event() == candidate.get()) {
                judged.add(entry);
            } else {
                judged.add(entry.withoutPayload());
            }
        }

        Instant eventTime = LedgerRules.eventTime(event.occurredAt(), origin.timestamp());
        SyncLogLedger next = ledger == null
                ? new SyncLogLedger(event.syncLogId(), event.workspaceId(), event.workspaceConnectorId(), judged, 0, eventTime, event.occurredAt())
                : new SyncLogLedger(ledger.syncLogId(), ledger.workspaceId(), ledger.workspaceConnectorId(), judged, ledger.revision(),
                        later(ledger.lastEventAt(), eventTime), later(ledger.seenAt(), event.occurredAt()));
        Optional<SyncLogRow> before = ledger == null ? Optional.empty() : ledger.row();
        if (!Objects.equals(before, next.row())) {
            next = new SyncLogLedger(next.syncLogId(), next.workspaceId(), next.workspaceConnectorId(), next.entries(),
                    next.revision() + 1, next.lastEventAt(), next.seenAt());
        }
        return new SyncLogDecision(next, true, rejections);
    }

    private static Instant later(Instant a, Instant b) {
        return Comparator.<Instant>naturalOrder().compare(a, b) >= 0 ? a : b;
    }
}
