package dev.syncledger.processor.documentlink;

import static dev.syncledger.processor.rejection.RejectionReason.WORKSPACE_MISMATCH;

import dev.syncledger.processor.rejection.EventOrigin;
import dev.syncledger.processor.rejection.Rejection;
import java.util.Objects;
import java.util.Optional;

/**
 * Folds one document-link event into the ledger of its (document, connector, direction): a pure
 * function of (ledger, event), no Kafka and no clock in it.
 * <ol>
 *   <li>an event naming another workspace than the link's first accepted event is a
 *       {@code workspace_mismatch} and changes nothing;</li>
 *   <li>otherwise created_at is the earliest link, updated_at the latest event's occurred_at (by
 *       occurred_at, then event id), and deleted_at that same time when the latest event is an unlink;</li>
 *   <li>there is no row until a link is accepted; the revision moves with every row emitted.</li>
 * </ol>
 * A redelivered event leaves the minimum and the maximum where they were, so it changes nothing.
 */
public final class DocumentLinkFold {

    public DocumentLinkDecision apply(DocumentLinkLedger ledger, LinkEvent event, EventOrigin origin) {
        if (ledger == null) {
            return takeIn(null, DocumentLinkLedger.startedBy(event));
        }
        if (!ledger.belongsTo(event)) {
            return DocumentLinkDecision.rejected(ledger, new Rejection(WORKSPACE_MISMATCH,
                    "document " + event.key().documentId() + " is linked to connector " + event.key().workspaceConnectorId()
                            + " (" + event.key().direction().code() + ") in workspace " + ledger.workspaceId()
                            + "; this event names workspace " + event.workspaceId(),
                    event.eventId(), origin));
        }
        DocumentLinkLedger next = ledger.with(event);
        if (next.equals(ledger)) {
            return DocumentLinkDecision.unchanged(ledger);
        }
        return takeIn(ledger, next);
    }

    private static DocumentLinkDecision takeIn(DocumentLinkLedger before, DocumentLinkLedger next) {
        Optional<DocumentLinkRow> rowBefore = before == null ? Optional.empty() : before.row();
        Optional<DocumentLinkRow> rowAfter = next.row();
        if (Objects.equals(rowBefore, rowAfter)) {
            return new DocumentLinkDecision(next, true, Optional.empty(), Optional.empty());
        }
        return new DocumentLinkDecision(next.atRevision(next.revision() + 1), true, rowAfter, Optional.empty());
    }
}
