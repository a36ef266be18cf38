package dev.syncledger.app.demo;

import java.time.OffsetDateTime;
import java.util.UUID;

/** A row of dashboards/worst_connectors.sql: a connector failing now, and what it last said. */
record WorstConnector(UUID workspaceConnectorId, int consecutiveFailures, long failedRuns, long totalRuns,
                      OffsetDateTime lastErrorAt, String lastError, OffsetDateTime lastSuccessAt) {}
