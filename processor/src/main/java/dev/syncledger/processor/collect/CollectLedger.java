package dev.syncledger.processor.collect;

import dev.syncledger.processor.synclog.SyncLogRow;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * Everything the processor keeps about one collect: its identity and workspace (stamped by the first
 * accepted event), every distinct event it took in with its verdict, and the revisions of the collect
 * row and of the sync log it last emitted. Both are always derived from the entries, never patched,
 * which is what makes them order-independent.
 */
public record CollectLedger(UUID collectId, UUID workspaceId, List<CollectLedgerEntry> entries, long revision, long syncLogRevision) {

    public CollectLedger {
        Objects.requireNonNull(collectId, "collectId");
        Objects.requireNonNull(workspaceId, "workspaceId");
        entries = List.copyOf(entries);
    }

    boolean hasSeen(UUID eventId) {
        return entries.stream().anyMatch(entry -> entry.event().eventId().equals(eventId));
    }

    List<CollectChange> accepted() {
        return entries.stream().filter(entry -> !entry.isRejected()).map(CollectLedgerEntry::event).toList();
    }

    /** The accepted terminal event: the verdicts leave at most one. */
    Optional<CollectChange> winner() {
        return accepted().stream().filter(CollectChange::isTerminal).min(CollectChange.BY_COMPLETION);
    }

    /** The collect's row; empty until a status change is accepted, since the row needs a status and a person. */
    public Optional<CollectRow> row() {
        return CollectRow.derive(this);
    }

    /** The sync log this collect produces; empty until it has ended and a workspace connector is known. */
    public Optional<SyncLogRow> syncLog() {
        return CollectSyncLog.derive(this);
    }

    CollectLedger with(List<CollectLedgerEntry> newEntries, long newRevision, long newSyncLogRevision) {
        return new CollectLedger(collectId, workspaceId, newEntries, newRevision, newSyncLogRevision);
    }
}
