package dev.syncledger.processor.synclog;

import dev.syncledger.schemas.state.WorkspaceConnectorSyncLog;

/** The published form of a run's row on the compacted state topic. */
final class SyncLogStateRecords {

    private SyncLogStateRecords() {}

    static WorkspaceConnectorSyncLog toAvro(SyncLogRow row, long revision) {
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
}
