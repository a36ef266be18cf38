package dev.syncledger.processor.collect;

import java.util.UUID;

/** A status change whose status is none of collect_status_enum's values: rejected as {@code unknown_enum_value}. */
public final class UnknownCollectStatusException extends Exception {

    private final transient UUID eventId;

    UnknownCollectStatusException(String status, UUID eventId) {
        super("status '" + status + "' is not one of todo, in_progress, finalized, error");
        this.eventId = eventId;
    }

    public UUID eventId() {
        return eventId;
    }
}
