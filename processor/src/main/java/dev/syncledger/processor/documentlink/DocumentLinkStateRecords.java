package dev.syncledger.processor.documentlink;

import dev.syncledger.schemas.state.DocumentWorkspaceConnector;

/** The published form of a link's row on the compacted state topic. */
final class DocumentLinkStateRecords {

    private DocumentLinkStateRecords() {}

    static DocumentWorkspaceConnector toAvro(DocumentLinkRow row, long revision) {
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
}
