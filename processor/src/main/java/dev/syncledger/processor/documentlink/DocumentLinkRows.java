package dev.syncledger.processor.documentlink;

import dev.syncledger.processor.status.DocumentLinkContribution;
import dev.syncledger.schemas.state.DocumentWorkspaceConnector;
import java.time.Instant;

/** A link's row as the state topic publishes it, and as its connector's status counts it. */
public final class DocumentLinkRows {

    private DocumentLinkRows() {}

    public static DocumentWorkspaceConnector toAvro(DocumentLinkRow row, long revision) {
        return DocumentWorkspaceConnector.newBuilder()
                .setDocumentId(row.key().documentId())
                .setWorkspaceId(row.workspaceId())
                .setWorkspaceConnectorId(row.key().workspaceConnectorId())
                .setDirection(row.key().direction().code())
                .setCreatedAt(row.createdAt())
                .setUpdatedAt(row.updatedAt())
                .setDeletedAt(row.deletedAt())
                .setRevision(revision)
                .build();
    }

    public static DocumentLinkContribution contribution(DocumentLinkRow row, Instant seenAt) {
        return new DocumentLinkContribution(row.key().workspaceConnectorId(), row.workspaceId(), seenAt, row.key().direction().code(),
                row.isActive());
    }
}
