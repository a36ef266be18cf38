package dev.syncledger.processor.documentlink;

import static dev.syncledger.processor.rejection.RejectionReason.ARRIVED_AFTER_HORIZON;
import static dev.syncledger.processor.rejection.RejectionReason.WORKSPACE_MISMATCH;

import dev.syncledger.processor.ledger.LedgerRules;
import dev.syncledger.processor.rejection.EventOrigin;
import dev.syncledger.processor.rejection.Rejection;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * Folds one document-link event into the ledger of its (document, connector, direction): a pure
 * function of (ledger, event, clock), no Kafka and no clock read in it.
 * <ol>
 *   <li>a ledger quiet for the horizon ({@link LedgerRules}) is no longer held;</li>
 *   <li>an event for a link not held that is more than the horizon old is {@code arrived_after_horizon};</li>
 *   <li>an event naming another workspace than the link's first accepted event is a
 *       {@code workspace_mismatch} and changes nothing;</li>
 *   <li>otherwise created_at is the earliest link, updated_at the latest event's occurred_at (by
 *       occurred_at, then event id), and deleted_at that same time when the latest event is an unlink;</li>
 *   <li>there is no row until a link is accepted; the revision moves with every change of the row.</li>
 * </ol>
 * A redelivered event leaves the minimum and the maximum where they were, so it changes nothing.
 */
public final class DocumentLinkFold {

    private final LedgerRules rules;

    public DocumentLinkFold(LedgerRules rules) {
        this.rules = Objects.requireNonNull(rules, "rules");
    }

    public DocumentLinkFold() {
        this(LedgerRules.defaults());
    }

    public DocumentLinkDecision apply(DocumentLinkLedger stored, LinkEvent event, EventOrigin origin, Instant clock) {
        DocumentLinkLedger ledger = stored != null && rules.isExpired(stored, clock) ? null : stored;
        Instant eventTime = LedgerRules.eventTime(event.occurredAt(), origin.timestamp());
        if (ledger == null) {
            if (rules.isLate(eventTime, clock)) {
                return DocumentLinkDecision.rejected(stored, new Rejection(ARRIVED_AFTER_HORIZON, "document " + event.key().documentId()
                        + " is not held for connector " + event.key().workspaceConnectorId() + " and this event (occurred_at "
                        + event.occurredAt() + ") is more than " + rules.horizon() + " older than its partition's latest event ("
                        + clock + ")", event.eventId(), origin));
            }
            List<Rejection> forgotten = stored == null ? List.of() : stored.forgetRejections();
            return takeIn(null, DocumentLinkLedger.startedBy(event, origin, eventTime), forgotten);
        }
        if (!ledger.belongsTo(event)) {
            return DocumentLinkDecision.rejected(ledger, new Rejection(WORKSPACE_MISMATCH,
                    "document " + event.key().documentId() + " is linked to connector " + event.key().workspaceConnectorId()
                            + " (" + event.key().direction().code() + ") in workspace " + ledger.workspaceId()
                            + "; this event names workspace " + event.workspaceId(),
                    event.eventId(), origin));
        }
        DocumentLinkLedger next = ledger.with(event, origin, eventTime);
        if (next.equals(ledger)) {
            return DocumentLinkDecision.unchanged(ledger);
        }
        return takeIn(ledger, next, List.of());
    }

    private static DocumentLinkDecision takeIn(DocumentLinkLedger before, DocumentLinkLedger next, List<Rejection> rejections) {
        boolean rowChanged = !Objects.equals(before == null ? null : before.row().orElse(null), next.row().orElse(null));
        return new DocumentLinkDecision(rowChanged ? next.atRevision(next.revision() + 1) : next, true, rejections);
    }
}
