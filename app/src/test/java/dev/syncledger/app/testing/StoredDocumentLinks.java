package dev.syncledger.app.testing;

import static dev.syncledger.app.testing.Columns.instant;
import static dev.syncledger.app.testing.Columns.uuid;

import dev.syncledger.processor.documentlink.DocumentLinkKey;
import dev.syncledger.processor.documentlink.DocumentLinkRow;
import dev.syncledger.processor.documentlink.LinkDirection;
import java.util.Map;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Jdbi;

/**
 * Reads document_workspace_connectors, joined with documents and workspace_connectors, back as the
 * processor's rows. The table has no workspace of its own: the row's workspace is its connector's.
 */
public final class StoredDocumentLinks {

    private StoredDocumentLinks() {}

    public record Stored(DocumentLinkRow row, long revision) {}

    public static Map<DocumentLinkKey, Stored> read(Jdbi jdbi) {
        return jdbi.withHandle(handle -> handle.createQuery("""
                        SELECT d.document_id, c.workspace_connector_id, l.direction::text AS direction, w.workspace_id,
                               l.created_at, l.updated_at, l.deleted_at, l.revision
                        FROM document_workspace_connectors l
                        JOIN documents d ON d.pk = l.document_pk
                        JOIN workspace_connectors c ON c.pk = l.workspace_connector_pk
                        JOIN workspaces w ON w.pk = c.workspace_pk
                        """)
                .map((rs, ctx) -> new Stored(new DocumentLinkRow(
                        new DocumentLinkKey(uuid(rs, "document_id"), uuid(rs, "workspace_connector_id"),
                                LinkDirection.fromCode(rs.getString("direction")).orElseThrow()),
                        uuid(rs, "workspace_id"),
                        instant(rs, "created_at"),
                        instant(rs, "updated_at"),
                        instant(rs, "deleted_at")), rs.getLong("revision")))
                .list()
                .stream()
                .collect(Collectors.toMap(stored -> stored.row().key(), stored -> stored)));
    }
}
