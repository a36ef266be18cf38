package dev.syncledger.sink.db;

import java.util.UUID;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** Writes connector_sync_diagnostics. */
public interface DiagnosticDao {

    /**
     * Every row of a batch in one statement: one array per column, unnested in key order so that
     * concurrent sinks lock rows alike. A single row is a batch of one.
     *
     * <p>A diagnostic is insert-only for its producers, but the processor may still replace the row it
     * published: of two events for one diagnostic_id the lower event_id wins even when it arrives second.
     * The state topic delivers a key's states in order and the offsets commit with the rows, so the
     * last state received is the current one; an identical state writes nothing.
     */
    @SqlUpdate("""
            INSERT INTO connector_sync_diagnostics (
                diagnostic_id, target_model, tool_name, reason, http_status, detail,
                occurred_at, created_at, updated_at,
                workspace_pk, workspace_connector_pk)
            SELECT
                diagnostic_id,
                CAST(target_model AS target_model_enum),
                tool_name,
                CAST(reason AS sync_failure_reason_enum),
                http_status, detail,
                occurred_at, created_at, updated_at,
                workspace_pk, workspace_connector_pk
            FROM unnest(
                :diagnosticId, :targetModel, :toolName, :reason, :httpStatus, :detail,
                :occurredAt, :createdAt, :updatedAt,
                :workspacePk, :workspaceConnectorPk)
                AS batch (
                    diagnostic_id, target_model, tool_name, reason, http_status, detail,
                    occurred_at, created_at, updated_at,
                    workspace_pk, workspace_connector_pk)
            ORDER BY diagnostic_id
            ON CONFLICT (diagnostic_id) DO UPDATE SET
                target_model = EXCLUDED.target_model,
                tool_name = EXCLUDED.tool_name,
                reason = EXCLUDED.reason,
                http_status = EXCLUDED.http_status,
                detail = EXCLUDED.detail,
                occurred_at = EXCLUDED.occurred_at,
                created_at = EXCLUDED.created_at,
                updated_at = EXCLUDED.updated_at,
                workspace_pk = EXCLUDED.workspace_pk,
                workspace_connector_pk = EXCLUDED.workspace_connector_pk
            WHERE (connector_sync_diagnostics.target_model, connector_sync_diagnostics.tool_name,
                   connector_sync_diagnostics.reason, connector_sync_diagnostics.http_status,
                   connector_sync_diagnostics.detail, connector_sync_diagnostics.occurred_at,
                   connector_sync_diagnostics.created_at, connector_sync_diagnostics.updated_at,
                   connector_sync_diagnostics.workspace_pk, connector_sync_diagnostics.workspace_connector_pk)
                IS DISTINCT FROM
                  (EXCLUDED.target_model, EXCLUDED.tool_name, EXCLUDED.reason, EXCLUDED.http_status, EXCLUDED.detail,
                   EXCLUDED.occurred_at, EXCLUDED.created_at, EXCLUDED.updated_at, EXCLUDED.workspace_pk,
                   EXCLUDED.workspace_connector_pk)
            """)
    void upsert(@BindMethods DiagnosticColumns batch);

    @SqlUpdate("""
            DELETE FROM connector_sync_diagnostics
            WHERE diagnostic_id = ANY(:ids)
            """)
    int delete(@Bind("ids") UUID[] diagnosticIds);
}
