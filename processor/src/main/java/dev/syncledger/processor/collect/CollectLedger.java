package dev.syncledger.processor.collect;

import dev.syncledger.processor.ledger.LedgerRules;
import dev.syncledger.processor.rejection.Rejection;
import dev.syncledger.processor.rejection.RejectionReason;
import dev.syncledger.processor.synclog.SyncLogRow;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * Everything the processor keeps about one collect: its identity and workspace (stamped by the first
 * accepted event), every distinct event it took in with its verdict and position (only the winning end keeps
 * its error), the revisions of the collect row and of the sync log it produces, and the times the horizon and
 * the connector status look at. Both rows are always derived from the entries, never patched, which is what
 * makes them order-independent.
 */
public record CollectLedger(UUID collectId, UUID workspaceId, List<CollectLedgerEntry> entries, long revision, long syncLogRevision,
                            Instant lastEventAt, Instant seenAt) implements LedgerRules.Held {

    static final int ENTRY_BYTES = 96;

    public CollectLedger {
        Objects.requireNonNull(collectId, "collectId");
        Objects.requireNonNull(workspaceId, "workspaceId");
        Objects.requireNonNull(lastEventAt, "lastEventAt");
        Objects.requireNonNull(seenAt, "seenAt");
        entries = List.copyOf(entries);
    }

    boolean hasSeen(UUID eventId) {
        for (CollectLedgerEntry entry : entries) {
            if (entry.event().eventId().equals(eventId)) {
                return true;
            }
        }
        return false;
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

    /** Ended or soft-deleted. */
    @Override
    public boolean settled() {
        return accepted().stream().anyMatch(event -> event.isTerminal() || event.kind() == CollectEventKind.DELETED);
    }

    int estimatedBytes() {
        int bytes = 128 + entries.size() * ENTRY_BYTES;
        for (CollectLedgerEntry entry : entries) {
            bytes += utf8Length(entry.event().provider()) + utf8Length(entry.event().error());
        }
        return bytes;
    }

    /**
     * Forgetting a collect that never had a row (deletes only) rejects those deletes, naming the workspace they
     * claimed: their collect is not known here.
     */
    public List<Rejection> forgetRejections() {
        if (row().isPresent()) {
            return List.of();
        }
        return entries.stream()
                .filter(entry -> !entry.isRejected())
                .map(entry -> new Rejection(RejectionReason.ARRIVED_AFTER_HORIZON, "collect " + collectId + " got "
                        + entry.event().kind().type() + " but no status change within the horizon; it was forgotten",
                        entry.event().eventId(), entry.position(), workspaceId))
                .toList();
    }

    CollectLedger with(List<CollectLedgerEntry> newEntries, long newRevision, long newSyncLogRevision, Instant newLastEventAt,
                       Instant newSeenAt) {
        return new CollectLedger(collectId, workspaceId, newEntries, newRevision, newSyncLogRevision, newLastEventAt, newSeenAt);
    }

    static int utf8Length(String text) {
        if (text == null) {
            return 0;
        }
        return text.length() < 1_000 ? text.length() * 3 : text.getBytes(StandardCharsets.UTF_8).length;
    }
}
