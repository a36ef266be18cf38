package dev.syncledger.sink.db;

import java.util.Map;
import java.util.UUID;
import org.jdbi.v3.sqlobject.config.KeyColumn;
import org.jdbi.v3.sqlobject.config.ValueColumn;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;

/**
 * The parent rows the state rows point at, created on first sight and looked up by public id: one statement per
 * table for a batch's unknown ids, inserting in id order so that concurrent sinks lock them in the same order. Each
 * statement is planned for its ids: a cached plan made while a table was small would scan all of it later.
 */
@PlannedWithItsParameters
public interface ParentDao {

    /**
     * Workspaces by public id, created if missing, with their pks, in one statement. Ids another transaction created after this statement
     * began are left out: ask {@link #workspacePks} for those.
     */
    @SqlQuery("""
            WITH wanted (workspace_id) AS (SELECT DISTINCT * FROM unnest(:ids)),
            created AS (
                INSERT INTO workspaces (workspace_id)
                SELECT workspace_id FROM wanted
                WHERE NOT EXISTS (SELECT 1 FROM workspaces existing WHERE existing.workspace_id = wanted.workspace_id)
                ORDER BY workspace_id
                ON CONFLICT (workspace_id) DO NOTHING
                RETURNING workspace_id, pk)
            SELECT workspace_id, pk FROM created
            UNION ALL
            SELECT existing.workspace_id, existing.pk FROM workspaces existing JOIN wanted USING (workspace_id)
            """)
    @KeyColumn("workspace_id")
    @ValueColumn("pk")
    Map<UUID, Long> ensureWorkspaces(@Bind("ids") UUID[] ids);

    @SqlQuery("""
            SELECT workspace_id, pk
            FROM workspaces
            WHERE workspace_id = ANY(:ids)
            """)
    @KeyColumn("workspace_id")
    @ValueColumn("pk")
    Map<UUID, Long> workspacePks(@Bind("ids") UUID[] workspaceIds);

    /**
     * Workspace connectors by public id, each created under the workspace pk beside it if missing, with their pks, in
     * one statement. Ids another transaction created after this statement began are left out: ask
     * {@link #connectorPks} for those.
     */
    @SqlQuery("""
            WITH wanted (workspace_connector_id, workspace_pk) AS (SELECT * FROM unnest(:ids, :workspacePks)),
            created AS (
                INSERT INTO workspace_connectors (workspace_connector_id, workspace_pk)
                SELECT workspace_connector_id, workspace_pk FROM wanted
                WHERE NOT EXISTS (SELECT 1 FROM workspace_connectors existing
                                  WHERE existing.workspace_connector_id = wanted.workspace_connector_id)
                ORDER BY workspace_connector_id
                ON CONFLICT (workspace_connector_id) DO NOTHING
                RETURNING workspace_connector_id, pk)
            SELECT workspace_connector_id, pk FROM created
            UNION ALL
            SELECT existing.workspace_connector_id, existing.pk
            FROM workspace_connectors existing JOIN wanted USING (workspace_connector_id)
            """)
    @KeyColumn("workspace_connector_id")
    @ValueColumn("pk")
    Map<UUID, Long> ensureConnectors(@Bind("ids") UUID[] workspaceConnectorIds, @Bind("workspacePks") Long[] workspacePks);

    @SqlQuery("""
            SELECT workspace_connector_id, pk
            FROM workspace_connectors
            WHERE workspace_connector_id = ANY(:ids)
            """)
    @KeyColumn("workspace_connector_id")
    @ValueColumn("pk")
    Map<UUID, Long> connectorPks(@Bind("ids") UUID[] workspaceConnectorIds);

    /**
     * Documents by public id, created if missing, with their pks, in one statement. Ids another transaction created after this statement
     * began are left out: ask {@link #documentPks} for those.
     */
    @SqlQuery("""
            WITH wanted (document_id) AS (SELECT DISTINCT * FROM unnest(:ids)),
            created AS (
                INSERT INTO documents (document_id)
                SELECT document_id FROM wanted
                WHERE NOT EXISTS (SELECT 1 FROM documents existing WHERE existing.document_id = wanted.document_id)
                ORDER BY document_id
                ON CONFLICT (document_id) DO NOTHING
                RETURNING document_id, pk)
            SELECT document_id, pk FROM created
            UNION ALL
            SELECT existing.document_id, existing.pk FROM documents existing JOIN wanted USING (document_id)
            """)
    @KeyColumn("document_id")
    @ValueColumn("pk")
    Map<UUID, Long> ensureDocuments(@Bind("ids") UUID[] ids);

    @SqlQuery("""
            SELECT document_id, pk
            FROM documents
            WHERE document_id = ANY(:ids)
            """)
    @KeyColumn("document_id")
    @ValueColumn("pk")
    Map<UUID, Long> documentPks(@Bind("ids") UUID[] documentIds);

    /**
     * Peoples by public id, created if missing, with their pks, in one statement. Ids another transaction created after this statement
     * began are left out: ask {@link #peoplePks} for those.
     */
    @SqlQuery("""
            WITH wanted (people_id) AS (SELECT DISTINCT * FROM unnest(:ids)),
            created AS (
                INSERT INTO peoples (people_id)
                SELECT people_id FROM wanted
                WHERE NOT EXISTS (SELECT 1 FROM peoples existing WHERE existing.people_id = wanted.people_id)
                ORDER BY people_id
                ON CONFLICT (people_id) DO NOTHING
                RETURNING people_id, pk)
            SELECT people_id, pk FROM created
            UNION ALL
            SELECT existing.people_id, existing.pk FROM peoples existing JOIN wanted USING (people_id)
            """)
    @KeyColumn("people_id")
    @ValueColumn("pk")
    Map<UUID, Long> ensurePeoples(@Bind("ids") UUID[] ids);

    @SqlQuery("""
            SELECT people_id, pk
            FROM peoples
            WHERE people_id = ANY(:ids)
            """)
    @KeyColumn("people_id")
    @ValueColumn("pk")
    Map<UUID, Long> peoplePks(@Bind("ids") UUID[] peopleIds);

    /**
     * Tasks by public id, created if missing, with their pks, in one statement. Ids another transaction created after this statement
     * began are left out: ask {@link #taskPks} for those.
     */
    @SqlQuery("""
            WITH wanted (task_id) AS (SELECT DISTINCT * FROM unnest(:ids)),
            created AS (
                INSERT INTO tasks (task_id)
                SELECT task_id FROM wanted
                WHERE NOT EXISTS (SELECT 1 FROM tasks existing WHERE existing.task_id = wanted.task_id)
                ORDER BY task_id
                ON CONFLICT (task_id) DO NOTHING
                RETURNING task_id, pk)
            SELECT task_id, pk FROM created
            UNION ALL
            SELECT existing.task_id, existing.pk FROM tasks existing JOIN wanted USING (task_id)
            """)
    @KeyColumn("task_id")
    @ValueColumn("pk")
    Map<UUID, Long> ensureTasks(@Bind("ids") UUID[] ids);

    @SqlQuery("""
            SELECT task_id, pk
            FROM tasks
            WHERE task_id = ANY(:ids)
            """)
    @KeyColumn("task_id")
    @ValueColumn("pk")
    Map<UUID, Long> taskPks(@Bind("ids") UUID[] taskIds);
}
