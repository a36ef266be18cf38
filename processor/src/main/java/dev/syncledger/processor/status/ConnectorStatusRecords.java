package dev.syncledger.processor.status;

import dev.syncledger.processor.status.store.ConnectorStatusState;
import dev.syncledger.schemas.ConnectorSyncStatus;
import dev.syncledger.schemas.state.ConnectorStatus;

/** A status row as the published record on the state topic and as the status stage's store value. */
final class ConnectorStatusRecords {

    private ConnectorStatusRecords() {}

    static ConnectorStatus toAvro(ConnectorStatusRow row, long revision) {
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

    static ConnectorStatusState toState(StoredStatus stored) {
        ConnectorStatus row = toAvro(stored.row(), stored.revision());
        return new ConnectorStatusState(row.getWorkspaceId(), row.getWorkspaceConnectorId(), row.getLastSyncLogId(),
                row.getLastSyncStatus() == null ? null : row.getLastSyncStatus().name(), row.getLastSyncCreatedAt(),
                row.getLastSuccessAt(), row.getLastErrorAt(), row.getLastError(), row.getConsecutiveFailures(), row.getTotalRuns(),
                row.getSucceededRuns(), row.getFailedRuns(), row.getRecordsSyncedTotal(), row.getActiveFailureDiagnostics(),
                row.getActiveInformationalDiagnostics(), row.getActiveInputDocuments(), row.getActiveOutputDocuments(),
                row.getUpdatedAt(), row.getRevision());
    }

    static StoredStatus fromState(ConnectorStatusState state) {
        ConnectorTotals totals = new ConnectorTotals(state.getWorkspaceId(), state.getTotalRuns(), state.getSucceededRuns(),
                state.getFailedRuns(), state.getRecordsSyncedTotal(), state.getActiveFailureDiagnostics(),
                state.getActiveInformationalDiagnostics(), state.getActiveInputDocuments(), state.getActiveOutputDocuments(),
                state.getUpdatedAt());
        RunSummary runs = new RunSummary(state.getLastSyncLogId(),
                state.getLastSyncStatus() == null ? null : ConnectorSyncStatus.valueOf(state.getLastSyncStatus()),
                state.getLastSyncCreatedAt(), state.getLastSuccessAt(), state.getLastErrorAt(), state.getLastError(),
                state.getConsecutiveFailures());
        return new StoredStatus(new ConnectorStatusRow(state.getWorkspaceConnectorId(), totals, runs), state.getRevision());
    }
}
