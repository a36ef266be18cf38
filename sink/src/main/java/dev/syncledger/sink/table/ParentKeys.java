package dev.syncledger.sink.table;

import dev.syncledger.sink.table.ParentCache.Kind;
import java.util.EnumMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.BiConsumer;

/** The internal keys (pk) of the parents a {@link ParentRequest} named, by public id. */
public final class ParentKeys {

    static final ParentKeys NONE = new ParentKeys(new EnumMap<>(Kind.class));

    private final Map<Kind, Map<UUID, Long>> pks;

    ParentKeys(Map<Kind, Map<UUID, Long>> pks) {
        this.pks = pks;
    }

    public long workspace(UUID workspaceId) {
        return require(Kind.WORKSPACE, workspaceId, "workspace");
    }

    public long connector(UUID workspaceConnectorId) {
        return require(Kind.CONNECTOR, workspaceConnectorId, "workspace connector");
    }

    public long document(UUID documentId) {
        return require(Kind.DOCUMENT, documentId, "document");
    }

    public long people(UUID peopleId) {
        return require(Kind.PEOPLE, peopleId, "people");
    }

    /** Null for no task. */
    public Long task(UUID taskId) {
        return taskId == null ? null : require(Kind.TASK, taskId, "task");
    }

    void forEach(BiConsumer<Kind, Map<UUID, Long>> action) {
        pks.forEach(action);
    }

    private long require(Kind kind, UUID id, String name) {
        Long pk = pks.getOrDefault(kind, Map.of()).get(id);
        if (pk == null) {
            throw new IllegalStateException("no pk for " + name + " " + id + ": its row was not named in the batch's ParentRequest");
        }
        return pk;
    }
}
