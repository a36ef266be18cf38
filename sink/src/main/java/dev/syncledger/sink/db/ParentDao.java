package dev.syncledger.sink.db;

import java.util.Map;
import java.util.UUID;
import org.jdbi.v3.sqlobject.config.KeyColumn;
import org.jdbi.v3.sqlobject.config.ValueColumn;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;

/**
 * The parent rows the state rows point at, created on first sight and looked up by public id: one statement per
 * table creates a batch's unknown ids, inserting in id order so that concurrent sinks lock them in the same order,
 * and returns only what it created; a second one looks up the ids that already existed (or that another transaction
 * created meanwhile), which after the first batches is rare, since the sink caches the pks it has seen. Returning
 * the existing rows from the creating statement too cost it a second index lookup per id, doubling its time for a
 * batch of new documents. Each statement is planned for its ids: a cached plan made while a table was small would
 * scan all of it later.
 */
@PlannedWithItsParameters
public interface ParentDao {

    /**
     * Creates the workspaces among {@code ids} that do not exist yet and returns the pks of those it created; ask
     * {@link #workspacePks} for the others.
     */
    @SqlQuery("""
            WITH wanted (workspace_id) AS (SELECT DISTINCT * FROM unnest(:ids))
            INSERT INTO workspaces (workspace_id)
            SELECT workspace_id FROM wanted
            WHERE NOT EXISTS (SELECT 1 FROM workspaces existing WHERE existing.workspace_id = wanted.workspace_id)
            ORDER BY workspace_id
            ON CONFLICT (workspace_id) DO NOTHING
            RETURNING workspace_id, pk
            """)
    @KeyColumn("workspace_id")
    @ValueColumn("pk")
    Map<UUID, Long> createWorkspaces(@Bind("ids") UUID[] ids);

    @SqlQuery("""
            SELECT workspace_id, pk
            FROM workspaces
            WHERE workspace_id = ANY(:ids)
            """)
    @KeyColumn("workspace_id")
    @ValueColumn("pk")
    Map<UUID, Long> workspacePks(@Bind("ids") UUID[] workspaceIds);

    /**
     * Creates the workspace connectors among {@code ids} that do not exist yet, each under the workspace pk beside it,
     * and returns the pks of those it created; ask {@link #connectorPks} for the others.
     */
    @SqlQuery("""
            WITH wanted (workspace_connector_id, workspace_pk) AS (SELECT * FROM unnest(:ids, :workspacePks))
            INSERT INTO workspace_connectors (workspace_connector_id, workspace_pk)
            SELECT workspace_connector_id, workspace_pk FROM wanted
            WHERE NOT EXISTS (SELECT 1 FROM workspace_connectors existing
                              WHERE existing.workspace_connector_id = wanted.workspace_connector_id)
            ORDER BY workspace_connector_id
            ON CONFLICT (workspace_connector_id) DO NOTHING
            RETURNING workspace_connector_id, pk
            """)
    @KeyColumn("workspace_connector_id")
    @ValueColumn("pk")
    Map<UUID, Long> createConnectors(@Bind("ids") UUID[] workspaceConnectorIds, @Bind("workspacePks") Long[] workspacePks);

    @SqlQuery("""
            SELECT workspace_connector_id, pk
            FROM workspace_connectors
            WHERE workspace_connector_id = ANY(:ids)
            """)
    @KeyColumn("workspace_connector_id")
    @ValueColumn("pk")
    Map<UUID, Long> connectorPks(@Bind("ids") UUID[] workspaceConnectorIds);

    /**
     * Creates the documents among {@code ids} that do not exist yet and returns the pks of those it created; ask
     * {@link #documentPks} for the others.
     */
    @SqlQuery("""
            WITH wanted (document_id) AS (SELECT DISTINCT * FROM unnest(:ids))
            INSERT INTO documents (document_id)
            SELECT document_id FROM wanted
            WHERE NOT EXISTS (SELECT 1 FROM documents existing WHERE existing.document_id = wanted.document_id)
            ORDER BY document_id
            ON CONFLICT (document_id) DO NOTHING
            RETURNING document_id, pk
            """)
    @KeyColumn("document_id")
    @ValueColumn("pk")
    Map<UUID, Long> createDocuments(@Bind("ids") UUID[] ids);

    @SqlQuery("""
            SELECT document_id, pk
            FROM documents
            WHERE document_id = ANY(:ids)
            """)
    @KeyColumn("document_id")
    @ValueColumn("pk")
    Map<UUID, Long> documentPks(@Bind("ids") UUID[] documentIds);

    /**
     * Creates the peoples among {@code ids} that do not exist yet and returns the pks of those it created; ask
     * {@link #peoplePks} for the others.
     */
    @SqlQuery("""
            WITH wanted (people_id) AS (SELECT DISTINCT * FROM unnest(:ids))
            INSERT INTO peoples (people_id)
            SELECT people_id FROM wanted
            WHERE NOT EXISTS (SELECT 1 FROM peoples existing WHERE existing.people_id = wanted.people_id)
            ORDER BY people_id
            ON CONFLICT (people_id) DO NOTHING
            RETURNING people_id, pk
            """)
    @KeyColumn("people_id")
    @ValueColumn("pk")
    Map<UUID, Long> createPeoples(@Bind("ids") UUID[] ids);

    @SqlQuery("""
            SELECT people_id, pk
            FROM peoples
            WHERE people_id = ANY(:ids)
            """)
    @KeyColumn("people_id")
    @ValueColumn("pk")
    Map<UUID, Long> peoplePks(@Bind("ids") UUID[] peopleIds);

    /**
     * Creates the tasks among {@code ids} that do not exist yet and returns the pks of those it created; ask
     * {@link #taskPks} for the others.
     */
    @SqlQuery("""
            WITH wanted (task_id) AS (SELECT DISTINCT * FROM unnest(:ids))
            INSERT INTO tasks (task_id)
            SELECT task_id FROM wanted
            WHERE NOT EXISTS (SELECT 1 FROM tasks existing WHERE existing.task_id = wanted.task_id)
            ORDER BY task_id
            ON CONFLICT (task_id) DO NOTHING
            RETURNING task_id, pk
            """)
    @KeyColumn("task_id")
    @ValueColumn("pk")
    Map<UUID, Long> createTasks(@Bind("ids") UUID[] ids);

    @SqlQuery("""
            SELECT task_id, pk
            FROM tasks
            WHERE task_id = ANY(:ids)
            """)
    @KeyColumn("task_id")
    @ValueColumn("pk")
    Map<UUID, Long> taskPks(@Bind("ids") UUID[] taskIds);
}
