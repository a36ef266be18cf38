package dev.syncledger.processor.status;

import java.util.UUID;

/**
 * One row's contribution to its connector's status moved from {@code before} to {@code after} (null: none),
 * as its fold published it: the old row and the new row of one commit. Both belong to the same connector: a
 * row that moves to another connector is sent as a removal and an addition ({@link ContributionChanges}).
 */
public record ContributionChange(Contribution before, Contribution after) {

    public ContributionChange {
        if (before == null && after == null) {
            throw new IllegalArgumentException("a change needs a before or an after");
        }
        if (before != null && after != null && !before.workspaceConnectorId().equals(after.workspaceConnectorId())) {
            throw new IllegalArgumentException("a change moves from connector " + before.workspaceConnectorId() + " to "
                    + after.workspaceConnectorId() + "; send a removal and an addition instead");
        }
    }

    public UUID workspaceConnectorId() {
        return (after != null ? after : before).workspaceConnectorId();
    }
}
