package dev.syncledger.sink.db;

import java.util.UUID;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** Writes document_workspace_connectors. */
public interface DocumentLinkDao {

    /**
     * Every row of a batch in one statement: one array per column, unnested in key order so that
     * concurrent sinks lock rows alike. The version guard: an existing link only changes for a higher
     * revision, so replays never regress it. A single row is a batch of one.
     */
    @SqlUpdate("""
            INSERT INTO document_workspace_connectors (
                document_pk, workspace_connector_pk, direction,
                created_at, updated_at, deleted_at, revision)
            SELECT
                document_pk, workspace_connector_pk, CAST(direction AS direction_enum),
                created_at, updated_at, deleted_at, revision
            FROM unnest(
                :documentPk, :workspaceConnectorPk, :direction,
                :createdAt, :updatedAt, :deletedAt, :revision)
                AS batch (
                    document_pk, workspace_connector_pk, direction,
                    created_at, updated_at, deleted_at, revision)
            ORDER BY document_pk, workspace_connector_pk, direction
            ON CONFLICT (document_pk, workspace_connector_pk, direction) DO UPDATE SET
                created_at = EXCLUDED.created_at,
                updated_at = EXCLUDED.updated_at,
                deleted_at = EXCLUDED.deleted_at,
                revision = EXCLUDED.revision
            WHERE document_workspace_connectors.revision < EXCLUDED.revision
            """)
    void upsert(@BindMethods DocumentLinkColumns batch);

    /** Joins three growing tables to a batch's ids: planned for them (see {@link PlannedWithItsParameters}). */
    @PlannedWithItsParameters
    @SqlUpdate("""
            DELETE FROM document_workspace_connectors l
            USING unnest(:documentId, :workspaceConnectorId, :direction) AS gone (document_id, workspace_connector_id, direction),
                  documents d, workspace_connectors c
            WHERE l.document_pk = d.pk
              AND l.workspace_connector_pk = c.pk
              AND d.document_id = gone.document_id
              AND c.workspace_connector_id = gone.workspace_connector_id
              AND l.direction = CAST(gone.direction AS direction_enum)
            """)
    int delete(@Bind("documentId") UUID[] documentIds, @Bind("workspaceConnectorId") UUID[] workspaceConnectorIds,
               @Bind("direction") String[] directions);
}
