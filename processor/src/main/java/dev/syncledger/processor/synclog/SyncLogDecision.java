package dev.syncledger.processor.synclog;

import dev.syncledger.processor.rejection.Rejection;
import java.util.List;
import java.util.Optional;

/**
 * What one event does to a run: the ledger to keep (null when there is still none), the row to emit
 * when it changed, and the rejections to publish, which may include an earlier event it displaced.
 */
public record SyncLogDecision(SyncLogLedger ledger, boolean ledgerChanged, Optional<SyncLogRow> changedRow, List<Rejection> rejections) {

    public SyncLogDecision {
        rejections = List.copyOf(rejections);
    }

    static SyncLogDecision unchanged(SyncLogLedger ledger) {
        return new SyncLogDecision(ledger, false, Optional.empty(), List.of());
    }

    static SyncLogDecision rejected(SyncLogLedger ledger, Rejection rejection) {
        return new SyncLogDecision(ledger, false, Optional.empty(), List.of(rejection));
    }

    /** The revision the emitted row carries: the sink never lets a lower one overwrite a higher one. */
    public long revision() {
        return ledger == null ? 0 : ledger.revision();
    }
}
