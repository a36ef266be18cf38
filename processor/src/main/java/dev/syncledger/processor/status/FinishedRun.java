package dev.syncledger.processor.status;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/** A counted run that ended in success or error, in the index by (completed_at, sync_log_id). */
public record FinishedRun(UUID syncLogId, Instant completedAt, String error) implements Comparable<FinishedRun> {

    public FinishedRun {
        Objects.requireNonNull(syncLogId, "syncLogId");
        Objects.requireNonNull(completedAt, "completedAt");
    }

    @Override
    public int compareTo(FinishedRun other) {
        return RunOrder.compare(completedAt, syncLogId, other.completedAt, other.syncLogId);
    }
}
