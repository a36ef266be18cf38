package dev.syncledger.processor.documentlink;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * Everything the processor keeps about one (document, connector, direction): the workspace stamped by
 * its first accepted event, the earliest link, the latest event of either kind, and the revision of
 * the row it last emitted. Both are a minimum and a maximum over the accepted events, so taking an
 * event in twice, or in another order, gives the same ledger without remembering event ids.
 *
 * @param earliestLink null while only unlinks were accepted: there is no row yet, but a late earlier
 *                     link must still find the unlink that follows it
 */
public record DocumentLinkLedger(DocumentLinkKey key, UUID workspaceId, Instant earliestLink, LinkEvent latest, long revision) {

    public DocumentLinkLedger {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(workspaceId, "workspaceId");
        Objects.requireNonNull(latest, "latest");
    }

    static DocumentLinkLedger startedBy(LinkEvent event) {
        return new DocumentLinkLedger(event.key(), event.workspaceId(), event.isLink() ? event.occurredAt() : null, event, 0);
    }

    boolean belongsTo(LinkEvent event) {
        return workspaceId.equals(event.workspaceId());
    }

    /** This ledger with the event counted, at the same revision; the fold decides whether the revision moves. */
    DocumentLinkLedger with(LinkEvent event) {
        Instant earliest = earliestLink;
        if (event.isLink() && (earliest == null || event.occurredAt().isBefore(earliest))) {
            earliest = event.occurredAt();
        }
        LinkEvent newest = LinkEvent.BY_OCCURRENCE.compare(event, latest) > 0 ? event : latest;
        return new DocumentLinkLedger(key, workspaceId, earliest, newest, revision);
    }

    DocumentLinkLedger atRevision(long next) {
        return new DocumentLinkLedger(key, workspaceId, earliestLink, latest, next);
    }

    /** The row this ledger stands for; empty until a link is accepted. */
    public Optional<DocumentLinkRow> row() {
        if (earliestLink == null) {
            return Optional.empty();
        }
        return Optional.of(new DocumentLinkRow(key, workspaceId, earliestLink, latest.occurredAt(),
                latest.isLink() ? null : latest.occurredAt()));
    }
}
