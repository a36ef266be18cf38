package dev.syncledger.processor.status;

import java.util.Objects;
import java.util.UUID;

/** One row of connector_status, without the revision: what is kept by counting and what is read from the runs. */
public record ConnectorStatusRow(UUID workspaceConnectorId, ConnectorTotals totals, RunSummary runs) {

    public ConnectorStatusRow {
        Objects.requireNonNull(workspaceConnectorId, "workspaceConnectorId");
        Objects.requireNonNull(totals, "totals");
        Objects.requireNonNull(runs, "runs");
    }
}
