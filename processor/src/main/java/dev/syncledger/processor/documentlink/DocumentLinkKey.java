package dev.syncledger.processor.documentlink;

import java.util.Objects;
import java.util.UUID;

/**
 * What one row of document_workspace_connectors stands for. Its text form keys the ledger store and the
 * state topic; the document id comes first so every link of a document stays on the input's partition.
 */
public record DocumentLinkKey(UUID documentId, UUID workspaceConnectorId, LinkDirection direction) {

    public DocumentLinkKey {
        Objects.requireNonNull(documentId, "documentId");
        Objects.requireNonNull(workspaceConnectorId, "workspaceConnectorId");
        Objects.requireNonNull(direction, "direction");
    }

    /** {@code <document_id>/<workspace_connector_id>/<direction>}, as the state topic's contract has it. */
    @Override
    public String toString() {
        return documentId + "/" + workspaceConnectorId + "/" + direction.code();
    }
}
