package dev.syncledger.processor.diagnostic;

import dev.syncledger.processor.status.DiagnosticContribution;
import dev.syncledger.processor.status.DiagnosticReasons;
import dev.syncledger.schemas.state.ConnectorSyncDiagnostic;

/** A diagnostic's row as the state topic publishes it, and as its connector's status counts it. */
public final class DiagnosticRows {

    private DiagnosticRows() {}

    public static ConnectorSyncDiagnostic toAvro(DiagnosticRow row) {
        return ConnectorSyncDiagnostic.newBuilder()
                .setDiagnosticId(row.diagnosticId())
                .setWorkspaceId(row.workspaceId())
                .setWorkspaceConnectorId(row.workspaceConnectorId())
                .setTargetModel(row.targetModel().code())
                .setToolName(row.toolName())
                .setReason(row.reason().code())
                .setHttpStatus(row.httpStatus())
                .setDetail(row.detail())
                .setOccurredAt(row.occurredAt())
                .setCreatedAt(row.createdAt())
                .setUpdatedAt(row.updatedAt())
                .build();
    }

    public static DiagnosticContribution contribution(DiagnosticRow row) {
        return new DiagnosticContribution(row.workspaceConnectorId(), row.workspaceId(), row.occurredAt(),
                DiagnosticReasons.isInformational(row.reason().code()));
    }
}
