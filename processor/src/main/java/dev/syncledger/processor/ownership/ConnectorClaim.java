package dev.syncledger.processor.ownership;

import java.util.Objects;
import java.util.UUID;

/**
 * A ledger task asks a connector's task whose the connector is, on behalf of the first event it holds that
 * names it, and says which of its partitions the answer must come back to.
 */
public record ConnectorClaim(UUID workspaceConnectorId, UUID workspaceId, int claimantPartition) {

    public ConnectorClaim {
        Objects.requireNonNull(workspaceConnectorId, "workspaceConnectorId");
        Objects.requireNonNull(workspaceId, "workspaceId");
    }
}
