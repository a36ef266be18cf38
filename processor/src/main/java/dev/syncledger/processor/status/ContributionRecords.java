package dev.syncledger.processor.status;

import dev.syncledger.processor.status.store.DiagnosticContributionState;
import dev.syncledger.processor.status.store.DocumentLinkContributionState;
import dev.syncledger.processor.status.store.RunContributionState;
import dev.syncledger.processor.status.store.StatusContribution;
import dev.syncledger.processor.status.store.StatusContributionChange;
import dev.syncledger.schemas.ConnectorSyncStatus;

/** Contributions and their changes as the internal Avro records the store and the internal topic hold. */
final class ContributionRecords {

    private ContributionRecords() {}

    static StatusContributionChange toAvro(ContributionChange change) {
        return new StatusContributionChange(change.rowKey(), toAvro(change.before()), toAvro(change.after()));
    }

    /** @throws IllegalArgumentException when the record does not make a valid change */
    static ContributionChange fromAvro(StatusContributionChange change) {
        return new ContributionChange(change.getRowKey(), fromAvro(change.getBefore()), fromAvro(change.getAfter()));
    }

    static StatusContribution toAvro(Contribution contribution) {
        if (contribution == null) {
            return null;
        }
        return new StatusContribution(contribution.workspaceConnectorId(), contribution.workspaceId(), contribution.seenAt(),
                detailOf(contribution));
    }

    /** @throws IllegalArgumentException when the record holds an unknown status or detail */
    static Contribution fromAvro(StatusContribution state) {
        if (state == null) {
            return null;
        }
        Object detail = state.getDetail();
        if (detail instanceof RunContributionState run) {
            return new RunContribution(state.getWorkspaceConnectorId(), state.getWorkspaceId(), state.getSeenAt(), run.getSyncLogId(),
                    ConnectorSyncStatus.valueOf(run.getStatus()), run.getCreatedAt(), run.getCompletedAt(), run.getError(),
                    run.getDeleted(), run.getRecordsSynced());
        }
        if (detail instanceof DiagnosticContributionState diagnostic) {
            return new DiagnosticContribution(state.getWorkspaceConnectorId(), state.getWorkspaceId(), state.getSeenAt(),
                    diagnostic.getInformational());
        }
        if (detail instanceof DocumentLinkContributionState link) {
            return new DocumentLinkContribution(state.getWorkspaceConnectorId(), state.getWorkspaceId(), state.getSeenAt(),
                    link.getDirection(), link.getActive());
        }
        throw new IllegalArgumentException("unknown contribution detail " + (detail == null ? "null" : detail.getClass().getName()));
    }

    private static Object detailOf(Contribution contribution) {
        if (contribution instanceof RunContribution run) {
            return new RunContributionState(run.syncLogId(), run.status().name(), run.createdAt(), run.completedAt(), run.error(),
                    run.deleted(), run.recordsSynced());
        }
        if (contribution instanceof DiagnosticContribution diagnostic) {
            return new DiagnosticContributionState(diagnostic.informational());
        }
        DocumentLinkContribution link = (DocumentLinkContribution) contribution;
        return new DocumentLinkContributionState(link.direction(), link.active());
    }
}
