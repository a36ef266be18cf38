package dev.syncledger.processor.status;

import java.util.Iterator;
import java.util.Optional;
import java.util.UUID;

/**
 * Folds one contribution change into its connector's status: a pure function of (previous row,
 * change, run index), with no Kafka and no clock in it.
 * <ul>
 *   <li>the counters take away {@code before} and add {@code after} ({@link ConnectorTotals});</li>
 *   <li>the run index loses {@code before}'s entries and gains {@code after}'s, counted runs only;</li>
 *   <li>last_sync_* come from the newest counted run by (created_at, sync_log_id); last_success_at,
 *       last_error_at and last_error from the newest success and error by (completed_at, sync_log_id);
 *       consecutive_failures counts the errors newer than the newest success, reading only those.</li>
 * </ul>
 * Because every row's changes chain (each {@code before} is the previous {@code after}), the result
 * depends only on each row's latest contribution, whatever the interleaving of rows.
 */
public final class ConnectorStatusFold {

    /** The new row, or empty when the change leaves the row as it was. */
    public Optional<ConnectorStatusRow> apply(ConnectorStatusRow previous, ContributionChange change, RunIndex runs) {
        UUID connector = change.workspaceConnectorId();
        ConnectorTotals totals = (previous == null ? ConnectorTotals.before(change) : previous.totals())
                .apply(change.before(), change.after());
        reindex(change, runs);
        ConnectorStatusRow row = new ConnectorStatusRow(connector, totals, summarize(connector, runs));
        return row.equals(previous) ? Optional.empty() : Optional.of(row);
    }

    public static RunSummary summarize(UUID connector, RunIndex runs) {
        Optional<CreatedRun> newest = runs.newest(connector);
        Optional<FinishedRun> lastSuccess = runs.newestFirst(connector, RunOutcome.SUCCESS, ConnectorStatusFold::first);
        Optional<FinishedRun> lastError = runs.newestFirst(connector, RunOutcome.ERROR, ConnectorStatusFold::first);
        int failures = runs.newestFirst(connector, RunOutcome.ERROR, errors -> countNewerThan(errors, lastSuccess));
        return new RunSummary(
                newest.map(CreatedRun::syncLogId).orElse(null),
                newest.map(CreatedRun::status).orElse(null),
                newest.map(CreatedRun::createdAt).orElse(null),
                lastSuccess.map(FinishedRun::completedAt).orElse(null),
                lastError.map(FinishedRun::completedAt).orElse(null),
                lastError.map(FinishedRun::error).orElse(null),
                failures);
    }

    private static void reindex(ContributionChange change, RunIndex runs) {
        if (change.before() instanceof RunContribution run && run.counted()) {
            runs.remove(run.workspaceConnectorId(), run.created());
            run.finished().ifPresent(finished -> runs.remove(run.workspaceConnectorId(), run.outcome().orElseThrow(), finished));
        }
        if (change.after() instanceof RunContribution run && run.counted()) {
            runs.put(run.workspaceConnectorId(), run.created());
            run.finished().ifPresent(finished -> runs.put(run.workspaceConnectorId(), run.outcome().orElseThrow(), finished));
        }
    }

    private static Optional<FinishedRun> first(Iterator<FinishedRun> newestFirst) {
        return newestFirst.hasNext() ? Optional.of(newestFirst.next()) : Optional.empty();
    }

    private static int countNewerThan(Iterator<FinishedRun> errorsNewestFirst, Optional<FinishedRun> lastSuccess) {
        int count = 0;
        while (errorsNewestFirst.hasNext()) {
            FinishedRun error = errorsNewestFirst.next();
            if (lastSuccess.isPresent() && error.compareTo(lastSuccess.get()) < 0) {
                break;
            }
            count++;
        }
        return count;
    }
}
