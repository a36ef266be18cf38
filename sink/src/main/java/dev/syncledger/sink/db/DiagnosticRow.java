package dev.syncledger.sink.db;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * One row of connector_sync_diagnostics as the state topic gives it: parents by their public ids,
 * enums by their database labels.
 */
public record DiagnosticRow(
        UUID diagnosticId,
        UUID workspaceId,
        UUID workspaceConnectorId,
        String targetModel,
        String toolName,
        String reason,
        Integer httpStatus,
        String detail,
        Instant occurredAt,
        Instant createdAt,
        Instant updatedAt) {

    public DiagnosticRow {
        Objects.requireNonNull(diagnosticId, "diagnosticId");
        Objects.requireNonNull(workspaceId, "workspaceId");
        Objects.requireNonNull(workspaceConnectorId, "workspaceConnectorId");
        Objects.requireNonNull(targetModel, "targetModel");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(detail, "detail");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(createdAt, "createdAt");
    }
}
