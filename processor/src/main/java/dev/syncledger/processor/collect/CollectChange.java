package dev.syncledger.processor.collect;

import dev.syncledger.processor.identity.UuidOrder;

import java.time.Instant;
import java.util.Comparator;
import java.util.Objects;
import java.util.UUID;

/**
 * One collect event as the fold sees it. A {@code collect.deleted} carries only the common fields; a
 * status change always carries its status and people_id, the reader having rejected it otherwise.
 */
public record CollectChange(
        UUID eventId,
        Instant occurredAt,
        UUID workspaceId,
        UUID workspaceConnectorId,
        UUID collectId,
        CollectEventKind kind,
        CollectStatus status,
        UUID peopleId,
        String provider,
        UUID taskId,
        Instant startedAt,
        Instant endedAt,
        String error) {

    /** Earliest first, event id breaking ties, so that "the first" never depends on arrival order. */
    static final Comparator<CollectChange> BY_OCCURRENCE =
            Comparator.comparing(CollectChange::occurredAt).thenComparing(CollectChange::eventId, UuidOrder.LOWER_FIRST);

    /** Earliest end first, then the lower event id: the rule that picks the winning terminal event. */
    static final Comparator<CollectChange> BY_COMPLETION =
            Comparator.comparing(CollectChange::completedAt).thenComparing(CollectChange::eventId, UuidOrder.LOWER_FIRST);

    public CollectChange {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(workspaceId, "workspaceId");
        Objects.requireNonNull(collectId, "collectId");
        Objects.requireNonNull(kind, "kind");
        if (kind == CollectEventKind.STATUS_CHANGED && (status == null || peopleId == null)) {
            throw new IllegalArgumentException(kind.type() + " needs its status and people_id");
        }
    }

    /** The same event without its error: only the winning end's can reach the sync log it produces. */
    CollectChange withoutPayload() {
        return error == null ? this : new CollectChange(eventId, occurredAt, workspaceId, workspaceConnectorId, collectId, kind, status,
                peopleId, provider, taskId, startedAt, endedAt, null);
    }

    public boolean isTerminal() {
        return status != null && status.isTerminal();
    }

    /** When the collect ended by this event's account: ended_at, else when the event was sent. */
    public Instant completedAt() {
        return endedAt != null ? endedAt : occurredAt;
    }
}
