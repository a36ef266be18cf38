package dev.syncledger.sink.db;

import java.time.Instant;
import java.util.List;

/**
 * A batch of document_workspace_connectors rows, one array per column, the document and the
 * connector resolved to their primary keys; the names are the statement's parameters.
 */
public record DocumentLinkColumns(
        Long[] documentPk,
        Long[] workspaceConnectorPk,
        String[] direction,
        Instant[] createdAt,
        Instant[] updatedAt,
        Instant[] deletedAt,
        Long[] revision) {

    /** The parents' keys are in row order. */
    public static DocumentLinkColumns of(List<DocumentLinkRow> rows, List<Long> documentPks, List<Long> workspaceConnectorPks) {
        return new DocumentLinkColumns(
                documentPks.toArray(Long[]::new),
                workspaceConnectorPks.toArray(Long[]::new),
                Columns.of(rows, DocumentLinkRow::direction, String[]::new),
                Columns.of(rows, DocumentLinkRow::createdAt, Instant[]::new),
                Columns.of(rows, DocumentLinkRow::updatedAt, Instant[]::new),
                Columns.of(rows, DocumentLinkRow::deletedAt, Instant[]::new),
                Columns.of(rows, DocumentLinkRow::revision, Long[]::new));
    }
}
