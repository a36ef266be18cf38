package dev.syncledger.processor.rejection;

import java.util.Objects;
import java.util.UUID;

/** A refused event: why, one line for a person, and where it came from. eventId is null when it could not be read. */
public record Rejection(RejectionReason reason, String message, UUID eventId, EventOrigin origin) {

    public Rejection {
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(origin, "origin");
    }
}
