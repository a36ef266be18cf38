package dev.syncledger.processor.status;

import dev.syncledger.schemas.ConnectorSyncStatus;

/** How much one contribution adds to each counter of its connector's status. */
public record ContributionCounts(
        long totalRuns,
        long succeededRuns,
        long failedRuns,
        long recordsSynced,
        long failureDiagnostics,
        long informationalDiagnostics,
        long inputDocuments,
        long outputDocuments) {

    static final ContributionCounts NONE = new ContributionCounts(0, 0, 0, 0, 0, 0, 0, 0);

    public static ContributionCounts of(Contribution contribution) {
        if (contribution == null) {
            return NONE;
        }
        if (contribution instanceof RunContribution run) {
            return ofRun(run);
        }
        if (contribution instanceof DiagnosticContribution diagnostic) {
            return diagnostic.informational()
                    ? new ContributionCounts(0, 0, 0, 0, 0, 1, 0, 0)
                    : new ContributionCounts(0, 0, 0, 0, 1, 0, 0, 0);
        }
        DocumentLinkContribution link = (DocumentLinkContribution) contribution;
        return new ContributionCounts(0, 0, 0, 0, 0, 0, link.countsAsInput() ? 1 : 0, link.countsAsOutput() ? 1 : 0);
    }

    private static ContributionCounts ofRun(RunContribution run) {
        if (!run.counted()) {
            return NONE;
        }
        boolean succeeded = run.status() == ConnectorSyncStatus.success;
        boolean failed = run.status() == ConnectorSyncStatus.error;
        return new ContributionCounts(1, succeeded ? 1 : 0, failed ? 1 : 0, succeeded ? run.recordsSynced() : 0, 0, 0, 0, 0);
    }
}
