package dev.syncledger.processor.status;

import dev.syncledger.schemas.ConnectorSyncStatus;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/** A sync log as the status sees it; {@code recordsSynced} is already read from the metadata. */
public record RunContribution(
        UUID workspaceConnectorId,
        UUID workspaceId,
        Instant seenAt,
        UUID syncLogId,
        ConnectorSyncStatus status,
        Instant createdAt,
        Instant completedAt,
        String error,
        boolean deleted,
        long recordsSynced) implements Contribution {

    public RunContribution {
        Objects.requireNonNull(workspaceConnectorId, "workspaceConnectorId");
        Objects.requireNonNull(workspaceId, "workspaceId");
        Objects.requireNonNull(seenAt, "seenAt");
        Objects.requireNonNull(syncLogId, "syncLogId");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(createdAt, "createdAt");
    }

    /** A soft-deleted run no longer counts anywhere in the status. */
    public boolean counted() {
        return !deleted;
    }

    public Optional<RunOutcome> outcome() {
        return RunOutcome.of(status);
    }

    public CreatedRun created() {
        return new CreatedRun(syncLogId, createdAt, status);
    }

    /**
     * Ordered by completed_at; a terminal row without one (the sync-run fold always sets it, another
     * producer of sync logs might not) falls back to created_at, which never moves once the run is known.
     */
    public Optional<FinishedRun> finished() {
        return outcome().map(outcome -> new FinishedRun(syncLogId, completedAt != null ? completedAt : createdAt, error));
    }
}
