package dev.syncledger.processor.rejection;

import java.util.Objects;
import java.util.UUID;

/**
 * A refused event: why, one line for a person, and where it came from. eventId is null when it could not be read.
 *
 * @param workspaceId the workspace the refused event names, as its publisher claimed it; null when not known here.
 *                    A fold sets it only for an event other than the one it is folding (one it displaced or forgot);
 *                    the ledger processor gives the event it is handling its own claim, and anything else none.
 */
public record Rejection(RejectionReason reason, String message, UUID eventId, EventOrigin origin, UUID workspaceId) {

    public Rejection {
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(origin, "origin");
    }

    /** A rejection whose workspace is decided by who publishes it. */
    public Rejection(RejectionReason reason, String message, UUID eventId, EventOrigin origin) {
        this(reason, message, eventId, origin, null);
    }

    public Rejection withWorkspace(UUID workspace) {
        return new Rejection(reason, message, eventId, origin, workspace);
    }
}
