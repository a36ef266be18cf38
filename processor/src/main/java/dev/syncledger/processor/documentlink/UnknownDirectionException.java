package dev.syncledger.processor.documentlink;

import java.util.UUID;

/** A well-formed event whose direction is neither input nor output: rejected as {@code unknown_enum_value}. */
public final class UnknownDirectionException extends Exception {

    private final transient UUID eventId;

    UnknownDirectionException(String direction, UUID eventId) {
        super("direction '" + direction + "' is not one of input, output");
        this.eventId = eventId;
    }

    public UUID eventId() {
        return eventId;
    }
}
