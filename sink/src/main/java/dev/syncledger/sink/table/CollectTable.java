package dev.syncledger.sink.table;

import dev.syncledger.schemas.Topics;
import dev.syncledger.schemas.serde.SerdeConfig;
import dev.syncledger.schemas.state.Collect;
import dev.syncledger.sink.db.CollectColumns;
import dev.syncledger.sink.db.CollectDao;
import dev.syncledger.sink.db.CollectRow;
import java.util.List;
import java.util.UUID;
import org.jdbi.v3.core.Handle;

/**
 * collects, from the collect state topic, with their people and task created on first sight. The
 * state's workspace connector is not stored: it only decides whether the processor also publishes a
 * sync log for the collect, which arrives on the sync log topic.
 */
public final class CollectTable extends AvroStateTable<UUID, Collect, CollectRow> {

    public CollectTable(SerdeConfig serde) {
        super(Topics.COLLECT_STATE, "collects", Collect.getClassSchema(), serde);
    }

    @Override
    CollectRow toRow(Collect collect) {
        return new CollectRow(
                collect.getCollectId(),
                collect.getWorkspaceId(),
                collect.getPeopleId(),
                collect.getTaskId(),
                collect.getProvider(),
                collect.getStatus(),
                collect.getStartedAt(),
                collect.getEndedAt(),
                collect.getCreatedAt(),
                collect.getUpdatedAt(),
                collect.getDeletedAt(),
                collect.getRevision());
    }

    @Override
    public String keyName() {
        return "collect id";
    }

    @Override
    public UUID parseKey(String recordKey) {
        return UUID.fromString(recordKey);
    }

    @Override
    public UUID keyOf(CollectRow row) {
        return row.collectId();
    }

    @Override
    public void requireParents(CollectRow row, ParentRequest parents) {
        parents.workspace(row.workspaceId());
        parents.people(row.peopleId());
        parents.task(row.taskId());
    }

    @Override
    public void write(Handle handle, List<CollectRow> rows, ParentKeys parents) {
        handle.attach(CollectDao.class).upsert(CollectColumns.of(rows, row -> parents.people(row.peopleId()),
                row -> parents.workspace(row.workspaceId()), row -> parents.task(row.taskId())));
    }

    @Override
    public int delete(Handle handle, List<UUID> keys) {
        return handle.attach(CollectDao.class).delete(keys.toArray(UUID[]::new));
    }

    @Override
    public String describe(CollectRow row) {
        return "collect " + row.collectId() + " revision " + row.revision();
    }
}
