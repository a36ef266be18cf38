package dev.syncledger.processor.status;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/** One document link; it counts while {@code active}, i.e. while its deleted_at is null. */
public record DocumentLinkContribution(UUID workspaceConnectorId, UUID workspaceId, Instant seenAt, String direction, boolean active)
        implements Contribution {

    public static final String INPUT = "input";
    public static final String OUTPUT = "output";

    public DocumentLinkContribution {
        Objects.requireNonNull(workspaceConnectorId, "workspaceConnectorId");
        Objects.requireNonNull(workspaceId, "workspaceId");
        Objects.requireNonNull(seenAt, "seenAt");
        Objects.requireNonNull(direction, "direction");
    }

    boolean countsAsInput() {
        return active && INPUT.equals(direction);
    }

    boolean countsAsOutput() {
        return active && OUTPUT.equals(direction);
    }
}
