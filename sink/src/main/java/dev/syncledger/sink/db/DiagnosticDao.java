package dev.syncledger.sink.db;

import java.util.List;
import java.util.UUID;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.SqlBatch;

/** Writes connector_sync_diagnostics. */
public interface DiagnosticDao {

    /**
     * Insert-only: a diagnostic never changes once stored, so the same diagnostic_id again (a replay,
     * or the processor publishing it anew) leaves the stored row exactly as it is.
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
            ON CONFLICT (diagnostic_id) DO NOTHING
            """)
    void insertDiagnostics(@BindMethods List<DiagnosticRow> diagnostics,
                           @Bind("workspacePk") List<Long> workspacePks,
                           @Bind("workspaceConnectorPk") List<Long> workspaceConnectorPks);

    @SqlBatch("""
            DELETE FROM connector_sync_diagnostics
            WHERE diagnostic_id = :id
            """)
    int[] deleteDiagnostics(@Bind("id") List<UUID> diagnosticIds);
}
