package dev.syncledger.processor.collect;

import dev.syncledger.schemas.state.Collect;

/** A collect's row as the state topic publishes it. */
public final class CollectRows {

    private CollectRows() {}

    public static Collect toAvro(CollectRow row, long revision) {
        return Collect.newBuilder()
                .setCollectId(row.collectId())
                .setWorkspaceId(row.workspaceId())
                .setWorkspaceConnectorId(row.workspaceConnectorId())
                .setPeopleId(row.peopleId())
                .setTaskId(row.taskId())
                .setProvider(row.provider())
                .setStatus(row.status().code())
                .setStartedAt(row.startedAt())
                .setEndedAt(row.endedAt())
                .setCreatedAt(row.createdAt())
                .setUpdatedAt(row.updatedAt())
                .setDeletedAt(row.deletedAt())
                .setRevision(revision)
                .build();
    }


}
