package dev.syncledger.processor.connector;

import dev.syncledger.processor.status.ConnectorStatusRow;
import dev.syncledger.processor.status.ConnectorTotals;
import dev.syncledger.processor.status.RunSummary;
import dev.syncledger.processor.watch.FreshnessView;
import dev.syncledger.schemas.state.ConnectorStatus;

/** A status row and its freshness as the published record on the connector-status state topic. */
final class ConnectorStatusRecords {

    private ConnectorStatusRecords() {}

    static ConnectorStatus toAvro(ConnectorStatusRow row, long revision, FreshnessView freshness) {
        ConnectorTotals totals = row.totals();
        RunSummary runs = row.runs();
        return ConnectorStatus.newBuilder()
                .setWorkspaceId(totals.workspaceId())
                .setWorkspaceConnectorId(row.workspaceConnectorId())
                .setLastSyncLogId(runs.lastSyncLogId())
                .setLastSyncStatus(runs.lastSyncStatus())
                .setLastSyncCreatedAt(runs.lastSyncCreatedAt())
                .setLastSuccessAt(runs.lastSuccessAt())
                .setLastErrorAt(runs.lastErrorAt())
                .setLastError(runs.lastError())
                .setConsecutiveFailures(runs.consecutiveFailures())
                .setTotalRuns(totals.totalRuns())
                .setSucceededRuns(totals.succeededRuns())
                .setFailedRuns(totals.failedRuns())
                .setRecordsSyncedTotal(totals.recordsSyncedTotal())
                .setActiveFailureDiagnostics(totals.activeFailureDiagnostics())
                .setActiveInformationalDiagnostics(totals.activeInformationalDiagnostics())
                .setActiveInputDocuments(totals.activeInputDocuments())
                .setActiveOutputDocuments(totals.activeOutputDocuments())
                .setUpdatedAt(totals.updatedAt())
                .setRevision(revision)
                .setFreshness(freshness.freshness())
                .setExpectedIntervalMs(freshness.expectedInterval().toMillis())
                .setNextExpectedAt(freshness.nextExpectedAt())
                .setFreshnessChangedAt(freshness.changedAt())
                .build();
    }
}
