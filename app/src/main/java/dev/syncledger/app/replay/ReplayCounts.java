package dev.syncledger.app.replay;

import java.util.LinkedHashMap;
import java.util.Map;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.sqlobject.statement.SqlQuery;

/** The row counts the replay summary prints. */
public interface ReplayCounts {

    /** The rows of every sync-ledger table, by table name. */
    static Map<String, Long> perTable(Jdbi jdbi) {
        return jdbi.withExtension(ReplayCounts.class, counts -> {
            Map<String, Long> rows = new LinkedHashMap<>();
            rows.put("workspaces", counts.workspaces());
            rows.put("workspace_connectors", counts.workspaceConnectors());
            rows.put("workspace_connector_sync_logs", counts.workspaceConnectorSyncLogs());
            rows.put("connector_sync_diagnostics", counts.connectorSyncDiagnostics());
            rows.put("documents", counts.documents());
            rows.put("document_workspace_connectors", counts.documentWorkspaceConnectors());
            rows.put("peoples", counts.peoples());
            rows.put("tasks", counts.tasks());
            rows.put("collects", counts.collects());
            rows.put("connector_status", counts.connectorStatus());
            rows.put("rejected_events", counts.rejectedEvents());
            return rows;
        });
    }

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
