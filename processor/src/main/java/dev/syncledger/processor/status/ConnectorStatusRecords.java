package dev.syncledger.processor.status;

import dev.syncledger.schemas.state.ConnectorStatus;

/** A status row as the published record on the connector-status state topic. */
public final class ConnectorStatusRecords {

    private ConnectorStatusRecords() {}

    public static ConnectorStatus toAvro(ConnectorStatusRow row, long revision) {
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
                .build();
    }
}
