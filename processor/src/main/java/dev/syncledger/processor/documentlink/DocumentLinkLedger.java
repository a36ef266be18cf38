package dev.syncledger.processor.documentlink;

import dev.syncledger.processor.ledger.LedgerRules;
import dev.syncledger.processor.rejection.EventOrigin;
import dev.syncledger.processor.rejection.Rejection;
import dev.syncledger.processor.rejection.RejectionReason;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * Everything the processor keeps about one (document, connector, direction): the workspace stamped by its
 * first accepted event, the earliest link, the latest event of either kind and where it came from, the
 * revision of its row, and its latest event time for the horizon. Both are a minimum and a maximum over the
 * accepted events, so taking an event in twice, or in another order, gives the same ledger without
 * remembering event ids.
 *
 * @param earliestLink null while only unlinks were accepted: there is no row yet, but a late earlier
 *                     link must still find the unlink that follows it
 */
public record DocumentLinkLedger(DocumentLinkKey key, UUID workspaceId, Instant earliestLink, LinkEvent latest, EventOrigin latestPosition,
                                 long revision, Instant lastEventAt) implements LedgerRules.Held {

    /** An upper estimate of what one takes in memory: its names are bounded, its position's key at most 1,024 characters. */
    public static final int ESTIMATED_BYTES = 3_072;

    public DocumentLinkLedger {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(workspaceId, "workspaceId");
        Objects.requireNonNull(latest, "latest");
        Objects.requireNonNull(latestPosition, "latestPosition");
        Objects.requireNonNull(lastEventAt, "lastEventAt");
    }

    static DocumentLinkLedger startedBy(LinkEvent event, EventOrigin origin, Instant eventTime) {
        return new DocumentLinkLedger(event.key(), event.workspaceId(), event.isLink() ? event.occurredAt() : null, event,
                origin.withoutValue(), 0, eventTime);
    }

    boolean belongsTo(LinkEvent event) {
        return workspaceId.equals(event.workspaceId());
    }

    /** This ledger with the event counted, at the same revision; the fold decides whether the revision moves. */
    DocumentLinkLedger with(LinkEvent event, EventOrigin origin, Instant eventTime) {
        Instant earliest = earliestLink;
        if (event.isLink() && (earliest == null || event.occurredAt().isBefore(earliest))) {
            earliest = event.occurredAt();
        }
        boolean newest = LinkEvent.BY_OCCURRENCE.compare(event, latest) > 0;
        return new DocumentLinkLedger(key, workspaceId, earliest, newest ? event : latest, newest ? origin.withoutValue() : latestPosition,
                revision, eventTime.isAfter(lastEventAt) ? eventTime : lastEventAt);
    }

    DocumentLinkLedger atRevision(long next) {
        return new DocumentLinkLedger(key, workspaceId, earliestLink, latest, latestPosition, next, lastEventAt);
    }

    /** The row this ledger stands for; empty until a link is accepted. */
    public Optional<DocumentLinkRow> row() {
        if (earliestLink == null) {
            return Optional.empty();
        }
        return Optional.of(new DocumentLinkRow(key, workspaceId, earliestLink, latest.occurredAt(),
                latest.isLink() ? null : latest.occurredAt()));
    }

    /** The latest occurred_at taken in: the connector status's updated_at is the greatest. */
    public Instant seenAt() {
        return latest.occurredAt();
    }

    /** A link is final once quiet: any later event is late, or starts anew. */
    @Override
    public boolean settled() {
        return true;
    }

    /**
     * Forgetting a ledger that never saw its link rejects its unlink, naming the workspace it claimed: the link it
     * undoes is not known here.
     */
    public List<Rejection> forgetRejections() {
        if (earliestLink != null) {
            return List.of();
        }
        return List.of(new Rejection(RejectionReason.ARRIVED_AFTER_HORIZON, "document " + key.documentId() + " was unlinked from connector "
                + key.workspaceConnectorId() + " (" + key.direction().code() + ") but no link came within the horizon; it was forgotten",
                latest.eventId(), latestPosition, workspaceId));
    }
}
