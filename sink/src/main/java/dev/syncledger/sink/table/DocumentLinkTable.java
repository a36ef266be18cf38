package dev.syncledger.sink.table;

import dev.syncledger.schemas.Topics;
import dev.syncledger.schemas.serde.SerdeConfig;
import dev.syncledger.schemas.state.DocumentWorkspaceConnector;
import dev.syncledger.sink.db.DocumentLinkColumns;
import dev.syncledger.sink.db.DocumentLinkDao;
import dev.syncledger.sink.db.DocumentLinkKey;
import dev.syncledger.sink.db.DocumentLinkRow;
import java.util.List;
import java.util.UUID;
import org.jdbi.v3.core.Handle;

/**
 * document_workspace_connectors, from the document link state topic: one row per document, connector
 * and direction. An unlink is a soft delete in the row; a tombstone deletes the row.
 */
public final class DocumentLinkTable extends AvroStateTable<DocumentLinkKey, DocumentWorkspaceConnector, DocumentLinkRow> {

    public DocumentLinkTable(SerdeConfig serde) {
        super(Topics.DOCUMENT_LINK_STATE, "document_workspace_connectors", DocumentWorkspaceConnector.getClassSchema(), serde);
    }

    @Override
    DocumentLinkRow toRow(DocumentWorkspaceConnector link) {
        return new DocumentLinkRow(
                link.getDocumentId(),
                link.getWorkspaceId(),
                link.getWorkspaceConnectorId(),
                link.getDirection(),
                link.getCreatedAt(),
                link.getUpdatedAt(),
                link.getDeletedAt(),
                link.getRevision());
    }

    @Override
    public String keyName() {
        return "document_id/workspace_connector_id/direction key";
    }

    @Override
    public DocumentLinkKey parseKey(String recordKey) {
        return DocumentLinkKey.parse(recordKey);
    }

    @Override
    public DocumentLinkKey keyOf(DocumentLinkRow row) {
        return row.key();
    }

    @Override
    public void requireParents(DocumentLinkRow row, ParentRequest parents) {
        parents.connector(row.workspaceConnectorId(), row.workspaceId());
        parents.document(row.documentId());
    }

    @Override
    public void write(Handle handle, List<DocumentLinkRow> rows, ParentKeys parents) {
        handle.attach(DocumentLinkDao.class).upsert(DocumentLinkColumns.of(
                rows,
                row -> parents.document(row.documentId()),
                row -> parents.connector(row.workspaceConnectorId())));
    }

    @Override
    public int delete(Handle handle, List<DocumentLinkKey> keys) {
        return handle.attach(DocumentLinkDao.class).delete(
                keys.stream().map(DocumentLinkKey::documentId).toArray(UUID[]::new),
                keys.stream().map(DocumentLinkKey::workspaceConnectorId).toArray(UUID[]::new),
                keys.stream().map(DocumentLinkKey::direction).toArray(String[]::new));
    }

    @Override
    public String describe(DocumentLinkRow row) {
        return "document link " + row.key() + " revision " + row.revision();
    }
}
