package dev.syncledger.app.events;

import com.fasterxml.jackson.databind.JsonNode;
import dev.syncledger.schemas.text.OneLine;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns one JSON event line into the Avro event its connector would have published. It refuses only
 * what cannot become an event (not exactly one JSON object, a number no double holds, unknown type, a field
 * of the wrong JSON type, a bad uuid or timestamp); everything else, even an event the processor will reject, is published so that the
 * processor's rules, not the CLI, decide.
 */
public final class EventLineParser {

    private static final List<EventLineType> LINE_TYPES = List.of(
            new SyncRunLines(), new DiagnosticLines(), new DocumentLinkLines(), new CollectLines());

    private static final int QUOTED_CHARS = 80;

    private final StrictJsonObject json = new StrictJsonObject();
    private final Map<String, EventLineType> byType = new HashMap<>();

    public EventLineParser() {
        for (EventLineType lineType : LINE_TYPES) {
            lineType.types().forEach(type -> byType.put(type, lineType));
        }
    }

    public OutgoingEvent parse(String line) throws InvalidEventLineException {
        JsonFields fields = new JsonFields(json.read(line));
        String type = fields.requiredText("type");
        EventLineType lineType = byType.get(type);
        if (lineType == null) {
            throw new InvalidEventLineException("unknown type " + OneLine.quote(type, QUOTED_CHARS));
        }
        return lineType.read(type, fields);
    }
}
