package dev.syncledger.processor.documentlink;

import dev.syncledger.processor.rejection.Rejection;
import dev.syncledger.processor.ledger.LedgerDecision;
import java.util.List;

/**
 * What one event does to a link: the ledger to keep (null when there is still none), whether it must be
 * stored, and the rejections to publish. The row is published from the ledger when the task commits.
 */
public record DocumentLinkDecision(DocumentLinkLedger ledger, boolean ledgerChanged, List<Rejection> rejections)
        implements LedgerDecision<DocumentLinkLedger> {

    public DocumentLinkDecision {
        rejections = List.copyOf(rejections);
    }

    static DocumentLinkDecision unchanged(DocumentLinkLedger ledger) {
        return new DocumentLinkDecision(ledger, false, List.of());
    }

    static DocumentLinkDecision rejected(DocumentLinkLedger ledger, Rejection rejection) {
        return new DocumentLinkDecision(ledger, false, List.of(rejection));
    }
}
