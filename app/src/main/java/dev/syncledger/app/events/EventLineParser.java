package dev.syncledger.app.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns one JSON event line into the Avro event its connector would have published. It refuses only
 * what cannot become an event (not JSON, unknown type, a field of the wrong JSON type, a bad uuid or
 * timestamp); everything else, even an event the processor will reject, is published so that the
 * processor's rules, not the CLI, decide.
 */
public final class EventLineParser {

    private static final List<EventLineType> LINE_TYPES = List.of(
            new SyncRunLines(), new DiagnosticLines(), new DocumentLinkLines(), new CollectLines());

    private final ObjectMapper json = new ObjectMapper();
    private final Map<String, EventLineType> byType = new HashMap<>();

    public EventLineParser() {
        for (EventLineType lineType : LINE_TYPES) {
            lineType.types().forEach(type -> byType.put(type, lineType));
        }
    }

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
        EventLineType lineType = byType.get(type);
        if (lineType == null) {
            throw new InvalidEventLineException("unknown type '" + type + "'");
        }
        return lineType.read(type, fields);
    }
}
