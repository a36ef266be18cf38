package dev.syncledger.processor.diagnostic;

import dev.syncledger.processor.identity.UuidOrder;

import dev.syncledger.processor.rejection.EventOrigin;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * What the processor keeps about one diagnostic_id: the accepted event's id, its row, and its position
 * (an event with a lower id may still displace it, and the displaced event's rejection points at it);
 * plus the ids of the events already rejected as conflicting, so that their redelivery changes nothing
 * and publishes nothing twice.
 */
public record StoredDiagnostic(UUID acceptedEventId, DiagnosticRow row, EventOrigin origin, List<UUID> conflictingEventIds) {

    public StoredDiagnostic {
        Objects.requireNonNull(acceptedEventId, "acceptedEventId");
        Objects.requireNonNull(row, "row");
        Objects.requireNonNull(origin, "origin");
        List<UUID> sorted = new ArrayList<>(conflictingEventIds);
        sorted.sort(UuidOrder.LOWER_FIRST);
        conflictingEventIds = List.copyOf(sorted);
    }

    static StoredDiagnostic accepted(DiagnosticEmitted event, EventOrigin origin) {
        return new StoredDiagnostic(event.eventId(), DiagnosticRow.of(event), origin.withoutValue(), List.of());
    }

    boolean hasSeen(UUID eventId) {
        return acceptedEventId.equals(eventId) || conflictingEventIds.contains(eventId);
    }

    StoredDiagnostic withConflicting(UUID eventId) {
        List<UUID> ids = new ArrayList<>(conflictingEventIds);
        ids.add(eventId);
        return new StoredDiagnostic(acceptedEventId, row, origin, ids);
    }

    /** The event that displaces this one, remembering this one as conflicting. */
    StoredDiagnostic displacedBy(DiagnosticEmitted event, EventOrigin eventOrigin) {
        List<UUID> ids = new ArrayList<>(conflictingEventIds);
        ids.add(acceptedEventId);
        return new StoredDiagnostic(event.eventId(), DiagnosticRow.of(event), eventOrigin.withoutValue(), ids);
    }
}
