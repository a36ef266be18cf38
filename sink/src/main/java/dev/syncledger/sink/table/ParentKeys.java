package dev.syncledger.sink.table;

import java.util.Map;
import java.util.UUID;

/** The internal keys (pk) of the parents a {@link ParentRequest} named, by public id. */
public final class ParentKeys {

    static final ParentKeys NONE = new ParentKeys(Map.of(), Map.of(), Map.of(), Map.of(), Map.of());

    private final Map<UUID, Long> workspaces;
    private final Map<UUID, Long> connectors;
    private final Map<UUID, Long> documents;
    private final Map<UUID, Long> peoples;
    private final Map<UUID, Long> tasks;

    ParentKeys(Map<UUID, Long> workspaces, Map<UUID, Long> connectors, Map<UUID, Long> documents,
               Map<UUID, Long> peoples, Map<UUID, Long> tasks) {
        this.workspaces = workspaces;
        this.connectors = connectors;
        this.documents = documents;
        this.peoples = peoples;
        this.tasks = tasks;
    }

    public long workspace(UUID workspaceId) {
        return require(workspaces, workspaceId, "workspace");
    }

    public long connector(UUID workspaceConnectorId) {
        return require(connectors, workspaceConnectorId, "workspace connector");
    }

    public long document(UUID documentId) {
        return require(documents, documentId, "document");
    }

    public long people(UUID peopleId) {
        return require(peoples, peopleId, "people");
    }

    /** Null for no task. */
    public Long task(UUID taskId) {
        return taskId == null ? null : require(tasks, taskId, "task");
    }

    private static long require(Map<UUID, Long> pks, UUID id, String kind) {
        Long pk = pks.get(id);
        if (pk == null) {
            throw new IllegalStateException("no pk for " + kind + " " + id + ": its row was not named in the batch's ParentRequest");
        }
        return pk;
    }
}
