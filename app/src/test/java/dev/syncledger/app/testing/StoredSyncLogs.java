package dev.syncledger.app.testing;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.syncledger.processor.synclog.SyncLogRow;
import dev.syncledger.schemas.ConnectorSyncStatus;
import dev.syncledger.schemas.TriggerType;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Jdbi;

/** Reads workspace_connector_sync_logs back as the processor's rows, so a test can compare them field by field. */
public final class StoredSyncLogs {

    private static final ObjectMapper JSON = new ObjectMapper().configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true);

    private StoredSyncLogs() {}

    public record Stored(SyncLogRow row, long revision) {}

    public static Map<UUID, Stored> read(Jdbi jdbi) {
        return jdbi.withHandle(handle -> handle.createQuery("""
                        SELECT l.workspace_connector_sync_log_id, w.workspace_id, c.workspace_connector_id,
                               l.status::text AS status, l.trigger_type::text AS trigger_type, l.cloud_task_id,
                               l.started_at, l.completed_at, l.duration_ms, l.error, l.metadata::text AS metadata,
                               l.created_at, l.updated_at, l.deleted_at, l.revision
                        FROM workspace_connector_sync_logs l
                        JOIN workspaces w ON w.pk = l.workspace_pk
                        JOIN workspace_connectors c ON c.pk = l.workspace_connector_pk
                        """)
                .map((rs, ctx) -> new Stored(new SyncLogRow(
                        rs.getObject("workspace_connector_sync_log_id", UUID.class),
                        rs.getObject("workspace_id", UUID.class),
                        rs.getObject("workspace_connector_id", UUID.class),
                        ConnectorSyncStatus.valueOf(rs.getString("status")),
                        rs.getString("trigger_type") == null ? null : TriggerType.valueOf(rs.getString("trigger_type")),
                        rs.getString("cloud_task_id"),
                        instant(rs.getObject("started_at", OffsetDateTime.class)),
                        instant(rs.getObject("completed_at", OffsetDateTime.class)),
                        (Integer) rs.getObject("duration_ms"),
                        rs.getString("error"),
                        canonicalJson(rs.getString("metadata")),
                        instant(rs.getObject("created_at", OffsetDateTime.class)),
                        instant(rs.getObject("updated_at", OffsetDateTime.class)),
                        instant(rs.getObject("deleted_at", OffsetDateTime.class))), rs.getLong("revision")))
                .list()
                .stream()
                .collect(Collectors.toMap(stored -> stored.row().workspaceConnectorSyncLogId(), stored -> stored)));
    }

    /** jsonb reorders keys and spacing; compare JSON by content. */
    public static String canonicalJson(String json) {
        if (json == null) {
            return null;
        }
        try {
            return JSON.writeValueAsString(JSON.readValue(json, Object.class));
        } catch (Exception e) {
            throw new IllegalArgumentException("not JSON: " + json, e);
        }
    }

    private static java.time.Instant instant(OffsetDateTime value) {
        return value == null ? null : value.toInstant();
    }
}
