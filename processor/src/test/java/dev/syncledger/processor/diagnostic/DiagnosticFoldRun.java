package dev.syncledger.processor.diagnostic;

import dev.syncledger.processor.rejection.Rejection;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Folds events one after another as the processor would, one stored state per diagnostic_id,
 * remembering every row emitted, every rejection and every event dropped as expired.
 */
final class DiagnosticFoldRun {

    private final DiagnosticFold fold = new DiagnosticFold();
    private final Instant retainedFrom;
    private final Map<UUID, StoredDiagnostic> stored = new HashMap<>();
    private long offset;
    final List<DiagnosticRow> emitted = new ArrayList<>();
    final List<Rejection> rejections = new ArrayList<>();
    int expiredOnArrival;

    DiagnosticFoldRun(Instant retainedFrom) {
        this.retainedFrom = retainedFrom;
    }

    /** Nothing expires: the bound is long before any test event. */
    static DiagnosticFoldRun of(DiagnosticEvents... events) {
        DiagnosticFoldRun run = new DiagnosticFoldRun(Instant.EPOCH);
        for (DiagnosticEvents event : events) {
            run.apply(event.domain());
        }
        return run;
    }

    static DiagnosticFoldRun of(Instant retainedFrom, List<DiagnosticEmitted> events) {
        DiagnosticFoldRun run = new DiagnosticFoldRun(retainedFrom);
        events.forEach(run::apply);
        return run;
    }

    DiagnosticDecision apply(DiagnosticEmitted event) {
        StoredDiagnostic before = stored.get(event.diagnosticId());
        DiagnosticDecision decision = fold.apply(before, event, DiagnosticEvents.origin(offset++, event.diagnosticId()), retainedFrom);
        if (decision.storeChanged()) {
            stored.put(event.diagnosticId(), decision.stored());
            if (before == null || !before.row().equals(decision.stored().row())) {
                emitted.add(decision.stored().row());
            }
        }
        rejections.addAll(decision.rejections());
        if (decision.expiredOnArrival()) {
            expiredOnArrival++;
        }
        return decision;
    }

    Optional<DiagnosticRow> row(UUID diagnosticId) {
        return Optional.ofNullable(stored.get(diagnosticId)).map(StoredDiagnostic::row);
    }

    DiagnosticRow rowOrFail() {
        return row(DiagnosticEvents.DIAGNOSTIC).orElseThrow(() -> new AssertionError("no row"));
    }

    Map<UUID, DiagnosticRow> rows() {
        Map<UUID, DiagnosticRow> rows = new HashMap<>();
        stored.forEach((id, kept) -> rows.put(id, kept.row()));
        return rows;
    }

    StoredDiagnostic stored(UUID diagnosticId) {
        return stored.get(diagnosticId);
    }
}
