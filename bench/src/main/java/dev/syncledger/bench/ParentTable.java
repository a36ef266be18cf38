package dev.syncledger.bench;

import java.util.List;

/**
 * The parent tables the state rows point at, in the order their foreign keys need, with their COPY statements
 * spelled out: the real-schema reference copies them first, as the sink creates them first.
 */
enum ParentTable {
    WORKSPACES("COPY workspaces TO STDOUT", "COPY workspaces FROM STDIN"),
    WORKSPACE_CONNECTORS("COPY workspace_connectors TO STDOUT", "COPY workspace_connectors FROM STDIN"),
    DOCUMENTS("COPY documents TO STDOUT", "COPY documents FROM STDIN"),
    PEOPLES("COPY peoples TO STDOUT", "COPY peoples FROM STDIN"),
    TASKS("COPY tasks TO STDOUT", "COPY tasks FROM STDIN");

    private final String copyOut;
    private final String copyIn;

    ParentTable(String copyOut, String copyIn) {
        this.copyOut = copyOut;
        this.copyIn = copyIn;
    }

    static List<ParentTable> inKeyOrder() {
        return List.of(values());
    }

    String copyOut() {
        return copyOut;
    }

    String copyIn() {
        return copyIn;
    }
}
