package dev.syncledger.processor.diagnostic;

import dev.syncledger.schemas.state.ConnectorSyncDiagnostic;

/** The published form of a diagnostic's row on the compacted state topic. */
final class DiagnosticStateRecords {

    private DiagnosticStateRecords() {}

    static ConnectorSyncDiagnostic toAvro(DiagnosticRow row) {
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
}
