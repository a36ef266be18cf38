package dev.syncledger.sink.db;

import java.util.Comparator;
import java.util.Objects;
import java.util.UUID;

/**
 * What identifies a row of document_workspace_connectors, which has no public id: the document, the
 * connector and the direction. Its text form, {@code <document_id>/<workspace_connector_id>/<direction>},
 * is the state topic's record key.
 */
public record DocumentLinkKey(UUID documentId, UUID workspaceConnectorId, String direction) implements Comparable<DocumentLinkKey> {

    private static final Comparator<DocumentLinkKey> ORDER = Comparator.comparing(DocumentLinkKey::documentId)
            .thenComparing(DocumentLinkKey::workspaceConnectorId)
            .thenComparing(DocumentLinkKey::direction);

    public DocumentLinkKey {
        Objects.requireNonNull(documentId, "documentId");
        Objects.requireNonNull(workspaceConnectorId, "workspaceConnectorId");
        Objects.requireNonNull(direction, "direction");
    }

    /** @throws IllegalArgumentException when the text is not {@code <uuid>/<uuid>/input} or {@code <uuid>/<uuid>/output} */
    public static DocumentLinkKey parse(String text) {
        String[] parts = text == null ? new String[0] : text.split("/", -1);
        if (parts.length != 3 || !(parts[2].equals("input") || parts[2].equals("output"))) {
            throw new IllegalArgumentException("expected <document_id>/<workspace_connector_id>/<input|output>, got " + text);
        }
        return new DocumentLinkKey(UUID.fromString(parts[0]), UUID.fromString(parts[1]), parts[2]);
    }

    @Override
    public int compareTo(DocumentLinkKey other) {
        return ORDER.compare(this, other);
    }

    @Override
    public String toString() {
        return documentId + "/" + workspaceConnectorId + "/" + direction;
    }
}
