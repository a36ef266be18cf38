package dev.syncledger.sink.db;

import java.util.UUID;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** Writes workspace_connector_sync_logs. */
public interface SyncLogDao {

    /**
     * Every row of a batch in one statement: one array per column, unnested in key order so that
     * concurrent sinks lock rows alike. The version guard: an existing row only changes for a higher
     * revision, so replays never regress it. A single row is a batch of one, so the row-by-row fallback
     * and the naive benchmark run this same statement.
     */
    @SqlUpdate("""
            INSERT INTO workspace_connector_sync_logs (
                workspace_connector_sync_log_id, status, trigger_type, cloud_task_id,
                started_at, completed_at, duration_ms, error, metadata,
                created_at, updated_at, deleted_at,
                workspace_connector_pk, workspace_pk, revision)
            SELECT
                workspace_connector_sync_log_id,
                CAST(status AS connector_sync_status_enum),
                CAST(trigger_type AS sync_trigger_type_enum),
                cloud_task_id,
                started_at, completed_at, duration_ms, error,
                CAST(metadata AS jsonb),
                created_at, updated_at, deleted_at,
                workspace_connector_pk, workspace_pk, revision
            FROM unnest(
                :workspaceConnectorSyncLogId, :status, :triggerType, :cloudTaskId,
                :startedAt, :completedAt, :durationMs, :error, :metadata,
                :createdAt, :updatedAt, :deletedAt,
                :workspaceConnectorPk, :workspacePk, :revision)
                AS batch (
                    workspace_connector_sync_log_id, status, trigger_type, cloud_task_id,
                    started_at, completed_at, duration_ms, error, metadata,
                    created_at, updated_at, deleted_at,
                    workspace_connector_pk, workspace_pk, revision)
            ORDER BY workspace_connector_sync_log_id
            ON CONFLICT (workspace_connector_sync_log_id) DO UPDATE SET
                status = EXCLUDED.status,
                trigger_type = EXCLUDED.trigger_type,
                cloud_task_id = EXCLUDED.cloud_task_id,
                started_at = EXCLUDED.started_at,
                completed_at = EXCLUDED.completed_at,
                duration_ms = EXCLUDED.duration_ms,
                error = EXCLUDED.error,
                metadata = EXCLUDED.metadata,
                created_at = EXCLUDED.created_at,
                updated_at = EXCLUDED.updated_at,
                deleted_at = EXCLUDED.deleted_at,
                workspace_connector_pk = EXCLUDED.workspace_connector_pk,
                workspace_pk = EXCLUDED.workspace_pk,
                revision = EXCLUDED.revision
            WHERE workspace_connector_sync_logs.revision < EXCLUDED.revision
            """)
    void upsert(@BindMethods SyncLogColumns batch);

    @SqlUpdate("""
            DELETE FROM workspace_connector_sync_logs
            WHERE workspace_connector_sync_log_id = ANY(:ids)
            """)
    int delete(@Bind("ids") UUID[] workspaceConnectorSyncLogIds);
}
