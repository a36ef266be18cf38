package dev.syncledger.sink.db;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/** One row of connector_alerts as an alert transition gives it: the connector and its workspace by their public ids. */
public record AlertRow(
        UUID alertId,
        UUID workspaceId,
        UUID workspaceConnectorId,
        String kind,
        String state,
        Instant openedAt,
        Instant resolvedAt,
        String details) {

    public AlertRow {
        Objects.requireNonNull(alertId, "alertId");
        Objects.requireNonNull(workspaceId, "workspaceId");
        Objects.requireNonNull(workspaceConnectorId, "workspaceConnectorId");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(openedAt, "openedAt");
        Objects.requireNonNull(details, "details");
    }
}
