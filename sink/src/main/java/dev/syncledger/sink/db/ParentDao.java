package dev.syncledger.sink.db;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jdbi.v3.sqlobject.config.KeyColumn;
import org.jdbi.v3.sqlobject.config.ValueColumn;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.SqlBatch;
import org.jdbi.v3.sqlobject.statement.SqlQuery;

/**
 * The parent rows the state rows point at, created on first sight and looked up by public id. The
 * callers pass ids sorted, so that concurrent sinks lock them in the same order.
 */
public interface ParentDao {

    @SqlBatch("""
            INSERT INTO workspaces (workspace_id)
            VALUES (:workspaceId)
            ON CONFLICT (workspace_id) DO NOTHING
            """)
    void insertMissingWorkspaces(@Bind("workspaceId") List<UUID> workspaceIds);

    @SqlQuery("""
            SELECT workspace_id, pk
            FROM workspaces
            WHERE workspace_id = ANY(:ids)
            """)
    @KeyColumn("workspace_id")
    @ValueColumn("pk")
    Map<UUID, Long> workspacePks(@Bind("ids") UUID[] workspaceIds);

    @SqlBatch("""
            INSERT INTO workspace_connectors (workspace_connector_id, workspace_pk)
            VALUES (:workspaceConnectorId, :workspacePk)
            ON CONFLICT (workspace_connector_id) DO NOTHING
            """)
    void insertMissingConnectors(@BindMethods List<ConnectorParent> connectors);

    @SqlQuery("""
            SELECT workspace_connector_id, pk
            FROM workspace_connectors
            WHERE workspace_connector_id = ANY(:ids)
            """)
    @KeyColumn("workspace_connector_id")
    @ValueColumn("pk")
    Map<UUID, Long> connectorPks(@Bind("ids") UUID[] workspaceConnectorIds);

    @SqlBatch("""
            INSERT INTO documents (document_id)
            VALUES (:documentId)
            ON CONFLICT (document_id) DO NOTHING
            """)
    void insertMissingDocuments(@Bind("documentId") List<UUID> documentIds);

    @SqlQuery("""
            SELECT document_id, pk
            FROM documents
            WHERE document_id = ANY(:ids)
            """)
    @KeyColumn("document_id")
    @ValueColumn("pk")
    Map<UUID, Long> documentPks(@Bind("ids") UUID[] documentIds);

    @SqlBatch("""
            INSERT INTO peoples (people_id)
            VALUES (:peopleId)
            ON CONFLICT (people_id) DO NOTHING
            """)
    void insertMissingPeoples(@Bind("peopleId") List<UUID> peopleIds);

    @SqlQuery("""
            SELECT people_id, pk
            FROM peoples
            WHERE people_id = ANY(:ids)
            """)
    @KeyColumn("people_id")
    @ValueColumn("pk")
    Map<UUID, Long> peoplePks(@Bind("ids") UUID[] peopleIds);

    @SqlBatch("""
            INSERT INTO tasks (task_id)
            VALUES (:taskId)
            ON CONFLICT (task_id) DO NOTHING
            """)
    void insertMissingTasks(@Bind("taskId") List<UUID> taskIds);

    @SqlQuery("""
            SELECT task_id, pk
            FROM tasks
            WHERE task_id = ANY(:ids)
            """)
    @KeyColumn("task_id")
    @ValueColumn("pk")
    Map<UUID, Long> taskPks(@Bind("ids") UUID[] taskIds);
}
