package dev.syncledger.sink.write;

import dev.syncledger.sink.db.RejectedEventRow;
import dev.syncledger.sink.db.SyncLogRow;
import java.util.UUID;

/** What one consumer record asks of the database. */
sealed interface SinkChange {

    /** A change to one sync log row; within a batch only the last one per sync log counts. */
    sealed interface SyncLogChange extends SinkChange {
        UUID syncLogId();

        RecordOrigin origin();
    }

    record SyncLogUpsert(SyncLogRow row, RecordOrigin origin) implements SyncLogChange {
        @Override
        public UUID syncLogId() {
            return row.workspaceConnectorSyncLogId();
        }
    }

    record SyncLogDeletion(UUID syncLogId, RecordOrigin origin) implements SyncLogChange {}

    record Rejection(RejectedEventRow row) implements SinkChange {}
}
