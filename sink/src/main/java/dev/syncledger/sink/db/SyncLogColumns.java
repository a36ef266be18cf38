package dev.syncledger.sink.db;

import java.time.Instant;
import java.util.List;
import java.util.function.Function;
import java.util.UUID;

/**
 * A batch of workspace_connector_sync_logs rows, one array per column, parents resolved to their
 * primary keys; the names are the statement's parameters.
 */
public record SyncLogColumns(
        UUID[] workspaceConnectorSyncLogId,
        String[] status,
        String[] triggerType,
        String[] cloudTaskId,
        Instant[] startedAt,
        Instant[] completedAt,
        Integer[] durationMs,
        String[] error,
        String[] metadata,
        Instant[] createdAt,
        Instant[] updatedAt,
        Instant[] deletedAt,
        Long[] workspaceConnectorPk,
        Long[] workspacePk,
        Long[] revision) {

    public static SyncLogColumns of(List<SyncLogRow> rows, Function<SyncLogRow, Long> workspaceConnectorPk,
                                    Function<SyncLogRow, Long> workspacePk) {
        return new SyncLogColumns(
                Columns.of(rows, SyncLogRow::workspaceConnectorSyncLogId, UUID[]::new),
                Columns.of(rows, SyncLogRow::status, String[]::new),
                Columns.of(rows, SyncLogRow::triggerType, String[]::new),
                Columns.of(rows, SyncLogRow::cloudTaskId, String[]::new),
                Columns.of(rows, SyncLogRow::startedAt, Instant[]::new),
                Columns.of(rows, SyncLogRow::completedAt, Instant[]::new),
                Columns.of(rows, SyncLogRow::durationMs, Integer[]::new),
                Columns.of(rows, SyncLogRow::error, String[]::new),
                Columns.of(rows, SyncLogRow::metadata, String[]::new),
                Columns.of(rows, SyncLogRow::createdAt, Instant[]::new),
                Columns.of(rows, SyncLogRow::updatedAt, Instant[]::new),
                Columns.of(rows, SyncLogRow::deletedAt, Instant[]::new),
                Columns.of(rows, workspaceConnectorPk, Long[]::new),
                Columns.of(rows, workspacePk, Long[]::new),
                Columns.of(rows, SyncLogRow::revision, Long[]::new));
    }
}
