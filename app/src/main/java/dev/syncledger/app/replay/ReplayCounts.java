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

    @SqlQuery("SELECT count(*) FROM connector_sync_diagnostics")
    long connectorSyncDiagnostics();

    @SqlQuery("SELECT count(*) FROM documents")
    long documents();

    @SqlQuery("SELECT count(*) FROM document_workspace_connectors")
    long documentWorkspaceConnectors();

    @SqlQuery("SELECT count(*) FROM peoples")
    long peoples();

    @SqlQuery("SELECT count(*) FROM tasks")
    long tasks();

    @SqlQuery("SELECT count(*) FROM collects")
    long collects();

    @SqlQuery("SELECT count(*) FROM connector_status")
    long connectorStatus();

    @SqlQuery("SELECT count(*) FROM rejected_events")
    long rejectedEvents();
}
