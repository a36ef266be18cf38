package dev.syncledger.processor.documentlink;

import dev.syncledger.processor.ledger.LedgerRules;
import dev.syncledger.processor.rejection.Rejection;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Folds one link's events one after another as the processor would, committing after each: it remembers the
 * row each time it changed (what a commit flush publishes), with its revision, and every rejection.
 */
final class LinkFoldRun {

    private final DocumentLinkFold fold;
    private DocumentLinkLedger ledger;
    private Instant clock;
    private long offset;
    final List<DocumentLinkRow> emitted = new ArrayList<>();
    final List<Long> revisions = new ArrayList<>();
    final List<Rejection> rejections = new ArrayList<>();

    LinkFoldRun(LedgerRules rules) {
        this.fold = new DocumentLinkFold(rules);
    }

    LinkFoldRun() {
        this(LedgerRules.defaults());
    }

    static LinkFoldRun of(DocumentLinkEvents... events) {
        LinkFoldRun run = new LinkFoldRun();
        for (DocumentLinkEvents event : events) {
            run.apply(event.domain());
        }
        return run;
    }

    static LinkFoldRun of(List<LinkEvent> events) {
        LinkFoldRun run = new LinkFoldRun();
        events.forEach(run::apply);
        return run;
    }

    DocumentLinkDecision apply(LinkEvent event) {
        clock = clock == null || event.occurredAt().isAfter(clock) ? event.occurredAt() : clock;
        long revisionBefore = ledger == null ? 0 : ledger.revision();
        DocumentLinkDecision decision = fold.apply(ledger, event, DocumentLinkEvents.origin(offset++), clock);
        if (decision.ledgerChanged()) {
            ledger = decision.ledger();
            if (ledger.revision() != revisionBefore) {
                ledger.row().ifPresent(row -> {
                    emitted.add(row);
                    revisions.add(ledger.revision());
                });
            }
        }
        rejections.addAll(decision.rejections());
        return decision;
    }

    Optional<DocumentLinkRow> row() {
        return ledger == null ? Optional.empty() : ledger.row();
    }

    DocumentLinkRow rowOrFail() {
        return row().orElseThrow(() -> new AssertionError("no row"));
    }

    DocumentLinkLedger ledger() {
        return ledger;
    }
}
