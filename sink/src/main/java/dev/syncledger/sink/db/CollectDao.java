package dev.syncledger.sink.db;

import java.util.UUID;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** Writes collects. */
public interface CollectDao {

    /**
     * The version guard: an existing row only changes for a higher revision. The workspace is stamped
     * once, as the data model wants: an update never moves a collect to another workspace. Every row of a batch
     * in one statement, unnested in key order so that concurrent sinks lock rows alike.
     */
    @SqlUpdate("""
            INSERT INTO collects (
                collect_id, provider, status, started_at, ended_at,
                created_at, updated_at, deleted_at,
                people_pk, workspace_pk, task_pk, revision)
            SELECT
                collect_id, provider, CAST(status AS collect_status_enum), started_at, ended_at,
                created_at, updated_at, deleted_at,
                people_pk, workspace_pk, task_pk, revision
            FROM unnest(
                :collectId, :provider, :status, :startedAt, :endedAt,
                :createdAt, :updatedAt, :deletedAt,
                :peoplePk, :workspacePk, :taskPk, :revision)
                AS batch (
                    collect_id, provider, status, started_at, ended_at,
                    created_at, updated_at, deleted_at,
                    people_pk, workspace_pk, task_pk, revision)
            ORDER BY collect_id
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
    void upsert(@BindMethods CollectColumns batch);

    @SqlUpdate("""
            DELETE FROM collects
            WHERE collect_id = ANY(:ids)
            """)
    int delete(@Bind("ids") UUID[] collectIds);
}
