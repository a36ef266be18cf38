package dev.syncledger.app.generate;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/** A generated workload read back as JSON, with the groupings the tests look at. */
final class GeneratedWorkload {

    private static final ObjectMapper JSON = new ObjectMapper();

    final WorkloadSpec spec;
    final List<String> lines;
    final WorkloadCounts counts;
    /** Every line, in delivery order. */
    final List<JsonNode> delivered = new ArrayList<>();
    /** The first delivery of every event, in delivery order: duplicates left out. */
    final List<JsonNode> events = new ArrayList<>();

    private GeneratedWorkload(WorkloadSpec spec, List<String> lines, WorkloadCounts counts) {
        this.spec = spec;
        this.lines = lines;
        this.counts = counts;
        Set<String> seen = new HashSet<>();
        for (String line : lines) {
            JsonNode node = parse(line);
            delivered.add(node);
            if (seen.add(node.get("event_id").asText())) {
                events.add(node);
            }
        }
    }

    static GeneratedWorkload of(WorkloadSpec spec) {
        WorkloadLines iterator = new WorkloadGenerator(spec).iterator();
        List<String> lines = new ArrayList<>();
        iterator.forEachRemaining(lines::add);
        return new GeneratedWorkload(spec, lines, iterator.counts());
    }

    static JsonNode parse(String line) {
        try {
            return JSON.readTree(line);
        } catch (JsonProcessingException e) {
            throw new AssertionError("not JSON: " + line, e);
        }
    }

    static Instant time(JsonNode event, String field) {
        return Instant.parse(event.get(field).asText());
    }

    static String type(JsonNode event) {
        return event.get("type").asText();
    }

    List<JsonNode> ofType(String... types) {
        Set<String> wanted = Set.of(types);
        return events.stream().filter(event -> wanted.contains(type(event))).toList();
    }

    /** The events of each run, by sync_log_id, in delivery order. */
    Map<String, List<JsonNode>> runs() {
        return groupBy("sync_log_id", events.stream().filter(event -> type(event).startsWith("sync.")).toList());
    }

    /** The events of each collect, by collect_id, in delivery order. */
    Map<String, List<JsonNode>> collects() {
        return groupBy("collect_id", events.stream().filter(event -> type(event).startsWith("collect.")).toList());
    }

    /** The slug each connector reports in its runs' metadata. */
    Map<String, String> slugByConnector() {
        return ofType("sync.succeeded", "sync.failed").stream().collect(Collectors.toMap(
                event -> event.get("workspace_connector_id").asText(),
                event -> event.get("metadata").get("connector_slug").asText(),
                (first, second) -> first));
    }

    static JsonNode only(List<JsonNode> events, String type) {
        List<JsonNode> matching = events.stream().filter(event -> type(event).equals(type)).toList();
        if (matching.size() != 1) {
            throw new AssertionError("expected one " + type + ", found " + matching.size() + " in " + events);
        }
        return matching.get(0);
    }

    private static Map<String, List<JsonNode>> groupBy(String field, List<JsonNode> events) {
        Map<String, List<JsonNode>> groups = new LinkedHashMap<>();
        for (JsonNode event : events) {
            groups.computeIfAbsent(event.get(field).asText(), key -> new ArrayList<>()).add(event);
        }
        return groups;
    }
}
