package dev.syncledger.sink.table;

import dev.syncledger.sink.db.ConnectorParent;
import dev.syncledger.sink.db.ParentDao;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;

/**
 * The parent rows a batch's rows point at, by public id. {@link #createMissing} inserts the missing
 * ones kind by kind, each kind in id order, so that concurrent sinks lock them in the same order.
 */
public final class ParentRequest {

    private final SortedSet<UUID> workspaces = new TreeSet<>();
    private final SortedMap<UUID, UUID> workspaceOfConnector = new TreeMap<>();
    private final SortedSet<UUID> documents = new TreeSet<>();
    private final SortedSet<UUID> peoples = new TreeSet<>();
    private final SortedSet<UUID> tasks = new TreeSet<>();

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

    /** Inserts what is missing, then reads every requested parent's internal key. */
    public ParentKeys createMissing(ParentDao dao) {
        if (isEmpty()) {
            return ParentKeys.NONE;
        }
        Map<UUID, Long> workspacePks = Map.of();
        Map<UUID, Long> connectorPks = Map.of();
        if (!workspaces.isEmpty()) {
            dao.insertMissingWorkspaces(List.copyOf(workspaces));
            workspacePks = dao.workspacePks(workspaces.toArray(UUID[]::new));
        }
        if (!workspaceOfConnector.isEmpty()) {
            Map<UUID, Long> pks = workspacePks;
            dao.insertMissingConnectors(workspaceOfConnector.entrySet().stream()
                    .map(e -> new ConnectorParent(e.getKey(), pks.get(e.getValue())))
                    .toList());
            connectorPks = dao.connectorPks(workspaceOfConnector.keySet().toArray(UUID[]::new));
        }
        Map<UUID, Long> documentPks = Map.of();
        if (!documents.isEmpty()) {
            dao.insertMissingDocuments(List.copyOf(documents));
            documentPks = dao.documentPks(documents.toArray(UUID[]::new));
        }
        Map<UUID, Long> peoplePks = Map.of();
        if (!peoples.isEmpty()) {
            dao.insertMissingPeoples(List.copyOf(peoples));
            peoplePks = dao.peoplePks(peoples.toArray(UUID[]::new));
        }
        Map<UUID, Long> taskPks = Map.of();
        if (!tasks.isEmpty()) {
            dao.insertMissingTasks(List.copyOf(tasks));
            taskPks = dao.taskPks(tasks.toArray(UUID[]::new));
        }
        return new ParentKeys(workspacePks, connectorPks, documentPks, peoplePks, taskPks);
    }
}
