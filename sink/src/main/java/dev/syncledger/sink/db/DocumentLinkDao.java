package dev.syncledger.sink.db;

import java.util.List;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.SqlBatch;

/** Writes document_workspace_connectors. */
public interface DocumentLinkDao {

    /** The version guard: an existing link only changes for a higher revision, so replays never regress it. */
    @SqlBatch("""
            INSERT INTO document_workspace_connectors (
                document_pk, workspace_connector_pk, direction,
                created_at, updated_at, deleted_at, revision)
            VALUES (
                :documentPk, :workspaceConnectorPk, CAST(:direction AS direction_enum),
                :createdAt, :updatedAt, :deletedAt, :revision)
            ON CONFLICT (document_pk, workspace_connector_pk, direction) DO UPDATE SET
                created_at = EXCLUDED.created_at,
                updated_at = EXCLUDED.updated_at,
                deleted_at = EXCLUDED.deleted_at,
                revision = EXCLUDED.revision
            WHERE document_workspace_connectors.revision < EXCLUDED.revision
            """)
    void upsertLinks(@BindMethods List<DocumentLinkRow> links,
                     @Bind("documentPk") List<Long> documentPks,
                     @Bind("workspaceConnectorPk") List<Long> workspaceConnectorPks);

    @SqlBatch("""
            DELETE FROM document_workspace_connectors l
            USING documents d, workspace_connectors c
            WHERE l.document_pk = d.pk
              AND l.workspace_connector_pk = c.pk
              AND d.document_id = :documentId
              AND c.workspace_connector_id = :workspaceConnectorId
              AND l.direction = CAST(:direction AS direction_enum)
            """)
    int[] deleteLinks(@BindMethods List<DocumentLinkKey> keys);
}
