package dev.syncledger.sink.db;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

/**
 * A batch of connector_status rows, one array per column, parents resolved to their primary keys; the names
 * are the statement's parameters.
 */
public record ConnectorStatusColumns(
        Long[] workspaceConnectorPk,
        Long[] workspacePk,
        UUID[] lastSyncLogId,
        String[] lastSyncStatus,
        Instant[] lastSyncCreatedAt,
        Instant[] lastSuccessAt,
        Instant[] lastErrorAt,
        String[] lastError,
        Integer[] consecutiveFailures,
        Long[] totalRuns,
        Long[] succeededRuns,
        Long[] failedRuns,
        Long[] recordsSyncedTotal,
        Long[] activeFailureDiagnostics,
        Long[] activeInformationalDiagnostics,
        Long[] activeInputDocuments,
        Long[] activeOutputDocuments,
        Instant[] updatedAt,
        Long[] revision,
        String[] freshness,
        Long[] expectedIntervalMs,
        Instant[] nextExpectedAt,
        Instant[] freshnessChangedAt) {

    public static ConnectorStatusColumns of(List<ConnectorStatusRow> rows, Function<ConnectorStatusRow, Long> workspaceConnectorPk,
                                            Function<ConnectorStatusRow, Long> workspacePk) {
        return new ConnectorStatusColumns(
                Columns.of(rows, workspaceConnectorPk, Long[]::new),
                Columns.of(rows, workspacePk, Long[]::new),
                Columns.of(rows, ConnectorStatusRow::lastSyncLogId, UUID[]::new),
                Columns.of(rows, ConnectorStatusRow::lastSyncStatus, String[]::new),
                Columns.of(rows, ConnectorStatusRow::lastSyncCreatedAt, Instant[]::new),
                Columns.of(rows, ConnectorStatusRow::lastSuccessAt, Instant[]::new),
                Columns.of(rows, ConnectorStatusRow::lastErrorAt, Instant[]::new),
                Columns.of(rows, ConnectorStatusRow::lastError, String[]::new),
                Columns.of(rows, ConnectorStatusRow::consecutiveFailures, Integer[]::new),
                Columns.of(rows, ConnectorStatusRow::totalRuns, Long[]::new),
                Columns.of(rows, ConnectorStatusRow::succeededRuns, Long[]::new),
                Columns.of(rows, ConnectorStatusRow::failedRuns, Long[]::new),
                Columns.of(rows, ConnectorStatusRow::recordsSyncedTotal, Long[]::new),
                Columns.of(rows, ConnectorStatusRow::activeFailureDiagnostics, Long[]::new),
                Columns.of(rows, ConnectorStatusRow::activeInformationalDiagnostics, Long[]::new),
                Columns.of(rows, ConnectorStatusRow::activeInputDocuments, Long[]::new),
                Columns.of(rows, ConnectorStatusRow::activeOutputDocuments, Long[]::new),
                Columns.of(rows, ConnectorStatusRow::updatedAt, Instant[]::new),
                Columns.of(rows, ConnectorStatusRow::revision, Long[]::new),
                Columns.of(rows, ConnectorStatusRow::freshness, String[]::new),
                Columns.of(rows, ConnectorStatusRow::expectedIntervalMs, Long[]::new),
                Columns.of(rows, ConnectorStatusRow::nextExpectedAt, Instant[]::new),
                Columns.of(rows, ConnectorStatusRow::freshnessChangedAt, Instant[]::new));
    }
}
