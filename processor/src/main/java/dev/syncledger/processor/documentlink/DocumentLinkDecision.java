package dev.syncledger.processor.documentlink;

import dev.syncledger.processor.rejection.Rejection;
import java.util.Optional;

/**
 * What one event does to a link: the ledger to keep (null when there is still none), whether it must
 * be stored, the row to emit when it changed, and the event's rejection when it was refused.
 */
public record DocumentLinkDecision(
        DocumentLinkLedger ledger, boolean ledgerChanged, Optional<DocumentLinkRow> changedRow, Optional<Rejection> rejection) {

    static DocumentLinkDecision unchanged(DocumentLinkLedger ledger) {
        return new DocumentLinkDecision(ledger, false, Optional.empty(), Optional.empty());
    }

    static DocumentLinkDecision rejected(DocumentLinkLedger ledger, Rejection rejection) {
        return new DocumentLinkDecision(ledger, false, Optional.empty(), Optional.of(rejection));
    }

    /** The revision the emitted row carries: the sink never lets a lower one overwrite a higher one. */
    public long revision() {
        return ledger == null ? 0 : ledger.revision();
    }
}
