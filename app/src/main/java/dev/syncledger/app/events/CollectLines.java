package dev.syncledger.app.events;

import dev.syncledger.schemas.Topics;
import dev.syncledger.schemas.collect.CollectDeleted;
import dev.syncledger.schemas.collect.CollectEvent;
import dev.syncledger.schemas.collect.CollectStatusChanged;
import java.util.Set;
import java.util.UUID;

/**
 * collect.status_changed and collect.deleted, keyed by collect_id. The status is passed on as text and
 * a missing people_id as null: both are the processor's to judge, not the CLI's.
 */
final class CollectLines implements EventLineType {

    @Override
    public Set<String> types() {
        return Set.of("collect.status_changed", "collect.deleted");
    }

    @Override
    public OutgoingEvent read(String type, JsonFields fields) throws InvalidEventLineException {
        UUID collectId = fields.requiredUuid("collect_id");
        CollectEvent event = CollectEvent.newBuilder()
                .setEventId(fields.requiredUuid("event_id"))
                .setOccurredAt(fields.requiredInstant("occurred_at"))
                .setWorkspaceId(fields.requiredUuid("workspace_id"))
                .setWorkspaceConnectorId(optionalUuid(fields, "workspace_connector_id"))
                .setCollectId(collectId)
                .setPayload(payload(type, fields))
                .build();
        return new OutgoingEvent(type, Topics.COLLECTS.name(), collectId.toString(), event);
    }

    private static Object payload(String type, JsonFields fields) throws InvalidEventLineException {
        return switch (type) {
            case "collect.status_changed" -> new CollectStatusChanged(
                    fields.requiredText("status"),
                    optionalUuid(fields, "people_id"),
                    fields.optionalText("provider"),
                    optionalUuid(fields, "task_id"),
                    fields.optionalInstant("started_at"),
                    fields.optionalInstant("ended_at"),
                    fields.optionalText("error"));
            case "collect.deleted" -> new CollectDeleted();
            default -> throw new InvalidEventLineException("unknown type '" + type + "'");
        };
    }

    /** optionalText names a non-string value; requiredUuid then checks the text is a UUID. */
    private static UUID optionalUuid(JsonFields fields, String field) throws InvalidEventLineException {
        return fields.optionalText(field) == null ? null : fields.requiredUuid(field);
    }
}
