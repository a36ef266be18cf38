package dev.syncledger.processor.synclog;

import dev.syncledger.processor.ledger.LedgerRules;
import dev.syncledger.processor.rejection.Rejection;
import dev.syncledger.processor.rejection.RejectionReason;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Everything the processor keeps about one sync run: its identity (stamped by the first accepted event), every
 * distinct event it took in with its verdict and position, and the error and metadata of the winning terminal
 * event only; the revision of its row, and the times the horizon and the connector status look at. The row is
 * always derived from the entries, never patched, which is what makes it order-independent.
 *
 * @param revision how many times the row changed; the row published carries it
 * @param lastEventAt the greatest event time taken in, for the horizon
 * @param seenAt the greatest occurred_at taken in, the connector status's updated_at
 */
public record SyncLogLedger(UUID syncLogId, UUID workspaceId, UUID workspaceConnectorId, List<LedgerEntry> entries,
                            long revision, Instant lastEventAt, Instant seenAt) implements LedgerRules.Held {

    /** A generous estimate of an entry's fixed part in the store, for the ledger's byte budget. */
    static final int ENTRY_BYTES = 64;

    public SyncLogLedger {
        Objects.requireNonNull(syncLogId, "syncLogId");
        Objects.requireNonNull(workspaceId, "workspaceId");
        Objects.requireNonNull(workspaceConnectorId, "workspaceConnectorId");
        Objects.requireNonNull(lastEventAt, "lastEventAt");
        Objects.requireNonNull(seenAt, "seenAt");
        entries = List.copyOf(entries);
    }

    boolean hasSeen(UUID eventId) {
        for (LedgerEntry entry : entries) {
            if (entry.event().eventId().equals(eventId)) {
                return true;
            }
        }
        return false;
    }

    boolean belongsTo(SyncLogEvent event) {
        return workspaceId.equals(event.workspaceId()) && workspaceConnectorId.equals(event.workspaceConnectorId());
    }

    /** The row these entries stand for; empty until an event other than a delete is accepted. */
    public Optional<SyncLogRow> row() {
        return SyncLogRow.derive(this);
    }

    /** Ended (an accepted terminal event) or soft-deleted. */
    @Override
    public boolean settled() {
        for (LedgerEntry entry : entries) {
            if (!entry.isRejected() && (entry.event().kind().isTerminal() || entry.event().kind() == SyncLogEventKind.DELETED)) {
                return true;
            }
        }
        return false;
    }

    /** An upper bound of the ledger's size in the store: fixed parts, distinct cloud_task_ids, the kept payload. */
    int estimatedBytes() {
        int bytes = 128 + entries.size() * ENTRY_BYTES;
        Set<String> cloudTaskIds = new HashSet<>();
        for (LedgerEntry entry : entries) {
            SyncLogEvent event = entry.event();
            if (event.cloudTaskId() != null && cloudTaskIds.add(event.cloudTaskId())) {
                bytes += utf8Length(event.cloudTaskId());
            }
            bytes += utf8Length(event.error()) + utf8Length(event.metadata());
        }
        return bytes;
    }

    /**
     * What forgetting this ledger rejects: nothing when it made a row (the row stays, final); when it never did
     * (only deletes came), each of its accepted events, since the run they name is not known here any more. They
     * name the run's workspace, as each of them claimed it.
     */
    public List<Rejection> forgetRejections() {
        if (row().isPresent()) {
            return List.of();
        }
        return entries.stream()
                .filter(entry -> !entry.isRejected())
                .map(entry -> new Rejection(RejectionReason.ARRIVED_AFTER_HORIZON, "sync log " + syncLogId + " got "
                        + entry.event().kind().type() + " but none of its other events within the horizon; it was forgotten",
                        entry.event().eventId(), entry.position(), workspaceId))
                .toList();
    }

    static int utf8Length(String text) {
        if (text == null) {
            return 0;
        }
        return text.length() < 1_000 ? text.length() * 3 : text.getBytes(StandardCharsets.UTF_8).length;
    }
}
