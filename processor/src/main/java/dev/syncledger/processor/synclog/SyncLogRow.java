package dev.syncledger.processor.synclog;

import dev.syncledger.schemas.ConnectorSyncStatus;
import dev.syncledger.schemas.TriggerType;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

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

    /** One pass over the entries: this runs for every event a run takes in and at every commit that publishes it. */
    static Optional<SyncLogRow> derive(SyncLogLedger ledger) {
        SyncLogEvent terminal = null;
        SyncLogEvent triggerCarrier = null;
        SyncLogEvent cloudTaskCarrier = null;
        Instant startedAt = null;
        Instant createdAt = null;
        Instant updatedAt = null;
        Instant deletedAt = null;
        boolean anyButDeletes = false;
        for (LedgerEntry entry : ledger.entries()) {
            if (entry.isRejected()) {
                continue;
            }
            SyncLogEvent event = entry.event();
            SyncLogEventKind kind = event.kind();
            anyButDeletes |= kind != SyncLogEventKind.DELETED;
            if (kind.isTerminal() && terminal == null) {
                terminal = event;
            } else if (kind == SyncLogEventKind.STARTED && (startedAt == null || event.at().isBefore(startedAt))) {
                startedAt = event.at();
            } else if (kind == SyncLogEventKind.DELETED && (deletedAt == null || event.occurredAt().isBefore(deletedAt))) {
                deletedAt = event.occurredAt();
            }
            if (event.triggerType() != null && (triggerCarrier == null || SyncLogEvent.BY_OCCURRENCE.compare(event, triggerCarrier) < 0)) {
                triggerCarrier = event;
            }
            if (event.cloudTaskId() != null && (cloudTaskCarrier == null || SyncLogEvent.BY_OCCURRENCE.compare(event, cloudTaskCarrier) < 0)) {
                cloudTaskCarrier = event;
            }
            createdAt = createdAt == null || event.occurredAt().isBefore(createdAt) ? event.occurredAt() : createdAt;
            updatedAt = updatedAt == null || event.occurredAt().isAfter(updatedAt) ? event.occurredAt() : updatedAt;
        }
        // A delete alone is no row: there is no run to delete until one of its other events comes.
        if (!anyButDeletes) {
            return Optional.empty();
        }
        Instant completedAt = terminal == null ? null : terminal.at();
        return Optional.of(new SyncLogRow(
                ledger.syncLogId(),
                ledger.workspaceId(),
                ledger.workspaceConnectorId(),
                status(terminal, startedAt),
                triggerCarrier == null ? null : triggerCarrier.triggerType(),
                cloudTaskCarrier == null ? null : cloudTaskCarrier.cloudTaskId(),
                startedAt,
                completedAt,
                startedAt == null || completedAt == null ? null : Math.toIntExact(Duration.between(startedAt, completedAt).toMillis()),
                terminal == null ? null : terminal.error(),
                terminal == null ? null : terminal.metadata(),
                createdAt,
                updatedAt,
                deletedAt));
    }

    private static ConnectorSyncStatus status(SyncLogEvent terminal, Instant startedAt) {
        if (terminal != null) {
            return terminal.kind() == SyncLogEventKind.SUCCEEDED ? ConnectorSyncStatus.success : ConnectorSyncStatus.error;
        }
        return startedAt != null ? ConnectorSyncStatus.in_progress : ConnectorSyncStatus.scheduled;
    }

    public SyncLogRow {
        Objects.requireNonNull(workspaceConnectorSyncLogId, "workspaceConnectorSyncLogId");
        Objects.requireNonNull(status, "status");
    }
}
