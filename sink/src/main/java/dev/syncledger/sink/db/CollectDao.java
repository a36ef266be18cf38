package dev.syncledger.sink.db;

import java.util.List;
import java.util.UUID;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.SqlBatch;

/** Writes collects. */
public interface CollectDao {

    /**
     * The version guard: an existing row only changes for a higher revision. The workspace is stamped
     * once, as the data model wants: an update never moves a collect to another workspace.
     */
    @SqlBatch("""
            INSERT INTO collects (
                collect_id, provider, status, started_at, ended_at,
                created_at, updated_at, deleted_at,
                people_pk, workspace_pk, task_pk, revision)
            VALUES (
                :collectId, :provider, CAST(:status AS collect_status_enum), :startedAt, :endedAt,
                :createdAt, :updatedAt, :deletedAt,
                :peoplePk, :workspacePk, :taskPk, :revision)
            ON CONFLICT (collect_id) DO UPDATE SET
                provider = EXCLUDED.provider,
                status = EXCLUDED.status,
                started_at = EXCLUDED.started_at,
                ended_at = EXCLUDED.ended_at,
                created_at = EXCLUDED.created_at,
                updated_at = EXCLUDED.updated_at,
                deleted_at = EXCLUDED.deleted_at,
                people_pk = EXCLUDED.people_pk,
                workspace_pk = COALESCE(collects.workspace_pk, EXCLUDED.workspace_pk),
                task_pk = EXCLUDED.task_pk,
                revision = EXCLUDED.revision
            WHERE collects.revision < EXCLUDED.revision
            """)
    void upsertCollects(@BindMethods List<CollectRow> collects,
                        @Bind("peoplePk") List<Long> peoplePks,
                        @Bind("workspacePk") List<Long> workspacePks,
                        @Bind("taskPk") List<Long> taskPks);

    @SqlBatch("""
            DELETE FROM collects
            WHERE collect_id = :id
            """)
    int[] deleteCollects(@Bind("id") List<UUID> collectIds);
}
