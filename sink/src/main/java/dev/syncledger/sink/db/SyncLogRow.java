package dev.syncledger.sink.db;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * One row of workspace_connector_sync_logs as the state topic gives it: parents by their public
 * ids, enums by their database labels, metadata as JSON text.
 */
public record SyncLogRow(
        UUID workspaceConnectorSyncLogId,
        UUID workspaceId,
        UUID workspaceConnectorId,
        String status,
        String triggerType,
        String cloudTaskId,
        Instant startedAt,
        Instant completedAt,
        Integer durationMs,
        String error,
        String metadata,
        Instant createdAt,
        Instant updatedAt,
        Instant deletedAt,
        long revision) {

    public SyncLogRow {
        Objects.requireNonNull(workspaceConnectorSyncLogId, "workspaceConnectorSyncLogId");
        Objects.requireNonNull(workspaceId, "workspaceId");
        Objects.requireNonNull(workspaceConnectorId, "workspaceConnectorId");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
    }
}
