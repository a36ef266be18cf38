package dev.syncledger.processor.synclog;

import dev.syncledger.schemas.ConnectorSyncStatus;
import dev.syncledger.schemas.TriggerType;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

/** The current state of one sync run: one row of workspace_connector_sync_logs, without the revision. */
public record SyncLogRow(
        UUID workspaceConnectorSyncLogId,
        UUID workspaceId,
        UUID workspaceConnectorId,
        ConnectorSyncStatus status,
        TriggerType triggerType,
        String cloudTaskId,
        Instant startedAt,
        Instant completedAt,
        Integer durationMs,
        String error,
        String metadata,
        Instant createdAt,
        Instant updatedAt,
        Instant deletedAt) {

    static Optional<SyncLogRow> derive(SyncLogLedger ledger) {
        List<SyncLogEvent> accepted = ledger.entries().stream()
                .filter(entry -> !entry.isRejected())
                .map(LedgerEntry::event)
                .toList();
        if (accepted.isEmpty()) {
            return Optional.empty();
        }
        Optional<SyncLogEvent> terminal = accepted.stream().filter(e -> e.kind().isTerminal()).findFirst();
        Instant startedAt = earliest(accepted, SyncLogEventKind.STARTED, SyncLogEvent::at);
        Instant completedAt = terminal.map(SyncLogEvent::at).orElse(null);
        return Optional.of(new SyncLogRow(
                ledger.syncLogId(),
                ledger.workspaceId(),
                ledger.workspaceConnectorId(),
                status(terminal, startedAt),
                firstCarried(accepted, SyncLogEvent::triggerType),
                firstCarried(accepted, SyncLogEvent::cloudTaskId),
                startedAt,
                completedAt,
                startedAt == null || completedAt == null ? null
                        : Math.toIntExact(Duration.between(startedAt, completedAt).toMillis()),
                terminal.map(SyncLogEvent::error).orElse(null),
                terminal.map(SyncLogEvent::metadata).orElse(null),
                accepted.stream().map(SyncLogEvent::occurredAt).min(Comparator.naturalOrder()).orElseThrow(),
                accepted.stream().map(SyncLogEvent::occurredAt).max(Comparator.naturalOrder()).orElseThrow(),
                earliest(accepted, SyncLogEventKind.DELETED, SyncLogEvent::occurredAt)));
    }

    private static ConnectorSyncStatus status(Optional<SyncLogEvent> terminal, Instant startedAt) {
        if (terminal.isPresent()) {
            return terminal.get().kind() == SyncLogEventKind.SUCCEEDED ? ConnectorSyncStatus.success : ConnectorSyncStatus.error;
        }
        return startedAt != null ? ConnectorSyncStatus.in_progress : ConnectorSyncStatus.scheduled;
    }

    private static Instant earliest(List<SyncLogEvent> events, SyncLogEventKind kind, Function<SyncLogEvent, Instant> time) {
        return events.stream().filter(e -> e.kind() == kind).map(time).min(Comparator.naturalOrder()).orElse(null);
    }

    /** From the earliest event that carries the field, so two events that disagree give the same answer in any order. */
    private static <T> T firstCarried(List<SyncLogEvent> events, Function<SyncLogEvent, T> field) {
        return events.stream()
                .filter(e -> field.apply(e) != null)
                .min(SyncLogEvent.BY_OCCURRENCE)
                .map(field)
                .orElse(null);
    }

    public SyncLogRow {
        Objects.requireNonNull(workspaceConnectorSyncLogId, "workspaceConnectorSyncLogId");
        Objects.requireNonNull(status, "status");
    }
}
