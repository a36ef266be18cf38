package dev.syncledger.processor.documentlink;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/** The current state of one link: one row of document_workspace_connectors, without the revision. */
public record DocumentLinkRow(
        DocumentLinkKey key,
        UUID workspaceId,
        Instant createdAt,
        Instant updatedAt,
        Instant deletedAt) {

    public DocumentLinkRow {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(workspaceId, "workspaceId");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
    }

    public boolean isActive() {
        return deletedAt == null;
    }
}
