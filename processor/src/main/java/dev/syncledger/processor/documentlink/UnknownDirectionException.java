package dev.syncledger.processor.documentlink;

import dev.syncledger.processor.rejection.UnknownEnumValueException;
import dev.syncledger.schemas.text.OneLine;
import java.util.UUID;

/** A well-formed event whose direction is neither input nor output: rejected as {@code unknown_enum_value}. */
public final class UnknownDirectionException extends UnknownEnumValueException {

    UnknownDirectionException(String direction, UUID eventId) {
        super("direction " + OneLine.quote(direction, 80) + " is not one of input, output", eventId);
    }

}
