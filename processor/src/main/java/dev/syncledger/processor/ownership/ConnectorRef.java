package dev.syncledger.processor.ownership;

import java.util.Objects;
import java.util.UUID;

/** The connector an event names and the workspace it says the connector is in: what the gate checks. */
public record ConnectorRef(UUID workspaceConnectorId, UUID workspaceId) {

    public ConnectorRef {
        Objects.requireNonNull(workspaceConnectorId, "workspaceConnectorId");
        Objects.requireNonNull(workspaceId, "workspaceId");
    }
}
