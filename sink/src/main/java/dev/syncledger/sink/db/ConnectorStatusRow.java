package dev.syncledger.sink.db;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/** One row of connector_status as the state topic gives it: the connector and its workspace by their public ids. */
public record ConnectorStatusRow(
        UUID workspaceId,
        UUID workspaceConnectorId,
        UUID lastSyncLogId,
        String lastSyncStatus,
        Instant lastSyncCreatedAt,
        Instant lastSuccessAt,
        Instant lastErrorAt,
        String lastError,
        int consecutiveFailures,
        long totalRuns,
        long succeededRuns,
        long failedRuns,
        long recordsSyncedTotal,
        long activeFailureDiagnostics,
        long activeInformationalDiagnostics,
        long activeInputDocuments,
        long activeOutputDocuments,
        Instant updatedAt,
        long revision,
        String freshness,
        Long expectedIntervalMs,
        Instant nextExpectedAt,
        Instant freshnessChangedAt) {

    public ConnectorStatusRow {
        Objects.requireNonNull(workspaceId, "workspaceId");
        Objects.requireNonNull(workspaceConnectorId, "workspaceConnectorId");
        Objects.requireNonNull(updatedAt, "updatedAt");
        Objects.requireNonNull(freshness, "freshness");
    }
}
