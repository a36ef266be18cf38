package dev.syncledger.processor.collect;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

/** The current state of one collect: one row of collects, without the revision. */
public record CollectRow(
        UUID collectId,
        UUID workspaceId,
        UUID workspaceConnectorId,
        UUID peopleId,
        UUID taskId,
        String provider,
        CollectStatus status,
        Instant startedAt,
        Instant endedAt,
        Instant createdAt,
        Instant updatedAt,
        Instant deletedAt) {

    public CollectRow {
        Objects.requireNonNull(collectId, "collectId");
        Objects.requireNonNull(workspaceId, "workspaceId");
        Objects.requireNonNull(peopleId, "peopleId");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
    }

    static Optional<CollectRow> derive(CollectLedger ledger) {
        List<CollectChange> accepted = ledger.accepted();
        List<CollectChange> statusChanges = accepted.stream().filter(e -> e.kind() == CollectEventKind.STATUS_CHANGED).toList();
        if (statusChanges.isEmpty()) {
            return Optional.empty();
        }
        Optional<CollectChange> winner = ledger.winner();
        return Optional.of(new CollectRow(
                ledger.collectId(),
                ledger.workspaceId(),
                firstCarried(accepted, CollectChange::workspaceConnectorId),
                firstCarried(statusChanges, CollectChange::peopleId),
                firstCarried(statusChanges, CollectChange::taskId),
                firstCarried(statusChanges, CollectChange::provider),
                winner.map(CollectChange::status).orElseGet(() -> mostAdvanced(statusChanges)),
                statusChanges.stream().map(CollectChange::startedAt).filter(Objects::nonNull).min(Comparator.naturalOrder()).orElse(null),
                winner.map(CollectChange::endedAt).orElse(null),
                accepted.stream().map(CollectChange::occurredAt).min(Comparator.naturalOrder()).orElseThrow(),
                accepted.stream().map(CollectChange::occurredAt).max(Comparator.naturalOrder()).orElseThrow(),
                accepted.stream().filter(e -> e.kind() == CollectEventKind.DELETED)
                        .map(CollectChange::occurredAt).min(Comparator.naturalOrder()).orElse(null)));
    }

    /** Without an accepted end, a collect is as far as its furthest status says: todo, then in_progress. */
    private static CollectStatus mostAdvanced(List<CollectChange> statusChanges) {
        return statusChanges.stream().map(CollectChange::status).max(Comparator.comparingInt(CollectStatus::progress)).orElseThrow();
    }

    /** From the earliest event that carries the field, so two events that disagree give the same answer in any order. */
    private static <T> T firstCarried(List<CollectChange> events, Function<CollectChange, T> field) {
        return events.stream()
                .filter(e -> field.apply(e) != null)
                .min(CollectChange.BY_OCCURRENCE)
                .map(field)
                .orElse(null);
    }
}
