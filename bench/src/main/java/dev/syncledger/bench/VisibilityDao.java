package dev.syncledger.bench;

import java.util.List;
import java.util.UUID;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;

/** Which of the runs still awaited have a row yet (the end-to-end benchmark's view of "visible in PostgreSQL"), and how far the sink is. */
interface VisibilityDao {

    @SqlQuery("""
            SELECT workspace_connector_sync_log_id FROM workspace_connector_sync_logs
            WHERE workspace_connector_sync_log_id = ANY(:ids)
            """)
    List<UUID> visibleSyncLogs(@Bind("ids") UUID[] ids);

    record Inserted(long pk, UUID workspaceConnectorSyncLogId) {}

    /** Rows inserted after the given primary key, oldest first. */
    @SqlQuery("""
            SELECT pk, workspace_connector_sync_log_id FROM workspace_connector_sync_logs
            WHERE pk > :after ORDER BY pk LIMIT :limit
            """)
    @RegisterConstructorMapper(Inserted.class)
    List<Inserted> insertedSyncLogs(@Bind("after") long after, @Bind("limit") int limit);

    /** Where the sink resumes, per partition: stored with the rows, so every record before it is in the tables. */
    record SinkOffset(String topic, int partition, long nextOffset) {}

    @SqlQuery("SELECT topic, partition, next_offset FROM sink_offsets WHERE consumer_group = :group")
    @RegisterConstructorMapper(SinkOffset.class)
    List<SinkOffset> sinkOffsets(@Bind("group") String group);
}
