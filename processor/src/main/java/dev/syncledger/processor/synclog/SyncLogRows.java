package dev.syncledger.processor.synclog;

import dev.syncledger.processor.status.RecordsSynced;
import dev.syncledger.processor.status.RunContribution;
import dev.syncledger.schemas.ConnectorSyncStatus;
import dev.syncledger.schemas.state.WorkspaceConnectorSyncLog;
import java.time.Instant;

/** A run's row as the state topic publishes it, and as its connector's status counts it. */
public final class SyncLogRows {

    private SyncLogRows() {}

    public static WorkspaceConnectorSyncLog toAvro(SyncLogRow row, long revision) {
        return WorkspaceConnectorSyncLog.newBuilder()
                .setWorkspaceConnectorSyncLogId(row.workspaceConnectorSyncLogId())
                .setWorkspaceId(row.workspaceId())
                .setWorkspaceConnectorId(row.workspaceConnectorId())
                .setStatus(row.status())
                .setTriggerType(row.triggerType())
                .setCloudTaskId(row.cloudTaskId())
                .setStartedAt(row.startedAt())
                .setCompletedAt(row.completedAt())
                .setDurationMs(row.durationMs())
                .setError(row.error())
                .setMetadata(row.metadata())
                .setCreatedAt(row.createdAt())
                .setUpdatedAt(row.updatedAt())
                .setDeletedAt(row.deletedAt())
                .setRevision(revision)
                .build();
    }

    /** @param seenAt the latest occurred_at its ledger took in: the status's updated_at is the greatest */
    public static RunContribution contribution(SyncLogRow row, Instant seenAt) {
        return new RunContribution(row.workspaceConnectorId(), row.workspaceId(), seenAt, row.workspaceConnectorSyncLogId(),
                row.status(), row.createdAt(), row.completedAt(), row.status() == ConnectorSyncStatus.error ? row.error() : null,
                row.deletedAt() != null,
                // Only a success adds its records; reading them for other runs would only make no-op changes.
                row.status() == ConnectorSyncStatus.success ? RecordsSynced.of(row.metadata()) : 0);
    }
}
