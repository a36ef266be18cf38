package dev.syncledger.sink.table;

import dev.syncledger.sink.db.ParentDao;
import dev.syncledger.sink.table.ParentCache.Kind;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

/**
 * The parent rows a batch's rows point at, by public id. {@link #createMissing} inserts the missing ones kind by
 * kind, each kind in id order, so that concurrent sinks lock them in the same order. Gathered in hash sets (a
 * batch names a parent once per row) and sorted only where something is to be created.
 */
public final class ParentRequest {

    private final Set<UUID> workspaces = new HashSet<>();
    private final Map<UUID, UUID> workspaceOfConnector = new HashMap<>();
    private final Set<UUID> documents = new HashSet<>();
    private final Set<UUID> peoples = new HashSet<>();
    private final Set<UUID> tasks = new HashSet<>();

    public void workspace(UUID workspaceId) {
        workspaces.add(workspaceId);
    }

    /** A connector, created under this workspace if it does not exist yet; the first workspace named for it wins. */
    public void connector(UUID workspaceConnectorId, UUID workspaceId) {
        workspace(workspaceId);
        workspaceOfConnector.putIfAbsent(workspaceConnectorId, workspaceId);
    }

    public void document(UUID documentId) {
        documents.add(documentId);
    }

    public void people(UUID peopleId) {
        peoples.add(peopleId);
    }

    /** An optional task: null names none. */
    public void task(UUID taskId) {
        if (taskId != null) {
            tasks.add(taskId);
        }
    }

    public boolean isEmpty() {
        return workspaces.isEmpty() && documents.isEmpty() && peoples.isEmpty() && tasks.isEmpty();
    }

    /**
     * Every requested parent's pk: from the cache where this sink has seen it committed, otherwise from one
     * statement per table that creates what is missing; ids that already existed take a second look.
     */
    public ParentKeys createMissing(ParentDao dao, ParentCache cache) {
        if (isEmpty()) {
            return ParentKeys.NONE;
        }
        Map<Kind, Map<UUID, Long>> pks = new EnumMap<>(Kind.class);
        Map<UUID, Long> workspacePks = resolve(Kind.WORKSPACE, workspaces, cache, dao::createWorkspaces, dao::workspacePks);
        pks.put(Kind.WORKSPACE, workspacePks);
        pks.put(Kind.CONNECTOR, resolve(Kind.CONNECTOR, workspaceOfConnector.keySet(), cache,
                ids -> dao.createConnectors(ids, Arrays.stream(ids).map(id -> workspacePks.get(workspaceOfConnector.get(id))).toArray(Long[]::new)),
                dao::connectorPks));
        pks.put(Kind.DOCUMENT, resolve(Kind.DOCUMENT, documents, cache, dao::createDocuments, dao::documentPks));
        pks.put(Kind.PEOPLE, resolve(Kind.PEOPLE, peoples, cache, dao::createPeoples, dao::peoplePks));
        pks.put(Kind.TASK, resolve(Kind.TASK, tasks, cache, dao::createTasks, dao::taskPks));
        return new ParentKeys(pks);
    }

    private static Map<UUID, Long> resolve(Kind kind, Set<UUID> ids, ParentCache cache, Function<UUID[], Map<UUID, Long>> create,
                                           Function<UUID[], Map<UUID, Long>> lookup) {
        Map<UUID, Long> pks = new HashMap<>();
        List<UUID> unknown = new ArrayList<>();
        for (UUID id : ids) {
            Long pk = cache.pk(kind, id);
            if (pk == null) {
                unknown.add(id);
            } else {
                pks.put(id, pk);
            }
        }
        if (!unknown.isEmpty()) {
            unknown.sort(null);
            pks.putAll(create.apply(unknown.toArray(UUID[]::new)));
            if (pks.size() < ids.size()) {
                pks.putAll(lookup.apply(ids.stream().filter(id -> !pks.containsKey(id)).toArray(UUID[]::new)));
            }
        }
        return pks;
    }
}
