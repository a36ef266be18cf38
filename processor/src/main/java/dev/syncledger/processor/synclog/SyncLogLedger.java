package dev.syncledger.processor.synclog;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * Everything the processor keeps about one sync run: its identity (stamped by the first accepted
 * event), every distinct event it took in with its verdict, and the revision of the row it last emitted.
 * The row is always derived from the entries, never patched, which is what makes it order-independent.
 */
public record SyncLogLedger(UUID syncLogId, UUID workspaceId, UUID workspaceConnectorId, List<LedgerEntry> entries, long revision) {

    public SyncLogLedger {
        Objects.requireNonNull(syncLogId, "syncLogId");
        Objects.requireNonNull(workspaceId, "workspaceId");
        Objects.requireNonNull(workspaceConnectorId, "workspaceConnectorId");
        entries = List.copyOf(entries);
    }

    boolean hasSeen(UUID eventId) {
        return entries.stream().anyMatch(entry -> entry.event().eventId().equals(eventId));
    }

    boolean belongsTo(SyncLogEvent event) {
        return workspaceId.equals(event.workspaceId()) && workspaceConnectorId.equals(event.workspaceConnectorId());
    }

    /** The row these entries stand for; empty while no event is accepted. */
    public Optional<SyncLogRow> row() {
        return SyncLogRow.derive(this);
    }
}
