package dev.syncledger.processor.status;

import java.util.List;
import java.util.Objects;

/**
 * The contribution stage's decision for one state record: compared with what the row contributed
 * last, what has to be told to the connectors. A redelivered or unchanged row tells nothing, which is
 * what lets the status stage add and remove without ever counting a row twice.
 */
public final class ContributionChanges {

    private ContributionChanges() {}

    public static List<ContributionChange> between(String rowKey, Contribution stored, Contribution incoming) {
        if (Objects.equals(stored, incoming)) {
            return List.of();
        }
        if (stored == null || incoming == null || stored.workspaceConnectorId().equals(incoming.workspaceConnectorId())) {
            return List.of(new ContributionChange(rowKey, stored, incoming));
        }
        return List.of(new ContributionChange(rowKey, stored, null), new ContributionChange(rowKey, null, incoming));
    }
}
