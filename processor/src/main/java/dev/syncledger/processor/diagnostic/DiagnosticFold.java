package dev.syncledger.processor.diagnostic;

import dev.syncledger.processor.identity.UuidOrder;

import static dev.syncledger.processor.rejection.RejectionReason.CONFLICTING_DIAGNOSTIC;
import static dev.syncledger.processor.rejection.RejectionReason.TOO_MANY_EVENTS;
import static dev.syncledger.processor.rejection.RejectionReason.WORKSPACE_MISMATCH;

import dev.syncledger.processor.rejection.EventOrigin;
import dev.syncledger.processor.rejection.Rejection;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Folds one diagnostic.emitted event into what is kept for its diagnostic_id: a pure function, no
 * Kafka and no clock in it (the retention bound is given). The rules, in the order they are applied:
 * <ol>
 *   <li>an event id already taken in, accepted or rejected as conflicting, changes nothing;</li>
 *   <li>an event wrong on its own is rejected ({@code unknown_enum_value}, {@code invalid_http_status},
 *       {@code missing_detail}), even when it is also past retention;</li>
 *   <li>an event whose occurred_at is before {@code retainedFrom} is dropped and counted, not rejected;</li>
 *   <li>a diagnostic_id belongs to the workspace and connector of the event that recorded it: another workspace's or
 *       connector's event for it is a {@code workspace_mismatch}, whatever its event id, so no tenant can displace
 *       another's row by reusing its id;</li>
 *   <li>of two different events with the same diagnostic_id the lower event id wins and the other is a
 *       {@code conflicting_diagnostic}, even when it was accepted first: then its rejection is published
 *       with its own origin and the winner's row replaces its row.</li>
 * </ol>
 * So for a fixed retention bound the kept row is that of the lowest valid event id, whatever the order.
 */
public final class DiagnosticFold {

    /** How many conflicting event ids a diagnostic_id remembers, so that their redeliveries change nothing. */
    static final int MAX_CONFLICTING_EVENTS = 1_000;

    public DiagnosticDecision apply(StoredDiagnostic stored, DiagnosticEmitted event, EventOrigin origin, Instant retainedFrom) {
        if (stored != null && stored.hasSeen(event.eventId())) {
            return DiagnosticDecision.unchanged(stored);
        }
        Optional<Rejection> wrongAlone = DiagnosticChecks.judgeAlone(event, origin);
        if (wrongAlone.isPresent()) {
            return DiagnosticDecision.rejected(stored, wrongAlone.get());
        }
        if (event.occurredAt().isBefore(retainedFrom)) {
            return DiagnosticDecision.expired(stored);
        }
        if (stored == null) {
            return new DiagnosticDecision(StoredDiagnostic.accepted(event, origin), true, List.of(), false);
        }
        DiagnosticRow recorded = stored.row();
        if (!recorded.workspaceId().equals(event.workspaceId()) || !recorded.workspaceConnectorId().equals(event.workspaceConnectorId())) {
            return DiagnosticDecision.rejected(stored, new Rejection(WORKSPACE_MISMATCH, "diagnostic " + event.diagnosticId()
                    + " belongs to workspace " + recorded.workspaceId() + " and connector " + recorded.workspaceConnectorId()
                    + "; this event names workspace " + event.workspaceId() + " and connector " + event.workspaceConnectorId(),
                    event.eventId(), origin));
        }
        if (UuidOrder.isLower(event.eventId(), stored.acceptedEventId())) {
            return displace(stored, event, origin);
        }
        if (stored.conflictingEventIds().size() >= MAX_CONFLICTING_EVENTS) {
            return DiagnosticDecision.rejected(stored, new Rejection(TOO_MANY_EVENTS, "diagnostic " + event.diagnosticId()
                    + " already turned down " + MAX_CONFLICTING_EVENTS + " conflicting events, the most it remembers",
                    event.eventId(), origin));
        }
        Rejection conflicting = new Rejection(CONFLICTING_DIAGNOSTIC, "diagnostic " + event.diagnosticId()
                + " is already recorded by event " + stored.acceptedEventId() + ", whose lower event id wins over this one",
                event.eventId(), origin);
        return new DiagnosticDecision(stored.withConflicting(event.eventId()), true, List.of(conflicting), false);
    }

    private static DiagnosticDecision displace(StoredDiagnostic stored, DiagnosticEmitted event, EventOrigin origin) {
        StoredDiagnostic next = stored.displacedBy(event, origin);
        Rejection displaced = new Rejection(CONFLICTING_DIAGNOSTIC, "diagnostic " + event.diagnosticId()
                + " is recorded by event " + event.eventId() + ", whose lower event id wins over this one, accepted earlier",
                stored.acceptedEventId(), stored.origin()).withWorkspace(stored.row().workspaceId());
        return new DiagnosticDecision(next, true, List.of(displaced), false);
    }
}
