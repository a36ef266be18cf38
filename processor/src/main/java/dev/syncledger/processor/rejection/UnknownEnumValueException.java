package dev.syncledger.processor.rejection;

import java.util.UUID;

/**
 * An event whose enum value this version does not know: rejected as {@code unknown_enum_value}, with
 * the raw event kept so that it can be replayed once an upgrade knows the value.
 */
public abstract class UnknownEnumValueException extends Exception {

    private final transient UUID eventId;

    protected UnknownEnumValueException(String message, UUID eventId) {
        super(message);
        this.eventId = eventId;
    }

    public UUID eventId() {
        return eventId;
    }
}
