package dev.syncledger.processor.status;

import java.util.Objects;
import java.util.UUID;

/**
 * One state row's contribution moved from {@code before} to {@code after} (null: none). Both belong to
 * the same connector: a row that moves to another connector is sent as a removal and an addition.
 */
public record ContributionChange(String rowKey, Contribution before, Contribution after) {

    public ContributionChange {
        Objects.requireNonNull(rowKey, "rowKey");
        if (before == null && after == null) {
            throw new IllegalArgumentException("a change of " + rowKey + " needs a before or an after");
        }
        if (before != null && after != null && !before.workspaceConnectorId().equals(after.workspaceConnectorId())) {
            throw new IllegalArgumentException("a change of " + rowKey + " moves from connector " + before.workspaceConnectorId()
                    + " to " + after.workspaceConnectorId() + "; send a removal and an addition instead");
        }
    }

    public UUID workspaceConnectorId() {
        return (after != null ? after : before).workspaceConnectorId();
    }
}
