package dev.syncledger.processor.synclog;

import dev.syncledger.processor.rejection.Rejection;
import dev.syncledger.processor.ledger.LedgerDecision;
import java.util.List;

/**
 * What one event does to a run: the ledger to keep (null when there is still none) and whether it changed, and
 * the rejections to publish, which may include earlier events it displaced. The row is published from the
 * ledger when the task commits, once however many events changed it.
 */
public record SyncLogDecision(SyncLogLedger ledger, boolean ledgerChanged, List<Rejection> rejections)
        implements LedgerDecision<SyncLogLedger> {

    public SyncLogDecision {
        rejections = List.copyOf(rejections);
    }

    static SyncLogDecision unchanged(SyncLogLedger ledger) {
        return new SyncLogDecision(ledger, false, List.of());
    }

    static SyncLogDecision rejected(SyncLogLedger ledger, Rejection rejection) {
        return new SyncLogDecision(ledger, false, List.of(rejection));
    }
}
