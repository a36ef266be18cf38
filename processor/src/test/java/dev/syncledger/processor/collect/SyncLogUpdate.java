package dev.syncledger.processor.collect;

import dev.syncledger.processor.synclog.SyncLogRow;
import java.util.Optional;
import java.util.UUID;

/** A change of the sync log a collect produces, as a commit flush publishes it: a row, or a tombstone when empty. */
record SyncLogUpdate(UUID syncLogId, Optional<SyncLogRow> row, long revision) {}
