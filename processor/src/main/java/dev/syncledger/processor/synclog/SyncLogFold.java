package dev.syncledger.processor.synclog;

import static dev.syncledger.processor.rejection.RejectionReason.FIELD_TOO_LONG;
import static dev.syncledger.processor.rejection.RejectionReason.MISSING_ERROR;
import static dev.syncledger.processor.rejection.RejectionReason.WORKSPACE_MISMATCH;

import dev.syncledger.processor.rejection.EventOrigin;
import dev.syncledger.processor.rejection.Rejection;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Folds one sync-run event into its run's ledger: a pure function of (ledger, event), no Kafka and no
 * clock in it. The rules, in the order they are applied:
 * <ol>
 *   <li>an event id the run has already taken in changes nothing;</li>
 *   <li>an event wrong on its own is rejected ({@code field_too_long}, {@code missing_error});</li>
 *   <li>an event naming another workspace or connector than the run's first accepted event is a
 *       {@code workspace_mismatch};</li>
 *   <li>the rules relating events to each other ({@link RunVerdicts}) may reject it or an event
 *       accepted earlier, which then stops counting.</li>
 * </ol>
 * The row is derived from the accepted events only, so it depends on their set, not their order.
 */
public final class SyncLogFold {

    public static final int CLOUD_TASK_ID_MAX_LENGTH = 255;

    public SyncLogDecision apply(SyncLogLedger ledger, SyncLogEvent event, EventOrigin origin) {
        if (ledger != null && ledger.hasSeen(event.eventId())) {
            return SyncLogDecision.unchanged(ledger);
        }
        Optional<Rejection> wrongAlone = judgeAlone(event, origin);
        if (wrongAlone.isPresent()) {
            return SyncLogDecision.rejected(ledger, wrongAlone.get());
        }
        if (ledger != null && !ledger.belongsTo(event)) {
            return SyncLogDecision.rejected(ledger, new Rejection(WORKSPACE_MISMATCH,
                    "sync log " + event.syncLogId() + " belongs to workspace " + ledger.workspaceId() + " and connector "
                            + ledger.workspaceConnectorId() + "; this event names workspace " + event.workspaceId()
                            + " and connector " + event.workspaceConnectorId(),
                    event.eventId(), origin));
        }
        return takeIn(ledger, event, origin);
    }

    private static Optional<Rejection> judgeAlone(SyncLogEvent event, EventOrigin origin) {
        if (event.cloudTaskId() != null && event.cloudTaskId().length() > CLOUD_TASK_ID_MAX_LENGTH) {
            return Optional.of(new Rejection(FIELD_TOO_LONG, "cloud_task_id has " + event.cloudTaskId().length()
                    + " characters, at most " + CLOUD_TASK_ID_MAX_LENGTH + " are allowed", event.eventId(), origin));
        }
        if (event.kind() == SyncLogEventKind.FAILED && (event.error() == null || event.error().isBlank())) {
            return Optional.of(new Rejection(MISSING_ERROR, "sync.failed needs a non-empty error text", event.eventId(), origin));
        }
        return Optional.empty();
    }

    private static SyncLogDecision takeIn(SyncLogLedger ledger, SyncLogEvent event, EventOrigin origin) {
        List<LedgerEntry> entries = new ArrayList<>(ledger == null ? List.of() : ledger.entries());
        entries.add(LedgerEntry.accepted(event, origin));
        RunVerdicts verdicts = RunVerdicts.of(entries.stream().map(LedgerEntry::event).toList());

        List<Rejection> rejections = new ArrayList<>();
        List<LedgerEntry> judged = new ArrayList<>(entries.size());
        for (LedgerEntry entry : entries) {
            Optional<RunVerdicts.Verdict> verdict = entry.isRejected() ? Optional.empty() : verdicts.verdictFor(entry.event().eventId());
            if (verdict.isPresent()) {
                rejections.add(new Rejection(verdict.get().reason(), verdict.get().message(), entry.event().eventId(), entry.origin()));
                judged.add(entry.rejected(verdict.get().reason()));
            } else {
                judged.add(entry);
            }
        }

        Optional<SyncLogRow> before = ledger == null ? Optional.empty() : ledger.row();
        long revision = ledger == null ? 0 : ledger.revision();
        SyncLogLedger provisional = ledger == null
                ? new SyncLogLedger(event.syncLogId(), event.workspaceId(), event.workspaceConnectorId(), judged, revision)
                : new SyncLogLedger(ledger.syncLogId(), ledger.workspaceId(), ledger.workspaceConnectorId(), judged, revision);
        Optional<SyncLogRow> after = provisional.row();
        if (Objects.equals(before, after)) {
            return new SyncLogDecision(provisional, true, Optional.empty(), rejections);
        }
        SyncLogLedger next = new SyncLogLedger(provisional.syncLogId(), provisional.workspaceId(),
                provisional.workspaceConnectorId(), judged, revision + 1);
        return new SyncLogDecision(next, true, after, rejections);
    }
}
