package dev.syncledger.processor.status;

import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * Folds one contribution change into its connector's status: a pure function of (previous state, change, run
 * index), no Kafka and no clock in it.
 * <ul>
 *   <li>the counters take away {@code before} and add {@code after} ({@link ConnectorTotals});</li>
 *   <li>the run index loses {@code before}'s entries and gains {@code after}'s, counted runs only;</li>
 *   <li>last_sync_* come from the newest counted run by (created_at, sync_log_id); last_success_at,
 *       last_error_at and last_error from the newest success and error by (completed_at, sync_log_id);
 *       consecutive_failures counts the errors newer than the newest success. The state points at those runs
 *       and moves the pointers as runs come and go, reading the index only when the run pointed at goes away
 *       (or, for the count, when the newest success changes);</li>
 *   <li>the index keeps, per connector and order, the newest {@value #KEEP_NEWEST} runs and every run within the
 *       horizon of the connector's newest one; errors newer than the newest success are kept up to
 *       {@value #MAX_ERRORS}, so consecutive_failures is exact up to that many.</li>
 * </ul>
 * Because every row's changes chain (each {@code before} is the previous {@code after}), the result depends
 * only on each row's latest contribution, whatever the interleaving of rows.
 */
public final class ConnectorStatusFold {

    static final int KEEP_NEWEST = 100;
    static final int MAX_ERRORS = 10_000;
    /** How many entries an order may grow by before it is trimmed again: trimming reads the index. */
    static final int TRIM_SLACK = 64;

    private final Duration horizon;

    public ConnectorStatusFold(Duration horizon) {
        this.horizon = Objects.requireNonNull(horizon, "horizon");
    }

    /**
     * @param previous the connector's state, null before its first change
     * @param workspace the connector's workspace, for a first state
     */
    public ConnectorStatusState apply(ConnectorStatusState previous, UUID connector, UUID workspace, ContributionChange change,
                                      RunIndex runs) {
        Contribution any = change.after() != null ? change.after() : change.before();
        ConnectorStatusState state = previous != null ? previous
                : new ConnectorStatusState(ConnectorTotals.none(workspace, any.seenAt()), null, null, null, 0,
                        ConnectorStatusState.IndexSizes.EMPTY, 0);
        ConnectorTotals totals = state.totals().apply(change.before(), change.after());
        RunContribution before = counted(change.before());
        RunContribution after = counted(change.after());
        ConnectorStatusState next = before == null && after == null
                ? withTotals(state, totals)
                : reindex(state, totals, connector, before, after, runs);
        boolean rowChanged = previous == null || !next.row(connector).equals(previous.row(connector));
        return rowChanged ? withRevision(next, state.revision() + 1) : next;
    }

    private ConnectorStatusState reindex(ConnectorStatusState state, ConnectorTotals totals, UUID connector,
                                         RunContribution before, RunContribution after, RunIndex runs) {
        ConnectorStatusState.IndexSizes sizes = state.sizes();
        int created = sizes.created();
        int successes = sizes.successes();
        int errors = sizes.errors();
        // A run that keeps its place in an order is overwritten there, not removed and added: most changes only
        // move a run's status forward, and each write to the index is a write to its changelog.
        if (before != null && after != null && sameSlot(before.created(), after.created())) {
            if (!before.created().equals(after.created())) {
                runs.put(connector, after.created());
            }
        } else {
            if (before != null) {
                runs.remove(connector, before.created());
                created--;
            }
            if (after != null) {
                runs.put(connector, after.created());
                created++;
            }
        }
        Optional<RunOutcome> outcomeBefore = before == null ? Optional.empty() : before.outcome();
        Optional<FinishedRun> finishedBefore = before == null ? Optional.empty() : before.finished();
        Optional<RunOutcome> outcomeAfter = after == null ? Optional.empty() : after.outcome();
        Optional<FinishedRun> finishedAfter = after == null ? Optional.empty() : after.finished();
        if (finishedBefore.isPresent() && finishedAfter.isPresent() && outcomeBefore.equals(outcomeAfter)
                && sameSlot(finishedBefore.get(), finishedAfter.get())) {
            if (!finishedBefore.equals(finishedAfter)) {
                runs.put(connector, outcomeAfter.get(), finishedAfter.get());
            }
        } else {
            if (finishedBefore.isPresent()) {
                runs.remove(connector, outcomeBefore.orElseThrow(), finishedBefore.get());
                if (outcomeBefore.get() == RunOutcome.SUCCESS) {
                    successes--;
                } else {
                    errors--;
                }
            }
            if (finishedAfter.isPresent()) {
                runs.put(connector, outcomeAfter.orElseThrow(), finishedAfter.get());
                if (outcomeAfter.get() == RunOutcome.SUCCESS) {
                    successes++;
                } else {
                    errors++;
                }
            }
        }
        CreatedRun newest = newest(state.newest(), before, after, connector, runs);
        FinishedRun lastSuccess = latest(state.lastSuccess(), finishedAs(before, RunOutcome.SUCCESS), finishedAs(after, RunOutcome.SUCCESS),
                RunOutcome.SUCCESS, connector, runs);
        FinishedRun lastError = latest(state.lastError(), finishedAs(before, RunOutcome.ERROR), finishedAs(after, RunOutcome.ERROR),
                RunOutcome.ERROR, connector, runs);
        int failures = Objects.equals(lastSuccess, state.lastSuccess())
                ? state.consecutiveFailures() - newerError(before, lastSuccess) + newerError(after, lastSuccess)
                : runs.newestFirst(connector, RunOutcome.ERROR, errorsNewestFirst -> countNewerThan(errorsNewestFirst, lastSuccess));
        ConnectorStatusState.IndexSizes trimmed = trim(connector, new ConnectorStatusState.IndexSizes(created, successes, errors,
                sizes.createdTrimmedAt(), sizes.successesTrimmedAt(), sizes.errorsTrimmedAt()), newest, lastSuccess, runs);
        return new ConnectorStatusState(totals, newest, lastSuccess, lastError, failures, trimmed, state.revision());
    }

    private static boolean sameSlot(CreatedRun a, CreatedRun b) {
        return a.syncLogId().equals(b.syncLogId()) && a.createdAt().equals(b.createdAt());
    }

    private static boolean sameSlot(FinishedRun a, FinishedRun b) {
        return a.syncLogId().equals(b.syncLogId()) && a.completedAt().equals(b.completedAt());
    }

    /** The newest run after the change: the same pointer, or the added run when newer, or, when it was removed, a read. */
    private static CreatedRun newest(CreatedRun current, RunContribution before, RunContribution after, UUID connector, RunIndex runs) {
        CreatedRun added = after == null ? null : after.created();
        boolean removed = current != null && before != null && before.syncLogId().equals(current.syncLogId());
        if (!removed) {
            return added != null && (current == null || added.compareTo(current) >= 0) ? added : current;
        }
        // Nothing left in the index is newer than what was removed, so an added run at least that new is the newest.
        if (added != null && added.compareTo(current) >= 0) {
            return added;
        }
        return runs.newest(connector).orElse(null);
    }

    private static FinishedRun latest(FinishedRun current, FinishedRun removed, FinishedRun added, RunOutcome outcome, UUID connector,
                                      RunIndex runs) {
        boolean pointerRemoved = current != null && removed != null && removed.syncLogId().equals(current.syncLogId());
        if (!pointerRemoved) {
            return added != null && (current == null || added.compareTo(current) >= 0) ? added : current;
        }
        if (added != null && added.compareTo(current) >= 0) {
            return added;
        }
        return runs.newestFirst(connector, outcome, ConnectorStatusFold::first).orElse(null);
    }

    private ConnectorStatusState.IndexSizes trim(UUID connector, ConnectorStatusState.IndexSizes sizes, CreatedRun newest,
                                                 FinishedRun lastSuccess, RunIndex runs) {
        if (newest == null) {
            return sizes;
        }
        Instant cutoff = newest.createdAt().minus(horizon);
        int created = sizes.created();
        int createdTrimmedAt = sizes.createdTrimmedAt();
        if (created > createdTrimmedAt + TRIM_SLACK) {
            created -= runs.trimCreated(connector, created, KEEP_NEWEST, cutoff);
            createdTrimmedAt = created;
        }
        int successes = sizes.successes();
        int successesTrimmedAt = sizes.successesTrimmedAt();
        if (successes > successesTrimmedAt + TRIM_SLACK) {
            successes -= runs.trimFinished(connector, RunOutcome.SUCCESS, successes, KEEP_NEWEST, cutoff);
            successesTrimmedAt = successes;
        }
        int errors = sizes.errors();
        int errorsTrimmedAt = sizes.errorsTrimmedAt();
        if (errors > errorsTrimmedAt + TRIM_SLACK) {
            // Errors newer than the latest success are what consecutive_failures counts: keep them, up to a bound.
            Instant errorCutoff = lastSuccess == null ? Instant.MIN : earlier(cutoff, lastSuccess.completedAt());
            errors -= runs.trimFinished(connector, RunOutcome.ERROR, errors, KEEP_NEWEST, errorCutoff);
            if (errors > MAX_ERRORS) {
                errors -= runs.trimFinished(connector, RunOutcome.ERROR, errors, MAX_ERRORS, Instant.MAX);
            }
            errorsTrimmedAt = errors;
        }
        return new ConnectorStatusState.IndexSizes(created, successes, errors, createdTrimmedAt, successesTrimmedAt, errorsTrimmedAt);
    }

    private static RunContribution counted(Contribution contribution) {
        return contribution instanceof RunContribution run && run.counted() ? run : null;
    }

    private static FinishedRun finishedAs(RunContribution run, RunOutcome outcome) {
        return run != null && run.outcome().filter(outcome::equals).isPresent() ? run.finished().orElseThrow() : null;
    }

    private static int newerError(RunContribution run, FinishedRun lastSuccess) {
        FinishedRun error = finishedAs(run, RunOutcome.ERROR);
        return error != null && (lastSuccess == null || error.compareTo(lastSuccess) > 0) ? 1 : 0;
    }

    private static Optional<FinishedRun> first(Iterator<FinishedRun> newestFirst) {
        return newestFirst.hasNext() ? Optional.of(newestFirst.next()) : Optional.empty();
    }

    private static int countNewerThan(Iterator<FinishedRun> errorsNewestFirst, FinishedRun lastSuccess) {
        int count = 0;
        while (errorsNewestFirst.hasNext()) {
            FinishedRun error = errorsNewestFirst.next();
            if (lastSuccess != null && error.compareTo(lastSuccess) < 0) {
                break;
            }
            count++;
        }
        return count;
    }

    private static Instant earlier(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }

    private static ConnectorStatusState withTotals(ConnectorStatusState state, ConnectorTotals totals) {
        return new ConnectorStatusState(totals, state.newest(), state.lastSuccess(), state.lastError(), state.consecutiveFailures(),
                state.sizes(), state.revision());
    }

    private static ConnectorStatusState withRevision(ConnectorStatusState state, long revision) {
        return new ConnectorStatusState(state.totals(), state.newest(), state.lastSuccess(), state.lastError(), state.consecutiveFailures(),
                state.sizes(), revision);
    }
}
