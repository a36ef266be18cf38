package dev.syncledger.app.generate;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;

/**
 * The JSON event line format of every type, field by field, as the contract states it: which
 * fields are required, which optional, and what each must hold. {@link #problems} lists what a line
 * gets wrong, so a test can check lines of types whose reader is not written yet.
 */
final class EventShapes {

    static final Set<String> TARGET_MODELS = Set.of("company", "people", "invoice", "transaction", "account", "ledger_account",
            "journal", "journal_entry", "email", "payment_means", "invoice_transaction", "document");
    static final Set<String> INFORMATIONAL_REASONS = Set.of("jury_run", "jury_disagreement", "schema_drift_detected", "target_skipped",
            "structured_pipeline_degraded", "structured_pipeline_fell_back_to_legacy", "tool_selection_pinned");
    static final Set<String> FAILURE_REASONS = Set.of("no_suitable_tool", "tool_not_found", "auth_scope_insufficient",
            "tool_execution_failed", "empty_result", "jsonata_generation_failed", "jury_partial", "jury_quorum_lost",
            "blueprint_persistence_failed", "mapped_entities_dropped", "mapped_entities_partial_drop", "fk_parent_missing",
            "entity_persist_failed", "sync_fk_dag_cycle", "regression_reverted", "mapping_generation_hard_fail");

    private enum Kind {
        UUID_TEXT(node -> node.isTextual() && isUuid(node.textValue())),
        INSTANT(node -> node.isTextual() && isInstant(node.textValue())),
        TEXT(node -> node.isTextual() && !node.textValue().isEmpty()),
        OBJECT(JsonNode::isObject),
        HTTP_STATUS(node -> node.isInt() && node.intValue() >= 100 && node.intValue() <= 599),
        TARGET_MODEL(node -> node.isTextual() && TARGET_MODELS.contains(node.textValue())),
        REASON(node -> node.isTextual() && (FAILURE_REASONS.contains(node.textValue()) || INFORMATIONAL_REASONS.contains(node.textValue()))),
        DIRECTION(node -> node.isTextual() && Set.of("input", "output").contains(node.textValue())),
        COLLECT_STATUS(node -> node.isTextual() && Set.of("todo", "in_progress", "finalized", "error").contains(node.textValue())),
        TRIGGER(node -> node.isTextual() && Set.of("cloud_task", "manual", "oauth_callback").contains(node.textValue())),
        TYPE(JsonNode::isTextual);

        private final Predicate<JsonNode> accepts;

        Kind(Predicate<JsonNode> accepts) {
            this.accepts = accepts;
        }
    }

    private record Shape(Map<String, Kind> required, Map<String, Kind> optional) {}

    private static final Map<String, Shape> SHAPES = Map.of(
            "sync.scheduled", shape(fields("sync_log_id", Kind.UUID_TEXT), fields("trigger_type", Kind.TRIGGER, "cloud_task_id", Kind.TEXT)),
            "sync.started", shape(fields("sync_log_id", Kind.UUID_TEXT),
                    fields("started_at", Kind.INSTANT, "trigger_type", Kind.TRIGGER, "cloud_task_id", Kind.TEXT)),
            "sync.succeeded", shape(fields("sync_log_id", Kind.UUID_TEXT), fields("completed_at", Kind.INSTANT, "metadata", Kind.OBJECT)),
            "sync.failed", shape(fields("sync_log_id", Kind.UUID_TEXT, "error", Kind.TEXT),
                    fields("completed_at", Kind.INSTANT, "metadata", Kind.OBJECT)),
            "sync.deleted", shape(fields("sync_log_id", Kind.UUID_TEXT), fields()),
            "diagnostic.emitted", shape(
                    fields("diagnostic_id", Kind.UUID_TEXT, "target_model", Kind.TARGET_MODEL, "reason", Kind.REASON, "detail", Kind.TEXT),
                    fields("tool_name", Kind.TEXT, "http_status", Kind.HTTP_STATUS)),
            "document.linked", shape(fields("document_id", Kind.UUID_TEXT, "direction", Kind.DIRECTION), fields()),
            "document.unlinked", shape(fields("document_id", Kind.UUID_TEXT, "direction", Kind.DIRECTION), fields()),
            "collect.status_changed", shape(
                    fields("collect_id", Kind.UUID_TEXT, "status", Kind.COLLECT_STATUS, "people_id", Kind.UUID_TEXT),
                    fields("provider", Kind.TEXT, "task_id", Kind.UUID_TEXT, "started_at", Kind.INSTANT, "ended_at", Kind.INSTANT,
                            "error", Kind.TEXT, "workspace_connector_id", Kind.UUID_TEXT)),
            "collect.deleted", shape(fields("collect_id", Kind.UUID_TEXT), fields("workspace_connector_id", Kind.UUID_TEXT)));

    private EventShapes() {}

    static Set<String> types() {
        return SHAPES.keySet();
    }

    /** What the line gets wrong against its type's shape; empty when it is right. */
    static List<String> problems(JsonNode event) {
        List<String> problems = new ArrayList<>();
        Shape shape = SHAPES.get(event.path("type").asText());
        if (shape == null) {
            return List.of("unknown type " + event.path("type"));
        }
        Map<String, Kind> required = new LinkedHashMap<>(Map.of("type", Kind.TYPE, "event_id", Kind.UUID_TEXT,
                "occurred_at", Kind.INSTANT, "workspace_id", Kind.UUID_TEXT));
        if (!shape.optional().containsKey("workspace_connector_id")) {
            required.put("workspace_connector_id", Kind.UUID_TEXT);
        }
        required.putAll(shape.required());
        required.forEach((field, kind) -> {
            if (!event.has(field)) {
                problems.add("missing " + field);
            } else if (!kind.accepts.test(event.get(field))) {
                problems.add(field + " is not a valid " + kind + ": " + event.get(field));
            }
        });
        for (Iterator<String> names = event.fieldNames(); names.hasNext(); ) {
            String field = names.next();
            Kind kind = shape.optional().get(field);
            if (kind == null && !required.containsKey(field)) {
                problems.add("unexpected field " + field);
            } else if (kind != null && !kind.accepts.test(event.get(field))) {
                problems.add(field + " is not a valid " + kind + ": " + event.get(field));
            }
        }
        return problems;
    }

    private static Shape shape(Map<String, Kind> required, Map<String, Kind> optional) {
        return new Shape(required, optional);
    }

    private static Map<String, Kind> fields(Object... namesAndKinds) {
        Map<String, Kind> fields = new LinkedHashMap<>();
        for (int i = 0; i < namesAndKinds.length; i += 2) {
            fields.put((String) namesAndKinds[i], (Kind) namesAndKinds[i + 1]);
        }
        return fields;
    }

    private static boolean isUuid(String text) {
        try {
            return UUID.fromString(text).toString().equals(text);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static boolean isInstant(String text) {
        try {
            OffsetDateTime.parse(text);
            return true;
        } catch (DateTimeParseException e) {
            return false;
        }
    }
}
