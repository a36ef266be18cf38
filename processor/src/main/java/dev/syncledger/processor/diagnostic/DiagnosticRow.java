package dev.syncledger.processor.diagnostic;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * One row of connector_sync_diagnostics. created_at and updated_at are the event's occurred_at, not
 * the time it was processed, so that a replay produces the same row.
 */
public record DiagnosticRow(
        UUID diagnosticId,
        UUID workspaceId,
        UUID workspaceConnectorId,
        TargetModel targetModel,
        String toolName,
        SyncFailureReason reason,
        Integer httpStatus,
        String detail,
        Instant occurredAt) {

    public DiagnosticRow {
        Objects.requireNonNull(diagnosticId, "diagnosticId");
        Objects.requireNonNull(workspaceId, "workspaceId");
        Objects.requireNonNull(workspaceConnectorId, "workspaceConnectorId");
        Objects.requireNonNull(targetModel, "targetModel");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(detail, "detail");
        Objects.requireNonNull(occurredAt, "occurredAt");
    }

    /** The row an event stands for, once {@link DiagnosticChecks} found nothing wrong with it. */
    static DiagnosticRow of(DiagnosticEmitted event) {
        return new DiagnosticRow(event.diagnosticId(), event.workspaceId(), event.workspaceConnectorId(),
                TargetModel.fromCode(event.targetModel()).orElseThrow(() -> new IllegalArgumentException("target_model must pass DiagnosticChecks before it makes a row")),
                event.toolName(),
                SyncFailureReason.fromCode(event.reason()).orElseThrow(() -> new IllegalArgumentException("reason must pass DiagnosticChecks before it makes a row")),
                event.httpStatus(), event.detail(), event.occurredAt());
    }

    public Instant createdAt() {
        return occurredAt;
    }

    public Instant updatedAt() {
        return occurredAt;
    }
}
