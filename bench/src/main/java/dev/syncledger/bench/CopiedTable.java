package dev.syncledger.bench;

import java.util.List;

/**
 * The state tables the raw COPY references fill, with their COPY statements spelled out: the rows the
 * sink wrote go out of the real table and into an unindexed one of the same shape, or into the same table of a
 * fresh copy of the real schema.
 */
enum CopiedTable {
    SYNC_LOGS("workspace_connector_sync_logs",
            "COPY workspace_connector_sync_logs TO STDOUT",
            "COPY bench_copy_workspace_connector_sync_logs FROM STDIN",
            "COPY workspace_connector_sync_logs FROM STDIN"),
    DIAGNOSTICS("connector_sync_diagnostics",
            "COPY connector_sync_diagnostics TO STDOUT",
            "COPY bench_copy_connector_sync_diagnostics FROM STDIN",
            "COPY connector_sync_diagnostics FROM STDIN"),
    DOCUMENT_LINKS("document_workspace_connectors",
            "COPY document_workspace_connectors TO STDOUT",
            "COPY bench_copy_document_workspace_connectors FROM STDIN",
            "COPY document_workspace_connectors FROM STDIN"),
    COLLECTS("collects",
            "COPY collects TO STDOUT",
            "COPY bench_copy_collects FROM STDIN",
            "COPY collects FROM STDIN"),
    CONNECTOR_STATUS("connector_status",
            "COPY connector_status TO STDOUT",
            "COPY bench_copy_connector_status FROM STDIN",
            "COPY connector_status FROM STDIN");

    private final String table;
    private final String copyOut;
    private final String copyIn;
    private final String copyIntoSchema;

    CopiedTable(String table, String copyOut, String copyIn, String copyIntoSchema) {
        this.table = table;
        this.copyOut = copyOut;
        this.copyIn = copyIn;
        this.copyIntoSchema = copyIntoSchema;
    }

    static List<CopiedTable> all() {
        return List.of(values());
    }

    String table() {
        return table;
    }

    String copy() {
        return "bench_copy_" + table;
    }

    String copyOut() {
        return copyOut;
    }

    String copyIn() {
        return copyIn;
    }

    /** Into the table of the same name in another migrated schema: keys, indexes, checks and foreign keys included. */
    String copyIntoSchema() {
        return copyIntoSchema;
    }
}
