package dev.syncledger.app.testing;

import static dev.syncledger.app.testing.Columns.instant;
import static dev.syncledger.app.testing.Columns.uuid;

import dev.syncledger.processor.status.ConnectorStatusRow;
import dev.syncledger.processor.status.ConnectorTotals;
import dev.syncledger.processor.status.RunSummary;
import dev.syncledger.schemas.ConnectorSyncStatus;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Jdbi;

/**
 * Reads connector_status, joined with workspace_connectors and workspaces, back as the processor's rows.
 * The revision is kept apart: it counts the status's changes, and how many there were depends on how
 * the rows of different topics interleaved, which no file-order oracle can know.
 */
public final class StoredConnectorStatuses {

    private StoredConnectorStatuses() {}

    public record Stored(ConnectorStatusRow row, long revision) {}

    public static Map<UUID, Stored> read(Jdbi jdbi) {
        return jdbi.withHandle(handle -> handle.createQuery("""
                        SELECT c.workspace_connector_id, w.workspace_id,
                               s.last_sync_log_id, s.last_sync_status::text AS last_sync_status, s.last_sync_created_at,
                               s.last_success_at, s.last_error_at, s.last_error, s.consecutive_failures,
                               s.total_runs, s.succeeded_runs, s.failed_runs, s.records_synced_total,
                               s.active_failure_diagnostics, s.active_informational_diagnostics,
                               s.active_input_documents, s.active_output_documents, s.updated_at, s.revision
                        FROM connector_status s
                        JOIN workspace_connectors c ON c.pk = s.workspace_connector_pk
                        JOIN workspaces w ON w.pk = s.workspace_pk
                        """)
                .map((rs, ctx) -> new Stored(new ConnectorStatusRow(
                        uuid(rs, "workspace_connector_id"),
                        new ConnectorTotals(
                                uuid(rs, "workspace_id"),
                                rs.getLong("total_runs"),
                                rs.getLong("succeeded_runs"),
                                rs.getLong("failed_runs"),
                                rs.getLong("records_synced_total"),
                                rs.getLong("active_failure_diagnostics"),
                                rs.getLong("active_informational_diagnostics"),
                                rs.getLong("active_input_documents"),
                                rs.getLong("active_output_documents"),
                                instant(rs, "updated_at")),
                        new RunSummary(
                                uuid(rs, "last_sync_log_id"),
                                rs.getString("last_sync_status") == null ? null : ConnectorSyncStatus.valueOf(rs.getString("last_sync_status")),
                                instant(rs, "last_sync_created_at"),
                                instant(rs, "last_success_at"),
                                instant(rs, "last_error_at"),
                                rs.getString("last_error"),
                                rs.getInt("consecutive_failures"))), rs.getLong("revision")))
                .list()
                .stream()
                .collect(Collectors.toMap(stored -> stored.row().workspaceConnectorId(), stored -> stored)));
    }
}
