package dev.syncledger.processor.collect;

import dev.syncledger.processor.rejection.Rejection;
import java.util.List;
import java.util.Optional;

/**
 * What one event does to a collect: the ledger to keep (null when there is still none), the collect
 * row to emit when it changed, the produced sync log to emit when it changed, and the rejections to
 * publish, which may include an earlier event it displaced.
 */
public record CollectDecision(
        CollectLedger ledger,
        boolean ledgerChanged,
        Optional<CollectRow> changedRow,
        Optional<SyncLogUpdate> syncLogUpdate,
        List<Rejection> rejections) {

    public CollectDecision {
        rejections = List.copyOf(rejections);
    }

    static CollectDecision unchanged(CollectLedger ledger) {
        return new CollectDecision(ledger, false, Optional.empty(), Optional.empty(), List.of());
    }

    static CollectDecision rejected(CollectLedger ledger, Rejection rejection) {
        return new CollectDecision(ledger, false, Optional.empty(), Optional.empty(), List.of(rejection));
    }

    /** The revision the emitted collect row carries: the sink never lets a lower one overwrite a higher one. */
    public long revision() {
        return ledger == null ? 0 : ledger.revision();
    }
}
