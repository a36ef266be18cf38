package dev.syncledger.processor.status;

import dev.syncledger.schemas.ConnectorSyncStatus;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/** A counted run in the index by (created_at, sync_log_id): the newest gives last_sync_*. */
public record CreatedRun(UUID syncLogId, Instant createdAt, ConnectorSyncStatus status) implements Comparable<CreatedRun> {

    public CreatedRun {
        Objects.requireNonNull(syncLogId, "syncLogId");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(status, "status");
    }

    @Override
    public int compareTo(CreatedRun other) {
        return RunOrder.compare(createdAt, syncLogId, other.createdAt, other.syncLogId);
    }
}
