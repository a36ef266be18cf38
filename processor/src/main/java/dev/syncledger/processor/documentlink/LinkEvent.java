package dev.syncledger.processor.documentlink;

import dev.syncledger.processor.identity.UuidOrder;

import java.time.Instant;
import java.util.Comparator;
import java.util.Objects;
import java.util.UUID;

/** One document-link event as the fold sees it: checked, with its direction known. */
public record LinkEvent(UUID eventId, Instant occurredAt, UUID workspaceId, DocumentLinkKey key, LinkEventKind kind) {

    /**
     * Latest last, the event id breaking ties, so that "the latest event" is the same whatever order two
     * events with the same occurred_at arrive in.
     */
    static final Comparator<LinkEvent> BY_OCCURRENCE =
            Comparator.comparing(LinkEvent::occurredAt).thenComparing(LinkEvent::eventId, UuidOrder.LOWER_FIRST);

    public LinkEvent {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(workspaceId, "workspaceId");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(kind, "kind");
    }

    boolean isLink() {
        return kind == LinkEventKind.LINKED;
    }
}
