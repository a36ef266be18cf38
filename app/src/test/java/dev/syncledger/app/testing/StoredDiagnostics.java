package dev.syncledger.app.testing;

import static dev.syncledger.app.testing.Columns.instant;
import static dev.syncledger.app.testing.Columns.integer;
import static dev.syncledger.app.testing.Columns.uuid;

import dev.syncledger.processor.diagnostic.DiagnosticRow;
import dev.syncledger.processor.diagnostic.SyncFailureReason;
import dev.syncledger.processor.diagnostic.TargetModel;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Jdbi;

/** Reads connector_sync_diagnostics back as the processor's rows, with the columns the row only implies. */
public final class StoredDiagnostics {

    private StoredDiagnostics() {}

    /** A stored diagnostic: the processor's row, and the table's created_at, updated_at and deleted_at columns. */
    public record Stored(DiagnosticRow row, Instant createdAt, Instant updatedAt, Instant deletedAt) {

        /** What the sink must store for a row: created_at and updated_at are its occurred_at, and nothing deletes it. */
        public static Stored of(DiagnosticRow row) {
            return new Stored(row, row.createdAt(), row.updatedAt(), null);
        }
    }

    public static Map<UUID, Stored> read(Jdbi jdbi) {
        return jdbi.withHandle(handle -> handle.createQuery("""
                        SELECT d.diagnostic_id, w.workspace_id, c.workspace_connector_id,
                               d.target_model::text AS target_model, d.tool_name, d.reason::text AS reason,
                               d.http_status, d.detail, d.occurred_at, d.created_at, d.updated_at, d.deleted_at
                        FROM connector_sync_diagnostics d
                        JOIN workspaces w ON w.pk = d.workspace_pk
                        JOIN workspace_connectors c ON c.pk = d.workspace_connector_pk
                        """)
                .map((rs, ctx) -> new Stored(new DiagnosticRow(
                        uuid(rs, "diagnostic_id"),
                        uuid(rs, "workspace_id"),
                        uuid(rs, "workspace_connector_id"),
                        TargetModel.fromCode(rs.getString("target_model")).orElseThrow(),
                        rs.getString("tool_name"),
                        SyncFailureReason.fromCode(rs.getString("reason")).orElseThrow(),
                        integer(rs, "http_status"),
                        rs.getString("detail"),
                        instant(rs, "occurred_at")),
                        instant(rs, "created_at"), instant(rs, "updated_at"), instant(rs, "deleted_at")))
                .list()
                .stream()
                .collect(Collectors.toMap(stored -> stored.row().diagnosticId(), stored -> stored)));
    }
}
