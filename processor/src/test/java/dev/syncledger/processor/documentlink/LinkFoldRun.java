package dev.syncledger.processor.documentlink;

import dev.syncledger.processor.rejection.Rejection;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Folds one link's events one after another as the processor would, remembering every row emitted and every rejection. */
final class LinkFoldRun {

    private final DocumentLinkFold fold = new DocumentLinkFold();
    private DocumentLinkLedger ledger;
    private long offset;
    final List<DocumentLinkRow> emitted = new ArrayList<>();
    final List<Long> revisions = new ArrayList<>();
    final List<Rejection> rejections = new ArrayList<>();

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
        DocumentLinkDecision decision = fold.apply(ledger, event, DocumentLinkEvents.origin(offset++));
        if (decision.ledgerChanged()) {
            ledger = decision.ledger();
        }
        decision.changedRow().ifPresent(row -> {
            emitted.add(row);
            revisions.add(decision.revision());
        });
        decision.rejection().ifPresent(rejections::add);
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
