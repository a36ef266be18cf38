package dev.syncledger.app.api;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** JSON:API documents (https://jsonapi.org/format/): resource objects, collections with links, error objects. */
final class JsonApi {

    static final String MEDIA_TYPE = "application/vnd.api+json";
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Columns a resource row carries that are not attributes: the id, the keyset's sort value. */
    private static final Set<String> NOT_ATTRIBUTES = Set.of("id", "sort_value");

    private JsonApi() {}

    /**
     * How a resource type looks: its name, and which of its row's columns are relationships (column → related type),
     * left out of the attributes.
     */
    record ResourceType(String name, Map<String, String> relationships) {}

    static byte[] one(ResourceType type, Map<String, Object> row) {
        return write(json -> {
            json.writeStartObject();
            json.writeFieldName("data");
            resource(json, type, row);
            json.writeEndObject();
        });
    }

    static byte[] many(ResourceType type, List<Map<String, Object>> rows, String self, String next) {
        return write(json -> {
            json.writeStartObject();
            json.writeArrayFieldStart("data");
            for (Map<String, Object> row : rows) {
                resource(json, type, row);
            }
            json.writeEndArray();
            json.writeObjectFieldStart("links");
            json.writeStringField("self", self);
            json.writeStringField("next", next);
            json.writeEndObject();
            json.writeEndObject();
        });
    }

    /**
     * A row as a resource object, written as it is read: a page of 100 rows is written straight to bytes, with no tree
     * of nodes in between (building and walking that tree, then encoding a String, was a third of the API's CPU).
     */
    private static void resource(JsonGenerator json, ResourceType type, Map<String, Object> row) throws IOException {
        json.writeStartObject();
        json.writeStringField("type", type.name());
        json.writeStringField("id", String.valueOf(row.get("id")));
        json.writeObjectFieldStart("attributes");
        for (Map.Entry<String, Object> column : row.entrySet()) {
            if (!NOT_ATTRIBUTES.contains(column.getKey()) && !type.relationships().containsKey(column.getKey())) {
                json.writeFieldName(column.getKey());
                value(json, column.getKey(), column.getValue());
            }
        }
        json.writeEndObject();
        if (!type.relationships().isEmpty()) {
            json.writeObjectFieldStart("relationships");
            for (Map.Entry<String, Object> column : row.entrySet()) {
                String related = type.relationships().get(column.getKey());
                if (related == null) {
                    continue;
                }
                String name = column.getKey().endsWith("_id") ? column.getKey().substring(0, column.getKey().length() - 3) : column.getKey();
                json.writeObjectFieldStart(name);
                if (column.getValue() == null) {
                    json.writeNullField("data");
                } else {
                    json.writeObjectFieldStart("data");
                    json.writeStringField("type", related);
                    json.writeStringField("id", column.getValue().toString());
                    json.writeEndObject();
                }
                json.writeEndObject();
            }
            json.writeEndObject();
        }
        json.writeEndObject();
    }

    /** One error object; {@code parameter} names the query parameter at fault, or is null. */
    static byte[] error(int status, String title, String detail, String parameter) {
        return write(json -> {
            json.writeStartObject();
            json.writeArrayFieldStart("errors");
            json.writeStartObject();
            json.writeStringField("status", Integer.toString(status));
            json.writeStringField("title", title);
            json.writeStringField("detail", detail);
            if (parameter != null) {
                json.writeObjectFieldStart("source");
                json.writeStringField("parameter", parameter);
                json.writeEndObject();
            }
            json.writeEndObject();
            json.writeEndArray();
            json.writeEndObject();
        });
    }

    private interface Document {
        void writeTo(JsonGenerator json) throws IOException;
    }

    private static byte[] write(Document document) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(8 * 1024);
        try (JsonGenerator json = JSON.getFactory().createGenerator(bytes)) {
            document.writeTo(json);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write a JSON:API document to memory", e);
        }
        return bytes.toByteArray();
    }

    private static void instant(JsonGenerator json, Instant instant) throws IOException {
        char[] text = new char[32];
        json.writeString(text, 0, IsoInstants.format(instant, text));
    }

    private static void value(JsonGenerator json, String column, Object value) throws IOException {
        if (value == null) {
            json.writeNull();
        } else if (value instanceof Timestamp timestamp) {
            instant(json, timestamp.toInstant());
        } else if (value instanceof OffsetDateTime time) {
            instant(json, time.toInstant());
        } else if (value instanceof Boolean bool) {
            json.writeBoolean(bool);
        } else if (value instanceof Integer || value instanceof Long || value instanceof Short) {
            json.writeNumber(((Number) value).longValue());
        } else if (value instanceof java.math.BigDecimal decimal) {
            json.writeNumber(decimal);
        } else if (value instanceof Number number) {
            double real = number.doubleValue();
            if (Double.isFinite(real)) {
                json.writeNumber(real);
            } else {
                json.writeNull();
            }
        } else if (column.equals("metadata") || column.equals("details")) {
            // jsonb as PostgreSQL prints it is JSON already: copied, not parsed and written again.
            json.writeRawValue(value.toString());
        } else {
            json.writeString(value.toString());
        }
    }
}
