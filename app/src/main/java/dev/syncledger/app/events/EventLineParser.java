package dev.syncledger.app.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.syncledger.schemas.Topics;
import dev.syncledger.schemas.TriggerType;
import dev.syncledger.schemas.syncrun.SyncDeleted;
import dev.syncledger.schemas.syncrun.SyncFailed;
import dev.syncledger.schemas.syncrun.SyncRunEvent;
import dev.syncledger.schemas.syncrun.SyncScheduled;
import dev.syncledger.schemas.syncrun.SyncStarted;
import dev.syncledger.schemas.syncrun.SyncSucceeded;
import java.util.UUID;

/**
 * Turns one JSON event line into the Avro event its connector would have published. It refuses only
 * what cannot become an event (not JSON, unknown type, a field of the wrong JSON type, a bad uuid or
 * timestamp); everything else, even an event the processor will reject, is published so that the
 * processor's rules, not the CLI, decide.
 */
public final class EventLineParser {

    private final ObjectMapper json = new ObjectMapper();

    public OutgoingEvent parse(String line) throws InvalidEventLineException {
        JsonNode node;
        try {
            node = json.readTree(line);
        } catch (JsonProcessingException e) {
            throw new InvalidEventLineException("not JSON: " + e.getOriginalMessage());
        }
        if (node == null || !node.isObject()) {
            throw new InvalidEventLineException("an event line must be a JSON object");
        }
        JsonFields fields = new JsonFields(node);
        String type = fields.requiredText("type");
        return switch (type) {
            case "sync.scheduled", "sync.started", "sync.succeeded", "sync.failed", "sync.deleted" -> syncRun(type, fields);
            default -> throw new InvalidEventLineException("unknown type '" + type + "'");
        };
    }

    private static OutgoingEvent syncRun(String type, JsonFields fields) throws InvalidEventLineException {
        UUID syncLogId = fields.requiredUuid("sync_log_id");
        SyncRunEvent event = SyncRunEvent.newBuilder()
                .setEventId(fields.requiredUuid("event_id"))
                .setOccurredAt(fields.requiredInstant("occurred_at"))
                .setWorkspaceId(fields.requiredUuid("workspace_id"))
                .setWorkspaceConnectorId(fields.requiredUuid("workspace_connector_id"))
                .setSyncLogId(syncLogId)
                .setPayload(syncRunPayload(type, fields))
                .build();
        return new OutgoingEvent(type, Topics.SYNC_RUNS.name(), syncLogId.toString(), event);
    }

    private static Object syncRunPayload(String type, JsonFields fields) throws InvalidEventLineException {
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
