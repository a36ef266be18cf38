package dev.syncledger.sink.db;

import java.util.List;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.SqlBatch;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

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

    /** Text where the upsert casts a parameter, so that both paths refuse the same values. */
    @SqlUpdate("""
            CREATE TEMP TABLE document_link_staging (
                document_pk bigint, workspace_connector_pk bigint, direction text,
                created_at timestamptz, updated_at timestamptz, deleted_at timestamptz, revision bigint)
            ON COMMIT DROP
            """)
    void createStaging();

    /** Columns in the order {@link dev.syncledger.sink.table.DocumentLinkTable} writes them. */
    String COPY_STAGING = """
            COPY document_link_staging (
                document_pk, workspace_connector_pk, direction,
                created_at, updated_at, deleted_at, revision)
            FROM STDIN
            """;

    /** The upsert above, for every staged row at once, in key order so that concurrent sinks lock rows alike. */
    @SqlUpdate("""
            INSERT INTO document_workspace_connectors (
                document_pk, workspace_connector_pk, direction,
                created_at, updated_at, deleted_at, revision)
            SELECT
                document_pk, workspace_connector_pk, CAST(direction AS direction_enum),
                created_at, updated_at, deleted_at, revision
            FROM document_link_staging
            ORDER BY document_pk, workspace_connector_pk, direction
            ON CONFLICT (document_pk, workspace_connector_pk, direction) DO UPDATE SET
                created_at = EXCLUDED.created_at,
                updated_at = EXCLUDED.updated_at,
                deleted_at = EXCLUDED.deleted_at,
                revision = EXCLUDED.revision
            WHERE document_workspace_connectors.revision < EXCLUDED.revision
            """)
    void mergeStaging();

    /** So that a second batch in the same transaction starts from an empty staging table. */
    @SqlUpdate("DROP TABLE document_link_staging")
    void dropStaging();

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
