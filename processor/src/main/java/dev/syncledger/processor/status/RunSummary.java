package dev.syncledger.processor.status;

import dev.syncledger.schemas.ConnectorSyncStatus;
import java.time.Instant;
import java.util.UUID;

/** The part of a connector's status read from its newest runs. */
public record RunSummary(
        UUID lastSyncLogId,
        ConnectorSyncStatus lastSyncStatus,
        Instant lastSyncCreatedAt,
        Instant lastSuccessAt,
        Instant lastErrorAt,
        String lastError,
        int consecutiveFailures) {

    public static final RunSummary NO_RUNS = new RunSummary(null, null, null, null, null, null, 0);
}
