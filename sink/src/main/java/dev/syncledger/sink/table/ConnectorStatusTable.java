package dev.syncledger.sink.table;

import dev.syncledger.schemas.Topics;
import dev.syncledger.schemas.serde.SerdeConfig;
import dev.syncledger.schemas.state.ConnectorStatus;
import dev.syncledger.sink.db.ConnectorStatusColumns;
import dev.syncledger.sink.db.ConnectorStatusDao;
import dev.syncledger.sink.db.ConnectorStatusRow;
import java.util.List;
import java.util.UUID;
import org.jdbi.v3.core.Handle;

/** connector_status, from the connector status state topic: one row per workspace connector. */
public final class ConnectorStatusTable extends AvroStateTable<UUID, ConnectorStatus, ConnectorStatusRow> {

    public ConnectorStatusTable(SerdeConfig serde) {
        super(Topics.CONNECTOR_STATUS_STATE, "connector_status", ConnectorStatus.getClassSchema(), serde);
    }

    @Override
    ConnectorStatusRow toRow(ConnectorStatus status) {
        return new ConnectorStatusRow(
                status.getWorkspaceId(),
                status.getWorkspaceConnectorId(),
                status.getLastSyncLogId(),
                status.getLastSyncStatus() == null ? null : status.getLastSyncStatus().name(),
                status.getLastSyncCreatedAt(),
                status.getLastSuccessAt(),
                status.getLastErrorAt(),
                status.getLastError(),
                status.getConsecutiveFailures(),
                status.getTotalRuns(),
                status.getSucceededRuns(),
                status.getFailedRuns(),
                status.getRecordsSyncedTotal(),
                status.getActiveFailureDiagnostics(),
                status.getActiveInformationalDiagnostics(),
                status.getActiveInputDocuments(),
                status.getActiveOutputDocuments(),
                status.getUpdatedAt(),
                status.getRevision(),
                status.getFreshness().name(),
                status.getExpectedIntervalMs(),
                status.getNextExpectedAt(),
                status.getFreshnessChangedAt());
    }

    @Override
    public String keyName() {
        return "workspace connector id";
    }

    @Override
    public UUID parseKey(String recordKey) {
        return UUID.fromString(recordKey);
    }

    @Override
    public UUID keyOf(ConnectorStatusRow row) {
        return row.workspaceConnectorId();
    }

    @Override
    public void requireParents(ConnectorStatusRow row, ParentRequest parents) {
        parents.connector(row.workspaceConnectorId(), row.workspaceId());
    }

    @Override
    public void write(Handle handle, List<ConnectorStatusRow> rows, ParentKeys parents) {
        handle.attach(ConnectorStatusDao.class).upsert(ConnectorStatusColumns.of(rows,
                row -> parents.connector(row.workspaceConnectorId()), row -> parents.workspace(row.workspaceId())));
    }

    @Override
    public int delete(Handle handle, List<UUID> keys) {
        return handle.attach(ConnectorStatusDao.class).delete(keys.toArray(UUID[]::new));
    }

    @Override
    public String describe(ConnectorStatusRow row) {
        return "connector status " + row.workspaceConnectorId() + " revision " + row.revision();
    }
}
