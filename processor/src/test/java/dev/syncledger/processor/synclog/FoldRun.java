package dev.syncledger.processor.synclog;

import dev.syncledger.processor.rejection.Rejection;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Folds events one after another as the processor would, remembering every row emitted and every rejection. */
final class FoldRun {

    private final SyncLogFold fold = new SyncLogFold();
    private SyncLogLedger ledger;
    private long offset;
    final List<SyncLogRow> emitted = new ArrayList<>();
    final List<Rejection> rejections = new ArrayList<>();

    static FoldRun of(SyncRunEvents... events) {
        FoldRun run = new FoldRun();
        for (SyncRunEvents event : events) {
            run.apply(event.domain());
        }
        return run;
    }

    static FoldRun of(List<SyncLogEvent> events) {
        FoldRun run = new FoldRun();
        events.forEach(run::apply);
        return run;
    }

    SyncLogDecision apply(SyncLogEvent event) {
        SyncLogDecision decision = fold.apply(ledger, event, SyncRunEvents.origin(offset++));
        if (decision.ledgerChanged()) {
            ledger = decision.ledger();
        }
        decision.changedRow().ifPresent(emitted::add);
        rejections.addAll(decision.rejections());
        return decision;
    }

    Optional<SyncLogRow> row() {
        return ledger == null ? Optional.empty() : ledger.row();
    }

    SyncLogRow rowOrFail() {
        return row().orElseThrow(() -> new AssertionError("no row"));
    }

    SyncLogLedger ledger() {
        return ledger;
    }
}
