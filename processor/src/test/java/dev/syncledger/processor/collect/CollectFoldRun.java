package dev.syncledger.processor.collect;

import dev.syncledger.processor.ledger.LedgerRules;
import dev.syncledger.processor.rejection.Rejection;
import dev.syncledger.processor.synclog.SyncLogRow;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Folds collect events one after another as the processor would, committing after each: it remembers every
 * collect row and sync log change a commit flush publishes, and every rejection.
 */
final class CollectFoldRun {

    private final CollectFold fold;
    private CollectLedger ledger;
    private Instant clock;
    private long offset;
    final List<CollectRow> emitted = new ArrayList<>();
    final List<SyncLogUpdate> syncLogUpdates = new ArrayList<>();
    final List<Rejection> rejections = new ArrayList<>();
    /** Rejections of events accepted earlier, announced when a later event displaced them. */
    final List<Rejection> retractions = new ArrayList<>();
    boolean rowEverVanished;

    CollectFoldRun(LedgerRules rules) {
        this.fold = new CollectFold(rules);
    }

    CollectFoldRun() {
        this(LedgerRules.defaults());
    }

    static CollectFoldRun of(CollectEvents... events) {
        CollectFoldRun run = new CollectFoldRun();
        for (CollectEvents event : events) {
            run.apply(event.domain());
        }
        return run;
    }

    static CollectFoldRun of(List<CollectChange> events) {
        CollectFoldRun run = new CollectFoldRun();
        events.forEach(run::apply);
        return run;
    }

    CollectDecision apply(CollectEvents event) {
        return apply(event.domain());
    }

    CollectDecision apply(CollectChange event) {
        clock = clock == null || event.occurredAt().isAfter(clock) ? event.occurredAt() : clock;
        boolean hadRow = row().isPresent();
        CollectLedger before = ledger;
        CollectDecision decision = fold.apply(ledger, event, CollectEvents.origin(offset++), clock);
        if (decision.ledgerChanged()) {
            ledger = decision.ledger();
            if (before == null || before.revision() != ledger.revision()) {
                ledger.row().ifPresent(emitted::add);
            }
            if (before == null ? ledger.syncLogRevision() > 0 : before.syncLogRevision() != ledger.syncLogRevision()) {
                syncLogUpdates.add(new SyncLogUpdate(CollectSyncLog.idOf(ledger.collectId()), ledger.syncLog(), ledger.syncLogRevision()));
            }
        }
        rowEverVanished |= hadRow && row().isEmpty();
        decision.rejections().stream().filter(r -> !event.eventId().equals(r.eventId())).forEach(retractions::add);
        rejections.addAll(decision.rejections());
        return decision;
    }

    Optional<CollectRow> row() {
        return ledger == null ? Optional.empty() : ledger.row();
    }

    CollectRow rowOrFail() {
        return row().orElseThrow(() -> new AssertionError("no collect row"));
    }

    Optional<SyncLogRow> syncLog() {
        return ledger == null ? Optional.empty() : ledger.syncLog();
    }

    SyncLogRow syncLogOrFail() {
        return syncLog().orElseThrow(() -> new AssertionError("no sync log"));
    }

    /** What the compacted sync-log topic ends up holding for this collect: the last update, a tombstone being empty. */
    Optional<SyncLogRow> lastPublishedSyncLog() {
        return syncLogUpdates.isEmpty() ? Optional.empty() : syncLogUpdates.get(syncLogUpdates.size() - 1).row();
    }

    CollectLedger ledger() {
        return ledger;
    }
}
