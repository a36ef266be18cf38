package dev.syncledger.app.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.sql.Timestamp;
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

    static ObjectNode resource(ResourceType type, Map<String, Object> row) {
        ObjectNode resource = JSON.createObjectNode();
        resource.put("type", type.name());
        resource.put("id", String.valueOf(row.get("id")));
        ObjectNode attributes = resource.putObject("attributes");
        ObjectNode relationships = JSON.createObjectNode();
        row.forEach((column, value) -> {
            if (NOT_ATTRIBUTES.contains(column)) {
                return;
            }
            String related = type.relationships().get(column);
            if (related != null) {
                String name = column.endsWith("_id") ? column.substring(0, column.length() - 3) : column;
                ObjectNode data = JSON.createObjectNode();
                if (value == null) {
                    relationships.putObject(name).putNull("data");
                } else {
                    data.put("type", related).put("id", value.toString());
                    relationships.putObject(name).set("data", data);
                }
                return;
            }
            attributes.set(column, value(column, value));
        });
        if (!relationships.isEmpty()) {
            resource.set("relationships", relationships);
        }
        return resource;
    }

    static String one(ResourceType type, Map<String, Object> row) {
        ObjectNode document = JSON.createObjectNode();
        document.set("data", resource(type, row));
        return document.toString();
    }

    static String many(ResourceType type, List<Map<String, Object>> rows, String self, String next) {
        ObjectNode document = JSON.createObjectNode();
        ArrayNode data = document.putArray("data");
        rows.forEach(row -> data.add(resource(type, row)));
        ObjectNode links = document.putObject("links");
        links.put("self", self);
        if (next == null) {
            links.putNull("next");
        } else {
            links.put("next", next);
        }
        return document.toString();
    }

    /** One error object; {@code parameter} names the query parameter at fault, or is null. */
    static String error(int status, String title, String detail, String parameter) {
        ObjectNode document = JSON.createObjectNode();
        ObjectNode error = document.putArray("errors").addObject();
        error.put("status", Integer.toString(status));
        error.put("title", title);
        error.put("detail", detail);
        if (parameter != null) {
            error.putObject("source").put("parameter", parameter);
        }
        return document.toString();
    }

    private static JsonNode value(String column, Object value) {
        if (value == null) {
            return JSON.nullNode();
        }
        if (value instanceof Timestamp timestamp) {
            return JSON.getNodeFactory().textNode(timestamp.toInstant().toString());
        }
        if (value instanceof OffsetDateTime time) {
            return JSON.getNodeFactory().textNode(time.toInstant().toString());
        }
        if (value instanceof Number number) {
            return JSON.valueToTree(number);
        }
        if (value instanceof Boolean bool) {
            return JSON.getNodeFactory().booleanNode(bool);
        }
        if (column.equals("metadata") || column.equals("details")) {
            try {
                return JSON.readTree(value.toString());
            } catch (Exception e) {
                return JSON.getNodeFactory().textNode(value.toString());
            }
        }
        return JSON.getNodeFactory().textNode(value.toString());
    }
}
