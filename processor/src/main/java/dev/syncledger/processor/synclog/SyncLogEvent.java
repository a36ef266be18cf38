package dev.syncledger.processor.synclog;

import dev.syncledger.processor.identity.UuidOrder;

import dev.syncledger.schemas.TriggerType;
import java.time.Instant;
import java.util.Comparator;
import java.util.Objects;
import java.util.UUID;

/**
 * One sync-run event as the fold sees it, defaults already applied: {@code at} is started_at for a
 * start and completed_at for a terminal event (occurred_at when the event left it out), null otherwise.
 */
public record SyncLogEvent(
        UUID eventId,
        Instant occurredAt,
        UUID workspaceId,
        UUID workspaceConnectorId,
        UUID syncLogId,
        SyncLogEventKind kind,
        Instant at,
        TriggerType triggerType,
        String cloudTaskId,
        String error,
        String metadata) {

    /** Earliest first, event id breaking ties, so that "the first" never depends on arrival order. */
    static final Comparator<SyncLogEvent> BY_OCCURRENCE =
            Comparator.comparing(SyncLogEvent::occurredAt).thenComparing(SyncLogEvent::eventId, UuidOrder.LOWER_FIRST);

    /** Earliest completion first, then the lower event id: the rule that picks the winning terminal event. */
    static final Comparator<SyncLogEvent> BY_COMPLETION =
            Comparator.comparing(SyncLogEvent::at).thenComparing(SyncLogEvent::eventId, UuidOrder.LOWER_FIRST);

    /** The same event without its error and metadata: what a ledger keeps of every event but the winning terminal one. */
    SyncLogEvent withoutPayload() {
        return error == null && metadata == null ? this
                : new SyncLogEvent(eventId, occurredAt, workspaceId, workspaceConnectorId, syncLogId, kind, at, triggerType, cloudTaskId, null, null);
    }

    public SyncLogEvent {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(workspaceId, "workspaceId");
        Objects.requireNonNull(workspaceConnectorId, "workspaceConnectorId");
        Objects.requireNonNull(syncLogId, "syncLogId");
        Objects.requireNonNull(kind, "kind");
        if ((kind == SyncLogEventKind.STARTED || kind.isTerminal()) && at == null) {
            throw new IllegalArgumentException(kind.type() + " needs its time");
        }
    }
}
