package dev.syncledger.processor.status;

import java.util.List;
import java.util.Objects;

/**
 * What a row's change since the last commit tells the connectors: nothing when its contribution is the same,
 * one change otherwise, or a removal and an addition when the row moved to another connector.
 */
public final class ContributionChanges {

    private ContributionChanges() {}

    public static List<ContributionChange> between(Contribution before, Contribution after) {
        if (Objects.equals(before, after)) {
            return List.of();
        }
        if (before == null || after == null || before.workspaceConnectorId().equals(after.workspaceConnectorId())) {
            return List.of(new ContributionChange(before, after));
        }
        return List.of(new ContributionChange(before, null), new ContributionChange(null, after));
    }
}
