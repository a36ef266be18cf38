package dev.syncledger.processor.status;

import java.util.Objects;
import java.util.UUID;

/**
 * What a connector's task keeps of its status between changes: the counters, the runs the status points at
 * (the newest, the latest success, the latest error), the failures since that success, how many runs each of
 * its index orders holds, and the revision of the row.
 *
 * @param newest the counted run with the greatest (created_at, sync_log_id), or null
 * @param lastSuccess the counted success with the greatest (completed_at, sync_log_id), or null
 * @param lastError the same for errors, with its error text, or null
 * @param revision how many times the row changed; the row published carries it
 */
public record ConnectorStatusState(
        ConnectorTotals totals,
        CreatedRun newest,
        FinishedRun lastSuccess,
        FinishedRun lastError,
        int consecutiveFailures,
        IndexSizes sizes,
        long revision) {

    public ConnectorStatusState {
        Objects.requireNonNull(totals, "totals");
        Objects.requireNonNull(sizes, "sizes");
    }

    /** How many entries the connector has in each order of the run index, and at what size each was last trimmed. */
    public record IndexSizes(int created, int successes, int errors, int createdTrimmedAt, int successesTrimmedAt, int errorsTrimmedAt) {

        public static final IndexSizes EMPTY = new IndexSizes(0, 0, 0, 0, 0, 0);
    }

    /** The same state as the next revision: its row changed in a part this state does not hold (its freshness). */
    public ConnectorStatusState nextRevision() {
        return new ConnectorStatusState(totals, newest, lastSuccess, lastError, consecutiveFailures, sizes, revision + 1);
    }

    /** The row this state stands for, without its revision. */
    public ConnectorStatusRow row(UUID connector) {
        return new ConnectorStatusRow(connector, totals, summary());
    }

    public RunSummary summary() {
        return new RunSummary(
                newest == null ? null : newest.syncLogId(),
                newest == null ? null : newest.status(),
                newest == null ? null : newest.createdAt(),
                lastSuccess == null ? null : lastSuccess.completedAt(),
                lastError == null ? null : lastError.completedAt(),
                lastError == null ? null : lastError.error(),
                consecutiveFailures);
    }
}
