package dev.syncledger.sink.db;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/** One row of collects as the state topic gives it: workspace, people and task by their public ids. */
public record CollectRow(
        UUID collectId,
        UUID workspaceId,
        UUID peopleId,
        UUID taskId,
        String provider,
        String status,
        Instant startedAt,
        Instant endedAt,
        Instant createdAt,
        Instant updatedAt,
        Instant deletedAt,
        long revision) {

    public CollectRow {
        Objects.requireNonNull(collectId, "collectId");
        Objects.requireNonNull(workspaceId, "workspaceId");
        Objects.requireNonNull(peopleId, "peopleId");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(createdAt, "createdAt");
    }
}
