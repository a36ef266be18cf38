package dev.syncledger.processor.status;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * The part of a connector's status kept by adding what a row contributes now and taking away what it
 * contributed before. The counters are plain long sums, so any two changes commute; updated_at only grows.
 */
public record ConnectorTotals(
        UUID workspaceId,
        long totalRuns,
        long succeededRuns,
        long failedRuns,
        long recordsSyncedTotal,
        long activeFailureDiagnostics,
        long activeInformationalDiagnostics,
        long activeInputDocuments,
        long activeOutputDocuments,
        Instant updatedAt) {

    public ConnectorTotals {
        Objects.requireNonNull(workspaceId, "workspaceId");
        Objects.requireNonNull(updatedAt, "updatedAt");
    }

    /** Nothing counted yet, for a connector of this workspace first seen at {@code seenAt}. */
    public static ConnectorTotals none(UUID workspaceId, Instant seenAt) {
        return new ConnectorTotals(workspaceId, 0, 0, 0, 0, 0, 0, 0, 0, seenAt);
    }

    public ConnectorTotals apply(Contribution before, Contribution after) {
        ContributionCounts removed = ContributionCounts.of(before);
        ContributionCounts added = ContributionCounts.of(after);
        return new ConnectorTotals(
                workspaceId,
                totalRuns - removed.totalRuns() + added.totalRuns(),
                succeededRuns - removed.succeededRuns() + added.succeededRuns(),
                failedRuns - removed.failedRuns() + added.failedRuns(),
                recordsSyncedTotal - removed.recordsSynced() + added.recordsSynced(),
                activeFailureDiagnostics - removed.failureDiagnostics() + added.failureDiagnostics(),
                activeInformationalDiagnostics - removed.informationalDiagnostics() + added.informationalDiagnostics(),
                activeInputDocuments - removed.inputDocuments() + added.inputDocuments(),
                activeOutputDocuments - removed.outputDocuments() + added.outputDocuments(),
                latest(updatedAt, before, after));
    }

    private static Instant latest(Instant current, Contribution before, Contribution after) {
        Instant latest = current;
        for (Contribution contribution : new Contribution[] {before, after}) {
            if (contribution != null && contribution.seenAt().isAfter(latest)) {
                latest = contribution.seenAt();
            }
        }
        return latest;
    }
}
