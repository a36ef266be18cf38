package dev.syncledger.sink.db;

import java.util.UUID;

/** A connector to create on first sight, under the workspace a sync log names. */
public record ConnectorParent(UUID workspaceConnectorId, long workspacePk) {}
