package dev.syncledger.bench;

import java.util.List;
import java.util.UUID;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** Fills a bench schema with many workspaces' sync logs, set-based: the api stage times reading them, not writing them. */
interface ApiBenchDao {

    @SqlUpdate("INSERT INTO workspaces (workspace_id) SELECT gen_random_uuid() FROM generate_series(1, :workspaces)")
    void workspaces(@Bind("workspaces") int workspaces);

    @SqlUpdate("INSERT INTO workspace_connectors (workspace_pk) SELECT w.pk FROM workspaces w, generate_series(1, :perWorkspace)")
    void connectors(@Bind("perWorkspace") int perWorkspace);

    /** Hourly runs going back from now, one in five failed, one in fifty soft-deleted. */
    @SqlUpdate("""
            INSERT INTO workspace_connector_sync_logs (status, error, started_at, completed_at, duration_ms, created_at, updated_at,
                                                       deleted_at, workspace_connector_pk, workspace_pk, revision)
            SELECT CASE WHEN r % 5 = 0 THEN 'error' ELSE 'success' END::connector_sync_status_enum,
                   CASE WHEN r % 5 = 0 THEN 'HTTP 500' END,
                   now() - r * interval '1 hour', now() - r * interval '1 hour' + interval '40 seconds', 40000,
                   now() - r * interval '1 hour', now() - r * interval '1 hour' + interval '40 seconds',
                   CASE WHEN r % 50 = 0 THEN now() END,
                   c.pk, c.workspace_pk, 1
            FROM workspace_connectors c, generate_series(1, :runsPerConnector) AS r
            """)
    void runs(@Bind("runsPerConnector") int runsPerConnector);

    @SqlUpdate("ANALYZE")
    void analyze();

    @SqlQuery("SELECT workspace_id FROM workspaces")
    List<UUID> workspaceIds();
}
