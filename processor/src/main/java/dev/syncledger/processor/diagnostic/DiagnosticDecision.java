package dev.syncledger.processor.diagnostic;

import dev.syncledger.processor.rejection.Rejection;
import java.util.List;

/**
 * What one event does to a diagnostic_id: what to keep (null while nothing is accepted), whether that
 * changed, the rejections to publish (possibly of an earlier event it displaced), and whether the event was
 * dropped for arriving already past retention. The row is published from what is kept when the task commits.
 */
public record DiagnosticDecision(
        StoredDiagnostic stored,
        boolean storeChanged,
        List<Rejection> rejections,
        boolean expiredOnArrival) {

    public DiagnosticDecision {
        rejections = List.copyOf(rejections);
    }

    static DiagnosticDecision unchanged(StoredDiagnostic stored) {
        return new DiagnosticDecision(stored, false, List.of(), false);
    }

    static DiagnosticDecision rejected(StoredDiagnostic stored, Rejection rejection) {
        return new DiagnosticDecision(stored, false, List.of(rejection), false);
    }

    static DiagnosticDecision expired(StoredDiagnostic stored) {
        return new DiagnosticDecision(stored, false, List.of(), true);
    }
}
