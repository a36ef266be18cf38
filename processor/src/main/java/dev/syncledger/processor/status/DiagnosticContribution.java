package dev.syncledger.processor.status;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/** A diagnostic within retention; a pruned one is no contribution at all. */
public record DiagnosticContribution(UUID workspaceConnectorId, UUID workspaceId, Instant seenAt, boolean informational)
        implements Contribution {

    public DiagnosticContribution {
        Objects.requireNonNull(workspaceConnectorId, "workspaceConnectorId");
        Objects.requireNonNull(workspaceId, "workspaceId");
        Objects.requireNonNull(seenAt, "seenAt");
    }
}
