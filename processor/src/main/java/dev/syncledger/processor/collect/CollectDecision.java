package dev.syncledger.processor.collect;

import dev.syncledger.processor.rejection.Rejection;
import dev.syncledger.processor.ledger.LedgerDecision;
import java.util.List;

/**
 * What one event does to a collect: the ledger to keep (null when there is still none) and whether it
 * changed, and the rejections to publish, which may include an earlier event it displaced. The collect row
 * and the sync log it produces are published from the ledger when the task commits.
 */
public record CollectDecision(CollectLedger ledger, boolean ledgerChanged, List<Rejection> rejections)
        implements LedgerDecision<CollectLedger> {

    public CollectDecision {
        rejections = List.copyOf(rejections);
    }

    static CollectDecision unchanged(CollectLedger ledger) {
        return new CollectDecision(ledger, false, List.of());
    }

    static CollectDecision rejected(CollectLedger ledger, Rejection rejection) {
        return new CollectDecision(ledger, false, List.of(rejection));
    }
}
