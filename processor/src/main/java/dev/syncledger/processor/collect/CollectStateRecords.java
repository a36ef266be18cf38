package dev.syncledger.processor.collect;

import dev.syncledger.processor.synclog.SyncLogRow;
import dev.syncledger.schemas.state.Collect;
import dev.syncledger.schemas.state.WorkspaceConnectorSyncLog;

/** The published forms of a collect's row and of the sync log it produces, on their compacted state topics. */
final class CollectStateRecords {

    private CollectStateRecords() {}

    static Collect toAvro(CollectRow row, long revision) {
        return Collect.newBuilder()
                .setCollectId(row.collectId())
                .setWorkspaceId(row.workspaceId())
                .setWorkspaceConnectorId(row.workspaceConnectorId())
                .setPeopleId(row.peopleId())
                .setTaskId(row.taskId())
                .setProvider(row.provider())
                .setStatus(row.status().code())
                .setStartedAt(row.startedAt())
                .setEndedAt(row.endedAt())
                .setCreatedAt(row.createdAt())
                .setUpdatedAt(row.updatedAt())
                .setDeletedAt(row.deletedAt())
                .setRevision(revision)
                .build();
    }

    /** Null for a sync log the collect no longer produces: a tombstone on the compacted topic. */
    static WorkspaceConnectorSyncLog toAvro(SyncLogUpdate update) {
        return update.row().map(row -> toAvro(row, update.revision())).orElse(null);
    }

    private static WorkspaceConnectorSyncLog toAvro(SyncLogRow row, long revision) {
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
