package dev.syncledger.processor.collect;

import static dev.syncledger.processor.rejection.RejectionReason.DURATION_OUT_OF_RANGE;
import static dev.syncledger.processor.rejection.RejectionReason.FIELD_TOO_LONG;
import static dev.syncledger.processor.rejection.RejectionReason.NEGATIVE_DURATION;
import static dev.syncledger.processor.rejection.RejectionReason.WORKSPACE_MISMATCH;

import dev.syncledger.processor.rejection.EventOrigin;
import dev.syncledger.processor.rejection.Rejection;
import dev.syncledger.processor.synclog.SyncLogRow;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Folds one collect event into its collect's ledger: a pure function of (ledger, event), no Kafka and
 * no clock in it. The rules, in the order they are applied:
 * <ol>
 *   <li>an event id the collect has already taken in changes nothing;</li>
 *   <li>an event wrong on its own is rejected: {@code field_too_long} for a provider over 255
 *       characters, {@code negative_duration} or {@code duration_out_of_range} for a terminal event
 *       whose own started_at is after its own end or more than 2^31-1 ms before it;</li>
 *   <li>an event naming another workspace than the collect's first accepted event is a
 *       {@code workspace_mismatch}: the workspace is stamped once and never re-derived;</li>
 *   <li>the rules relating events to each other ({@link CollectVerdicts}) may reject it or an event
 *       accepted earlier, which then stops counting.</li>
 * </ol>
 * The collect row and the sync log it produces are derived from the accepted events only, so they
 * depend on their set, not their order.
 */
public final class CollectFold {

    public static final int PROVIDER_MAX_LENGTH = 255;

    public CollectDecision apply(CollectLedger ledger, CollectChange event, EventOrigin origin) {
        if (ledger != null && ledger.hasSeen(event.eventId())) {
            return CollectDecision.unchanged(ledger);
        }
        Optional<Rejection> wrongAlone = judgeAlone(event, origin);
        if (wrongAlone.isPresent()) {
            return CollectDecision.rejected(ledger, wrongAlone.get());
        }
        if (ledger != null && !ledger.workspaceId().equals(event.workspaceId())) {
            return CollectDecision.rejected(ledger, new Rejection(WORKSPACE_MISMATCH,
                    "collect " + event.collectId() + " belongs to workspace " + ledger.workspaceId()
                            + "; this event names workspace " + event.workspaceId(),
                    event.eventId(), origin));
        }
        return takeIn(ledger, event, origin);
    }

    private static Optional<Rejection> judgeAlone(CollectChange event, EventOrigin origin) {
        if (event.provider() != null && event.provider().length() > PROVIDER_MAX_LENGTH) {
            return Optional.of(new Rejection(FIELD_TOO_LONG, "provider has " + event.provider().length()
                    + " characters, at most " + PROVIDER_MAX_LENGTH + " are allowed", event.eventId(), origin));
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

    private static CollectDecision takeIn(CollectLedger ledger, CollectChange event, EventOrigin origin) {
        List<CollectLedgerEntry> entries = new ArrayList<>(ledger == null ? List.of() : ledger.entries());
        entries.add(CollectLedgerEntry.accepted(event, origin));
        CollectVerdicts verdicts = CollectVerdicts.of(entries.stream().map(CollectLedgerEntry::event).toList());

        List<Rejection> rejections = new ArrayList<>();
        List<CollectLedgerEntry> judged = new ArrayList<>(entries.size());
        for (CollectLedgerEntry entry : entries) {
            Optional<CollectVerdicts.Verdict> verdict = entry.isRejected() ? Optional.empty() : verdicts.verdictFor(entry.event().eventId());
            if (verdict.isPresent()) {
                rejections.add(new Rejection(verdict.get().reason(), verdict.get().message(), entry.event().eventId(), entry.origin()));
                judged.add(entry.rejected(verdict.get().reason()));
            } else {
                judged.add(entry);
            }
        }

        CollectLedger before = ledger != null ? ledger : new CollectLedger(event.collectId(), event.workspaceId(), List.of(), 0, 0);
        CollectLedger provisional = before.with(judged, before.revision(), before.syncLogRevision());
        Optional<CollectRow> row = changed(before.row(), provisional.row());
        Optional<SyncLogRow> syncLogBefore = before.syncLog();
        Optional<SyncLogRow> syncLogAfter = provisional.syncLog();
        boolean syncLogChanged = !Objects.equals(syncLogBefore, syncLogAfter);

        CollectLedger next = provisional.with(judged,
                row.isPresent() ? before.revision() + 1 : before.revision(),
                syncLogChanged ? before.syncLogRevision() + 1 : before.syncLogRevision());
        Optional<SyncLogUpdate> syncLogUpdate = syncLogChanged
                ? Optional.of(new SyncLogUpdate(CollectSyncLog.idOf(next.collectId()), syncLogAfter, next.syncLogRevision()))
                : Optional.empty();
        return new CollectDecision(next, true, row, syncLogUpdate, rejections);
    }

    /** The row to emit: present only when it exists and differs; {@link CollectVerdicts} keeps a row from disappearing. */
    private static Optional<CollectRow> changed(Optional<CollectRow> before, Optional<CollectRow> after) {
        return after.filter(row -> !after.equals(before));
    }
}
