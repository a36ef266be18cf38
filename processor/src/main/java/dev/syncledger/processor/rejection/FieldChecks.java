package dev.syncledger.processor.rejection;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.UUID;

/**
 * Checks that keep a value the Avro schema allows but PostgreSQL would refuse out of the pipeline,
 * so that one bad event is rejected instead of stopping the sink on every retry.
 */
public final class FieldChecks {

    /** timestamptz covers far more, but a time outside these years is a producer bug, not a sync run. */
    static final Instant EARLIEST = Instant.parse("1970-01-01T00:00:00Z");
    static final Instant LATEST = Instant.parse("9999-12-31T23:59:59.999Z");

    private static final ObjectMapper JSON = new ObjectMapper();

    private FieldChecks() {}

    public static void checkTime(String field, Instant value, UUID eventId) throws MalformedEventException {
        if (value != null && (value.isBefore(EARLIEST) || value.isAfter(LATEST))) {
            throw new MalformedEventException(field + " " + value + " is outside the years 1970 to 9999", eventId);
        }
    }

    /** PostgreSQL text and jsonb cannot hold the NUL character. */
    public static void checkText(String field, String value, UUID eventId) throws MalformedEventException {
        if (value != null && value.indexOf('\u0000') >= 0) {
            throw new MalformedEventException(field + " contains a NUL character, which PostgreSQL text cannot store", eventId);
        }
    }

    public static void checkJsonObject(String field, String value, UUID eventId) throws MalformedEventException {
        if (value == null) {
            return;
        }
        checkText(field, value, eventId);
        JsonNode node;
        try {
            node = JSON.readTree(value);
        } catch (JsonProcessingException e) {
            throw new MalformedEventException(field + " is not valid JSON: " + e.getOriginalMessage(), eventId);
        }
        if (node == null || !node.isObject()) {
            throw new MalformedEventException(field + " must be a JSON object", eventId);
        }
    }
}
