package dev.syncledger.processor.collect;

import dev.syncledger.processor.synclog.SyncLogRow;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * A change of the sync log a collect produces. An empty row means the sync log no longer exists (its
 * end or its workspace connector was displaced) and is published as a tombstone, so that the final
 * state is the same as if it had never been produced.
 */
public record SyncLogUpdate(UUID syncLogId, Optional<SyncLogRow> row, long revision) {

    public SyncLogUpdate {
        Objects.requireNonNull(syncLogId, "syncLogId");
        Objects.requireNonNull(row, "row");
    }
}
