package dev.syncledger.app.events;

import dev.syncledger.schemas.Topics;
import dev.syncledger.schemas.TriggerType;
import dev.syncledger.schemas.syncrun.SyncDeleted;
import dev.syncledger.schemas.syncrun.SyncFailed;
import dev.syncledger.schemas.syncrun.SyncRunEvent;
import dev.syncledger.schemas.syncrun.SyncScheduled;
import dev.syncledger.schemas.syncrun.SyncStarted;
import dev.syncledger.schemas.syncrun.SyncSucceeded;
import java.util.Set;
import java.util.UUID;

/** sync.scheduled, sync.started, sync.succeeded, sync.failed and sync.deleted, keyed by sync_log_id. */
final class SyncRunLines implements EventLineType {

    @Override
    public Set<String> types() {
        return Set.of("sync.scheduled", "sync.started", "sync.succeeded", "sync.failed", "sync.deleted");
    }

    @Override
    public OutgoingEvent read(String type, JsonFields fields) throws InvalidEventLineException {
        UUID syncLogId = fields.requiredUuid("sync_log_id");
        SyncRunEvent event = SyncRunEvent.newBuilder()
                .setEventId(fields.requiredUuid("event_id"))
                .setOccurredAt(fields.requiredInstant("occurred_at"))
                .setWorkspaceId(fields.requiredUuid("workspace_id"))
                .setWorkspaceConnectorId(fields.requiredUuid("workspace_connector_id"))
                .setSyncLogId(syncLogId)
                .setPayload(payload(type, fields))
                .build();
        return new OutgoingEvent(type, Topics.SYNC_RUNS.name(), syncLogId.toString(), event);
    }

    private static Object payload(String type, JsonFields fields) throws InvalidEventLineException {
        return switch (type) {
            case "sync.scheduled" -> new SyncScheduled(
                    fields.optionalEnum("trigger_type", TriggerType.class), fields.optionalText("cloud_task_id"));
            case "sync.started" -> new SyncStarted(fields.optionalInstant("started_at"),
                    fields.optionalEnum("trigger_type", TriggerType.class), fields.optionalText("cloud_task_id"));
            case "sync.succeeded" -> new SyncSucceeded(fields.optionalInstant("completed_at"), fields.optionalObjectAsText("metadata"));
            case "sync.failed" -> new SyncFailed(fields.optionalInstant("completed_at"), fields.optionalText("error"),
                    fields.optionalObjectAsText("metadata"));
            case "sync.deleted" -> new SyncDeleted();
            default -> throw new InvalidEventLineException("unknown type '" + type + "'");
        };
    }
}
