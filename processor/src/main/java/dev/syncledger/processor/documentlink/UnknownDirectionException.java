package dev.syncledger.processor.documentlink;

import dev.syncledger.processor.rejection.UnknownEnumValueException;
import java.util.UUID;

/** A well-formed event whose direction is neither input nor output: rejected as {@code unknown_enum_value}. */
public final class UnknownDirectionException extends UnknownEnumValueException {

    UnknownDirectionException(String direction, UUID eventId) {
        super("direction '" + direction + "' is not one of input, output", eventId);
    }

}
