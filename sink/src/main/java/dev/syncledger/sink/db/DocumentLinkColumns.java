package dev.syncledger.sink.db;

import java.time.Instant;
import java.util.List;
import java.util.function.Function;

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

    public static DocumentLinkColumns of(List<DocumentLinkRow> rows, Function<DocumentLinkRow, Long> documentPk,
                                         Function<DocumentLinkRow, Long> workspaceConnectorPk) {
        return new DocumentLinkColumns(
                Columns.of(rows, documentPk, Long[]::new),
                Columns.of(rows, workspaceConnectorPk, Long[]::new),
                Columns.of(rows, DocumentLinkRow::direction, String[]::new),
                Columns.of(rows, DocumentLinkRow::createdAt, Instant[]::new),
                Columns.of(rows, DocumentLinkRow::updatedAt, Instant[]::new),
                Columns.of(rows, DocumentLinkRow::deletedAt, Instant[]::new),
                Columns.of(rows, DocumentLinkRow::revision, Long[]::new));
    }
}
