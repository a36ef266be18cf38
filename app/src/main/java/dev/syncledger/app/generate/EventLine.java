package dev.syncledger.app.generate;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.UUID;

/**
 * One JSON event line in the CLI's format, fields in a fixed order (type, event_id, occurred_at, the
 * type's own fields, then workspace_id and workspace_connector_id) so that a spec always gives the
 * same bytes. Absent optional values are left out rather than written as null.
 */
final class EventLine {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    private final String type;
    private final long occurredAt;
    private final ObjectNode node = JSON.createObjectNode();

    private EventLine(String type, UUID eventId, long occurredAt) {
        this.type = type;
        this.occurredAt = occurredAt;
        node.put("type", type);
        node.put("event_id", eventId.toString());
        time("occurred_at", occurredAt);
    }

    static EventLine of(String type, UUID eventId, long occurredAtMillis) {
        return new EventLine(type, eventId, occurredAtMillis);
    }

    static String timestamp(long epochMillis) {
        return TIMESTAMP.format(Instant.ofEpochMilli(epochMillis));
    }

    EventLine text(String field, String value) {
        if (value != null) {
            node.put(field, value);
        }
        return this;
    }

    EventLine uuid(String field, UUID value) {
        return value == null ? this : text(field, value.toString());
    }

    EventLine time(String field, long epochMillis) {
        return text(field, timestamp(epochMillis));
    }

    EventLine number(String field, Integer value) {
        if (value != null) {
            node.put(field, value);
        }
        return this;
    }

    /** A nested JSON object, such as a run's metadata; fill it before {@link #toTimedLine}. */
    ObjectNode object(String field) {
        return node.putObject(field);
    }

    /** Ends the line with the ids every type carries last; a null connector is left out (collects may have none). */
    TimedLine owner(UUID workspaceId, UUID workspaceConnectorId) {
        uuid("workspace_id", workspaceId);
        uuid("workspace_connector_id", workspaceConnectorId);
        return toTimedLine();
    }

    private TimedLine toTimedLine() {
        try {
            return new TimedLine(occurredAt, type, JSON.writeValueAsString(node));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a generated event could not be written as JSON", e);
        }
    }
}
