package dev.syncledger.processor.status;

import dev.syncledger.schemas.ConnectorSyncStatus;
import dev.syncledger.schemas.state.ConnectorSyncDiagnostic;
import dev.syncledger.schemas.state.DocumentWorkspaceConnector;
import dev.syncledger.schemas.state.WorkspaceConnectorSyncLog;

/** What each kind of state row contributes to its connector's status, read back from its published form: for tests that start from rows. */
final class StateRowContributions {

    private StateRowContributions() {}

    static RunContribution of(WorkspaceConnectorSyncLog log) {
        return new RunContribution(log.getWorkspaceConnectorId(), log.getWorkspaceId(), log.getUpdatedAt(),
                log.getWorkspaceConnectorSyncLogId(), log.getStatus(), log.getCreatedAt(), log.getCompletedAt(), log.getError(),
                log.getDeletedAt() != null,
                // Only a success adds its records; reading them for other runs would only make no-op changes.
                log.getStatus() == ConnectorSyncStatus.success ? RecordsSynced.of(log.getMetadata()) : 0);
    }

    static DiagnosticContribution of(ConnectorSyncDiagnostic diagnostic) {
        return new DiagnosticContribution(diagnostic.getWorkspaceConnectorId(), diagnostic.getWorkspaceId(),
                diagnostic.getOccurredAt(), DiagnosticReasons.isInformational(diagnostic.getReason()));
    }

    static DocumentLinkContribution of(DocumentWorkspaceConnector link) {
        return new DocumentLinkContribution(link.getWorkspaceConnectorId(), link.getWorkspaceId(), link.getUpdatedAt(),
                link.getDirection(), link.getDeletedAt() == null);
    }
}
