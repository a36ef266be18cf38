package dev.syncledger.processor.rejection;

import java.util.UUID;

/** An input record that cannot become an event: it is rejected as {@code malformed} with this message. */
public final class MalformedEventException extends Exception {

    private final transient UUID eventId;

    public MalformedEventException(String message, UUID eventId) {
        super(message);
        this.eventId = eventId;
    }

    public MalformedEventException(String message) {
        this(message, null);
    }

    /** The event's id when it could be read before the problem was found, else null. */
    public UUID eventId() {
        return eventId;
    }
}
