package dev.syncledger.sink.db;

import java.time.Instant;
import java.util.List;
import java.util.function.Function;
import java.util.UUID;

/**
 * A batch of connector_sync_diagnostics rows, one array per column, parents resolved to their
 * primary keys; the names are the statement's parameters.
 */
public record DiagnosticColumns(
        UUID[] diagnosticId,
        String[] targetModel,
        String[] toolName,
        String[] reason,
        Integer[] httpStatus,
        String[] detail,
        Instant[] occurredAt,
        Instant[] createdAt,
        Instant[] updatedAt,
        Long[] workspacePk,
        Long[] workspaceConnectorPk) {

    public static DiagnosticColumns of(List<DiagnosticRow> rows, Function<DiagnosticRow, Long> workspacePk,
                                       Function<DiagnosticRow, Long> workspaceConnectorPk) {
        return new DiagnosticColumns(
                Columns.of(rows, DiagnosticRow::diagnosticId, UUID[]::new),
                Columns.of(rows, DiagnosticRow::targetModel, String[]::new),
                Columns.of(rows, DiagnosticRow::toolName, String[]::new),
                Columns.of(rows, DiagnosticRow::reason, String[]::new),
                Columns.of(rows, DiagnosticRow::httpStatus, Integer[]::new),
                Columns.of(rows, DiagnosticRow::detail, String[]::new),
                Columns.of(rows, DiagnosticRow::occurredAt, Instant[]::new),
                Columns.of(rows, DiagnosticRow::createdAt, Instant[]::new),
                Columns.of(rows, DiagnosticRow::updatedAt, Instant[]::new),
                Columns.of(rows, workspacePk, Long[]::new),
                Columns.of(rows, workspaceConnectorPk, Long[]::new));
    }
}
