package dev.syncledger.sink.db;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

/** A batch of connector_alerts rows, one array per column, parents resolved to their primary keys. */
public record AlertColumns(
        UUID[] alertId,
        Long[] workspacePk,
        Long[] workspaceConnectorPk,
        String[] kind,
        String[] state,
        Instant[] openedAt,
        Instant[] resolvedAt,
        String[] details) {

    public static AlertColumns of(List<AlertRow> rows, Function<AlertRow, Long> workspacePk, Function<AlertRow, Long> workspaceConnectorPk) {
        return new AlertColumns(
                Columns.of(rows, AlertRow::alertId, UUID[]::new),
                Columns.of(rows, workspacePk, Long[]::new),
                Columns.of(rows, workspaceConnectorPk, Long[]::new),
                Columns.of(rows, AlertRow::kind, String[]::new),
                Columns.of(rows, AlertRow::state, String[]::new),
                Columns.of(rows, AlertRow::openedAt, Instant[]::new),
                Columns.of(rows, AlertRow::resolvedAt, Instant[]::new),
                Columns.of(rows, AlertRow::details, String[]::new));
    }
}
