package dev.syncledger.sink.db;

import java.util.List;
import java.util.UUID;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.SqlBatch;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** Writes connector_sync_diagnostics. */
public interface DiagnosticDao {

    /**
     * A diagnostic is insert-only for its producers, but the processor may still replace the row it
     * published: of two events for one diagnostic_id the lower event_id wins even when it arrives second.
     * The state topic delivers a key's states in order and the offsets commit with the rows, so the
     * last state received is the current one; an identical state writes nothing.
     */
    @SqlBatch("""
            INSERT INTO connector_sync_diagnostics (
                diagnostic_id, target_model, tool_name, reason, http_status, detail,
                occurred_at, created_at, updated_at,
                workspace_pk, workspace_connector_pk)
            VALUES (
                :diagnosticId,
                CAST(:targetModel AS target_model_enum),
                :toolName,
                CAST(:reason AS sync_failure_reason_enum),
                :httpStatus, :detail,
                :occurredAt, :createdAt, :updatedAt,
                :workspacePk, :workspaceConnectorPk)
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
    void upsertDiagnostics(@BindMethods List<DiagnosticRow> diagnostics,
                           @Bind("workspacePk") List<Long> workspacePks,
                           @Bind("workspaceConnectorPk") List<Long> workspaceConnectorPks);

    /** Text where the upsert casts a parameter, so that both paths refuse the same values. */
    @SqlUpdate("""
            CREATE TEMP TABLE diagnostic_staging (
                diagnostic_id uuid, target_model text, tool_name text, reason text, http_status integer, detail text,
                occurred_at timestamptz, created_at timestamptz, updated_at timestamptz,
                workspace_pk bigint, workspace_connector_pk bigint)
            ON COMMIT DROP
            """)
    void createStaging();

    /** Columns in the order {@link dev.syncledger.sink.table.DiagnosticTable} writes them. */
    String COPY_STAGING = """
            COPY diagnostic_staging (
                diagnostic_id, target_model, tool_name, reason, http_status, detail,
                occurred_at, created_at, updated_at,
                workspace_pk, workspace_connector_pk)
            FROM STDIN
            """;

    /** The upsert above, for every staged row at once, in key order so that concurrent sinks lock rows alike. */
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
            FROM diagnostic_staging
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
    void mergeStaging();

    /** So that a second batch in the same transaction starts from an empty staging table. */
    @SqlUpdate("DROP TABLE diagnostic_staging")
    void dropStaging();

    @SqlBatch("""
            DELETE FROM connector_sync_diagnostics
            WHERE diagnostic_id = :id
            """)
    int[] deleteDiagnostics(@Bind("id") List<UUID> diagnosticIds);
}
