package dev.syncledger.processor.diagnostic;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * One diagnostic.emitted event as the fold sees it: well-formed, but not yet judged. target_model and
 * reason are kept as the producer spelled them, because judging them is the fold's job: a value this
 * version does not know is rejected, not dropped.
 */
public record DiagnosticEmitted(
        UUID eventId,
        Instant occurredAt,
        UUID workspaceId,
        UUID workspaceConnectorId,
        UUID diagnosticId,
        String targetModel,
        String toolName,
        String reason,
        Integer httpStatus,
        String detail) {

    public DiagnosticEmitted {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(workspaceId, "workspaceId");
        Objects.requireNonNull(workspaceConnectorId, "workspaceConnectorId");
        Objects.requireNonNull(diagnosticId, "diagnosticId");
        Objects.requireNonNull(targetModel, "targetModel");
        Objects.requireNonNull(reason, "reason");
    }
}
