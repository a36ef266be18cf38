package dev.syncledger.processor.synclog;

import dev.syncledger.processor.ledger.LedgerRules;
import dev.syncledger.processor.rejection.Rejection;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Folds events one after another as the processor would, committing after each: it remembers the row each
 * time it changed (what a commit flush publishes) and every rejection. The clock is the greatest occurred_at so far.
 */
final class FoldRun {

    private final SyncLogFold fold;
    private SyncLogLedger ledger;
    private Instant clock;
    private long offset;
    final List<SyncLogRow> emitted = new ArrayList<>();
    final List<Rejection> rejections = new ArrayList<>();

    FoldRun(LedgerRules rules) {
        this.fold = new SyncLogFold(rules);
    }

    FoldRun() {
        this(LedgerRules.defaults());
    }

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
        clock = clock == null || event.occurredAt().isAfter(clock) ? event.occurredAt() : clock;
        long revisionBefore = ledger == null ? 0 : ledger.revision();
        SyncLogDecision decision = fold.apply(ledger, event, SyncRunEvents.origin(offset++), clock);
        if (decision.ledgerChanged()) {
            ledger = decision.ledger();
            if (ledger.revision() != revisionBefore) {
                ledger.row().ifPresent(emitted::add);
            }
        }
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
