package dev.syncledger.sink.db;

import java.util.UUID;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** Writes connector_status. */
public interface ConnectorStatusDao {

    /**
     * Every row of a batch in one statement, unnested in key order so that concurrent sinks lock rows alike. The
     * version guard: a connector's row only changes for a higher revision, so replays never regress it.
     */
    @SqlUpdate("""
            INSERT INTO connector_status (
                workspace_connector_pk, workspace_pk,
                last_sync_log_id, last_sync_status, last_sync_created_at,
                last_success_at, last_error_at, last_error,
                consecutive_failures, total_runs, succeeded_runs, failed_runs, records_synced_total,
                active_failure_diagnostics, active_informational_diagnostics,
                active_input_documents, active_output_documents,
                updated_at, revision,
                freshness, expected_interval_ms, next_expected_at, freshness_changed_at)
            SELECT
                workspace_connector_pk, workspace_pk,
                last_sync_log_id, CAST(last_sync_status AS connector_sync_status_enum), last_sync_created_at,
                last_success_at, last_error_at, last_error,
                consecutive_failures, total_runs, succeeded_runs, failed_runs, records_synced_total,
                active_failure_diagnostics, active_informational_diagnostics,
                active_input_documents, active_output_documents,
                updated_at, revision,
                CAST(freshness AS connector_freshness_enum), expected_interval_ms, next_expected_at, freshness_changed_at
            FROM unnest(
                :workspaceConnectorPk, :workspacePk,
                :lastSyncLogId, :lastSyncStatus, :lastSyncCreatedAt,
                :lastSuccessAt, :lastErrorAt, :lastError,
                :consecutiveFailures, :totalRuns, :succeededRuns, :failedRuns, :recordsSyncedTotal,
                :activeFailureDiagnostics, :activeInformationalDiagnostics,
                :activeInputDocuments, :activeOutputDocuments,
                :updatedAt, :revision,
                :freshness, :expectedIntervalMs, :nextExpectedAt, :freshnessChangedAt)
                AS batch (
                    workspace_connector_pk, workspace_pk,
                    last_sync_log_id, last_sync_status, last_sync_created_at,
                    last_success_at, last_error_at, last_error,
                    consecutive_failures, total_runs, succeeded_runs, failed_runs, records_synced_total,
                    active_failure_diagnostics, active_informational_diagnostics,
                    active_input_documents, active_output_documents,
                    updated_at, revision,
                    freshness, expected_interval_ms, next_expected_at, freshness_changed_at)
            ORDER BY workspace_connector_pk
            ON CONFLICT (workspace_connector_pk) DO UPDATE SET
                workspace_pk = EXCLUDED.workspace_pk,
                last_sync_log_id = EXCLUDED.last_sync_log_id,
                last_sync_status = EXCLUDED.last_sync_status,
                last_sync_created_at = EXCLUDED.last_sync_created_at,
                last_success_at = EXCLUDED.last_success_at,
                last_error_at = EXCLUDED.last_error_at,
                last_error = EXCLUDED.last_error,
                consecutive_failures = EXCLUDED.consecutive_failures,
                total_runs = EXCLUDED.total_runs,
                succeeded_runs = EXCLUDED.succeeded_runs,
                failed_runs = EXCLUDED.failed_runs,
                records_synced_total = EXCLUDED.records_synced_total,
                active_failure_diagnostics = EXCLUDED.active_failure_diagnostics,
                active_informational_diagnostics = EXCLUDED.active_informational_diagnostics,
                active_input_documents = EXCLUDED.active_input_documents,
                active_output_documents = EXCLUDED.active_output_documents,
                updated_at = EXCLUDED.updated_at,
                revision = EXCLUDED.revision,
                freshness = EXCLUDED.freshness,
                expected_interval_ms = EXCLUDED.expected_interval_ms,
                next_expected_at = EXCLUDED.next_expected_at,
                freshness_changed_at = EXCLUDED.freshness_changed_at
            WHERE connector_status.revision < EXCLUDED.revision
            """)
    void upsert(@BindMethods ConnectorStatusColumns batch);

    @SqlUpdate("""
            DELETE FROM connector_status s
            USING workspace_connectors c
            WHERE s.workspace_connector_pk = c.pk
              AND c.workspace_connector_id = ANY(:ids)
            """)
    int delete(@Bind("ids") UUID[] workspaceConnectorIds);
}
