package dev.syncledger.bench;

import java.util.List;
import java.util.UUID;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;

/** Which of the runs still awaited have a row yet: the end-to-end benchmark's view of "visible in PostgreSQL". */
interface VisibilityDao {

    @SqlQuery("""
            SELECT workspace_connector_sync_log_id FROM workspace_connector_sync_logs
            WHERE workspace_connector_sync_log_id = ANY(:ids)
            """)
    List<UUID> visibleSyncLogs(@Bind("ids") UUID[] ids);
}
