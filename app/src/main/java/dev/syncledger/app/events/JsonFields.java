package dev.syncledger.app.events;

import com.fasterxml.jackson.databind.JsonNode;
import dev.syncledger.schemas.text.OneLine;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.UUID;

/** Typed reads of one JSON event line's fields, each failing with a message that names the field. */
public final class JsonFields {

    /** Enough of a wrong value to recognise it; a line may carry megabytes in one field. */
    private static final int QUOTED_CHARS = 80;

    private final JsonNode node;

    JsonFields(JsonNode node) {
        this.node = node;
    }

    UUID requiredUuid(String field) throws InvalidEventLineException {
        return uuid(field, required(field));
    }

    Instant requiredInstant(String field) throws InvalidEventLineException {
        return instant(field, required(field));
    }

    Instant optionalInstant(String field) throws InvalidEventLineException {
        JsonNode value = optional(field);
        return value == null ? null : instant(field, value);
    }

    String optionalText(String field) throws InvalidEventLineException {
        JsonNode value = optional(field);
        if (value == null) {
            return null;
        }
        if (!value.isTextual()) {
            throw new InvalidEventLineException(field + " must be a string, not " + describe(value));
        }
        return value.textValue();
    }

    String requiredText(String field) throws InvalidEventLineException {
        String value = optionalText(field);
        if (value == null) {
            throw new InvalidEventLineException("missing required field " + field);
        }
        return value;
    }

    /** A whole JSON number that fits an int; its range is for the processor to judge. */
    Integer optionalInt(String field) throws InvalidEventLineException {
        JsonNode value = optional(field);
        if (value == null) {
            return null;
        }
        if (!value.isIntegralNumber() || !value.canConvertToInt()) {
            throw new InvalidEventLineException(field + " must be a whole number that fits 32 bits, not " + describe(value)
                    + (value.isNumber() ? " " + value.asText() : ""));
        }
        return value.intValue();
    }

    /** A JSON object carried as its text, as the Avro contract has it. */
    String optionalObjectAsText(String field) throws InvalidEventLineException {
        JsonNode value = optional(field);
        if (value == null) {
            return null;
        }
        if (!value.isObject()) {
            throw new InvalidEventLineException(field + " must be a JSON object, not " + describe(value));
        }
        return value.toString();
    }

    <E extends Enum<E>> E optionalEnum(String field, Class<E> type) throws InvalidEventLineException {
        String value = optionalText(field);
        if (value == null) {
            return null;
        }
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equals(value)) {
                return constant;
            }
        }
        throw new InvalidEventLineException("unknown " + field + " " + OneLine.quote(value, QUOTED_CHARS));
    }

    private JsonNode required(String field) throws InvalidEventLineException {
        JsonNode value = optional(field);
        if (value == null) {
            throw new InvalidEventLineException("missing required field " + field);
        }
        return value;
    }

    private JsonNode optional(String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value;
    }

    private static UUID uuid(String field, JsonNode value) throws InvalidEventLineException {
        if (!value.isTextual()) {
            throw new InvalidEventLineException(field + " must be a UUID string, not " + describe(value));
        }
        try {
            UUID parsed = UUID.fromString(value.textValue());
            if (!parsed.toString().equalsIgnoreCase(value.textValue())) {
                throw new IllegalArgumentException();
            }
            return parsed;
        } catch (IllegalArgumentException e) {
            throw new InvalidEventLineException(field + " " + OneLine.quote(value.textValue(), QUOTED_CHARS) + " is not a UUID");
        }
    }

    private static Instant instant(String field, JsonNode value) throws InvalidEventLineException {
        if (!value.isTextual()) {
            throw new InvalidEventLineException(field + " must be an ISO-8601 instant string, not " + describe(value));
        }
        try {
            return OffsetDateTime.parse(value.textValue()).toInstant();
        } catch (DateTimeParseException e) {
            throw new InvalidEventLineException(field + " " + OneLine.quote(value.textValue(), QUOTED_CHARS) + " is not an ISO-8601 instant such as 2026-06-02T08:14:02Z");
        }
    }

    private static String describe(JsonNode value) {
        return value.getNodeType().name().toLowerCase();
    }
}
