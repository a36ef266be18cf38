package dev.syncledger.sink.db;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * One row of document_workspace_connectors as the state topic gives it: the document and the
 * connector by their public ids (the workspace only to create the connector on first sight).
 */
public record DocumentLinkRow(
        UUID documentId,
        UUID workspaceId,
        UUID workspaceConnectorId,
        String direction,
        Instant createdAt,
        Instant updatedAt,
        Instant deletedAt,
        long revision) {

    public DocumentLinkRow {
        Objects.requireNonNull(documentId, "documentId");
        Objects.requireNonNull(workspaceId, "workspaceId");
        Objects.requireNonNull(workspaceConnectorId, "workspaceConnectorId");
        Objects.requireNonNull(direction, "direction");
        Objects.requireNonNull(createdAt, "createdAt");
    }

    public DocumentLinkKey key() {
        return new DocumentLinkKey(documentId, workspaceConnectorId, direction);
    }
}
