package dev.syncledger.app.replay;

import org.jdbi.v3.sqlobject.statement.SqlQuery;

/** The row counts the replay summary prints. */
public interface ReplayCounts {

    @SqlQuery("SELECT count(*) FROM workspaces")
    long workspaces();

    @SqlQuery("SELECT count(*) FROM workspace_connectors")
    long workspaceConnectors();

    @SqlQuery("SELECT count(*) FROM workspace_connector_sync_logs")
    long workspaceConnectorSyncLogs();

    @SqlQuery("SELECT count(*) FROM rejected_events")
    long rejectedEvents();
}
