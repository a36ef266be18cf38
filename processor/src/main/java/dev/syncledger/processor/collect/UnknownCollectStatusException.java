package dev.syncledger.processor.collect;

import dev.syncledger.processor.rejection.UnknownEnumValueException;
import dev.syncledger.schemas.text.OneLine;
import java.util.UUID;

/** A status change whose status is none of collect_status_enum's values: rejected as {@code unknown_enum_value}. */
public final class UnknownCollectStatusException extends UnknownEnumValueException {

    UnknownCollectStatusException(String status, UUID eventId) {
        super("status " + OneLine.quote(status, 80) + " is not one of todo, in_progress, finalized, error", eventId);
    }

}
