package dev.syncledger.sink.table;

import dev.syncledger.schemas.Topics;
import dev.syncledger.schemas.serde.SerdeConfig;
import dev.syncledger.schemas.state.WorkspaceConnectorSyncLog;
import dev.syncledger.sink.db.SyncLogColumns;
import dev.syncledger.sink.db.SyncLogDao;
import dev.syncledger.sink.db.SyncLogRow;
import java.util.List;
import java.util.UUID;
import org.jdbi.v3.core.Handle;

/** workspace_connector_sync_logs, from the sync log state topic; a tombstone deletes the run's row. */
public final class SyncLogTable extends AvroStateTable<UUID, WorkspaceConnectorSyncLog, SyncLogRow> {

    public SyncLogTable(SerdeConfig serde) {
        super(Topics.SYNC_LOG_STATE, "workspace_connector_sync_logs", WorkspaceConnectorSyncLog.getClassSchema(), serde);
    }

    @Override
    SyncLogRow toRow(WorkspaceConnectorSyncLog log) {
        return new SyncLogRow(
                log.getWorkspaceConnectorSyncLogId(),
                log.getWorkspaceId(),
                log.getWorkspaceConnectorId(),
                log.getStatus().name(),
                log.getTriggerType() == null ? null : log.getTriggerType().name(),
                log.getCloudTaskId(),
                log.getStartedAt(),
                log.getCompletedAt(),
                log.getDurationMs(),
                log.getError(),
                log.getMetadata(),
                log.getCreatedAt(),
                log.getUpdatedAt(),
                log.getDeletedAt(),
                log.getRevision());
    }

    @Override
    public String keyName() {
        return "sync log id";
    }

    @Override
    public UUID parseKey(String recordKey) {
        return UUID.fromString(recordKey);
    }

    @Override
    public UUID keyOf(SyncLogRow row) {
        return row.workspaceConnectorSyncLogId();
    }

    @Override
    public void requireParents(SyncLogRow row, ParentRequest parents) {
        parents.connector(row.workspaceConnectorId(), row.workspaceId());
    }

    @Override
    public void write(Handle handle, List<SyncLogRow> rows, ParentKeys parents) {
        handle.attach(SyncLogDao.class).upsert(SyncLogColumns.of(
                rows,
                row -> parents.connector(row.workspaceConnectorId()),
                row -> parents.workspace(row.workspaceId())));
    }

    @Override
    public int delete(Handle handle, List<UUID> keys) {
        return handle.attach(SyncLogDao.class).delete(keys.toArray(UUID[]::new));
    }

    @Override
    public String describe(SyncLogRow row) {
        return "sync log " + row.workspaceConnectorSyncLogId() + " revision " + row.revision();
    }
}
