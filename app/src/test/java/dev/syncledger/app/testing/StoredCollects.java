package dev.syncledger.app.testing;

import static dev.syncledger.app.testing.Columns.instant;
import static dev.syncledger.app.testing.Columns.uuid;

import dev.syncledger.processor.collect.CollectRow;
import dev.syncledger.processor.collect.CollectStatus;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Jdbi;

/**
 * Reads collects, joined with workspaces, peoples and tasks, back as the processor's rows. The table
 * does not keep the collect's workspace connector, so the rows read have none.
 */
public final class StoredCollects {

    private StoredCollects() {}

    public record Stored(CollectRow row, long revision) {

        /** What the sink must store for a row: all of it but the workspace connector, which the table has no column for. */
        public static Stored of(CollectRow row, long revision) {
            return new Stored(new CollectRow(row.collectId(), row.workspaceId(), null, row.peopleId(), row.taskId(),
                    row.provider(), row.status(), row.startedAt(), row.endedAt(), row.createdAt(), row.updatedAt(),
                    row.deletedAt()), revision);
        }
    }

    public static Map<UUID, Stored> read(Jdbi jdbi) {
        return jdbi.withHandle(handle -> handle.createQuery("""
                        SELECT k.collect_id, w.workspace_id, p.people_id, t.task_id, k.provider, k.status::text AS status,
                               k.started_at, k.ended_at, k.created_at, k.updated_at, k.deleted_at, k.revision
                        FROM collects k
                        JOIN peoples p ON p.pk = k.people_pk
                        LEFT JOIN workspaces w ON w.pk = k.workspace_pk
                        LEFT JOIN tasks t ON t.pk = k.task_pk
                        """)
                .map((rs, ctx) -> {
                    UUID collectId = uuid(rs, "collect_id");
                    return new Stored(new CollectRow(
                            collectId,
                            Objects.requireNonNull(uuid(rs, "workspace_id"), () -> "collect " + collectId + " is stored without a workspace"),
                            null,
                            uuid(rs, "people_id"),
                            uuid(rs, "task_id"),
                            rs.getString("provider"),
                            CollectStatus.fromCode(rs.getString("status")).orElseThrow(),
                            instant(rs, "started_at"),
                            instant(rs, "ended_at"),
                            instant(rs, "created_at"),
                            instant(rs, "updated_at"),
                            instant(rs, "deleted_at")), rs.getLong("revision"));
                })
                .list()
                .stream()
                .collect(Collectors.toMap(stored -> stored.row().collectId(), stored -> stored)));
    }
}
