package dev.syncledger.processor.rejection;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import dev.syncledger.processor.limits.FieldLimits;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * A run's metadata as PostgreSQL's jsonb will take it, and the {@code records_synced} it reports.
 *
 * <p>jsonb refuses more than text does: a {@code \u0000} escape anywhere (key or value), a lone UTF-16 surrogate
 * escape, and numbers outside its numeric type; each makes the event {@code malformed} here, so that nothing the
 * processor accepts is refused by the database. An object larger than {@value FieldLimits#METADATA_MAX_BYTES}
 * bytes keeps its top-level numbers, booleans and nulls (at most {@value #MAX_KEPT_MEMBERS}) and gains a member
 * {@value #TRUNCATION_MEMBER} with its original size.
 *
 * @param json the object's text, as the producer sent it unless it was cut
 * @param recordsSynced {@code records_synced} when it is a whole, non-negative number that fits a long, else 0
 */
public record CheckedMetadata(String json, long recordsSynced) {

    public static final String TRUNCATION_MEMBER = "sync_ledger_truncated";
    static final int MAX_KEPT_MEMBERS = 256;

    /** PostgreSQL numeric: up to 131072 digits before the decimal point and 16383 after. */
    private static final int MAX_INTEGER_DIGITS = 131_072;
    private static final int MAX_FRACTION_DIGITS = 16_383;
    private static final JsonFactory JSON = new JsonFactory();

    public static CheckedMetadata read(String field, String text, UUID eventId) throws MalformedEventException {
        if (text == null) {
            return null;
        }
        FieldChecks.checkText(field, text, eventId);
        Walk walk = new Walk(field, eventId);
        try (JsonParser parser = JSON.createParser(text)) {
            walk.object(parser);
        } catch (JsonProcessingException e) {
            throw new MalformedEventException(field + " is not valid JSON: " + e.getOriginalMessage(), eventId);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        int bytes = text.length() <= FieldLimits.METADATA_MAX_BYTES / 3 ? text.length() : text.getBytes(StandardCharsets.UTF_8).length;
        if (bytes <= FieldLimits.METADATA_MAX_BYTES) {
            return new CheckedMetadata(text, walk.recordsSynced);
        }
        return new CheckedMetadata(cut(walk.scalars, bytes), walk.recordsSynced);
    }

    private static String cut(Map<String, Object> scalars, int originalBytes) {
        StringWriter out = new StringWriter();
        try (JsonGenerator json = JSON.createGenerator(out)) {
            json.writeStartObject();
            for (Map.Entry<String, Object> member : scalars.entrySet()) {
                json.writeFieldName(member.getKey());
                if (member.getValue() instanceof Boolean bool) {
                    json.writeBoolean(bool);
                } else if (member.getValue() == null) {
                    json.writeNull();
                } else {
                    json.writeNumber((String) member.getValue());
                }
            }
            json.writeObjectFieldStart(TRUNCATION_MEMBER);
            json.writeNumberField("original_bytes", originalBytes);
            json.writeStringField("kept", "top-level numbers, booleans and nulls");
            json.writeEndObject();
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    /** One pass over the object: checks every name, string and number, and collects what a cut would keep. */
    private static final class Walk {
        private final String field;
        private final UUID eventId;
        private final Map<String, Object> scalars = new LinkedHashMap<>();
        private long recordsSynced;

        Walk(String field, UUID eventId) {
            this.field = field;
            this.eventId = eventId;
        }

        void object(JsonParser parser) throws IOException, MalformedEventException {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw new MalformedEventException(field + " must be a JSON object", eventId);
            }
            int depth = 1;
            String topLevelName = null;
            JsonToken token;
            while (depth > 0 && (token = parser.nextToken()) != null) {
                switch (token) {
                    case START_OBJECT, START_ARRAY -> depth++;
                    case END_OBJECT, END_ARRAY -> depth--;
                    case FIELD_NAME -> {
                        checkString(parser.currentName());
                        topLevelName = depth == 1 ? parser.currentName() : topLevelName;
                    }
                    case VALUE_STRING -> checkString(parser.getText());
                    case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> number(parser, depth == 1 ? topLevelName : null);
                    case VALUE_TRUE, VALUE_FALSE, VALUE_NULL -> keep(depth == 1 ? topLevelName : null,
                            token == JsonToken.VALUE_NULL ? null : token == JsonToken.VALUE_TRUE);
                    default -> { }
                }
            }
            if (depth > 0 || parser.nextToken() != null) {
                throw new MalformedEventException(field + " must be exactly one JSON object", eventId);
            }
        }

        private void number(JsonParser parser, String topLevelName) throws IOException, MalformedEventException {
            BigDecimal value = parser.getDecimalValue();
            if (value.precision() - value.scale() > MAX_INTEGER_DIGITS || value.scale() > MAX_FRACTION_DIGITS) {
                throw new MalformedEventException(field + " holds the number " + parser.getText().substring(0, Math.min(40,
                        parser.getText().length())) + ", which PostgreSQL's numeric cannot store", eventId);
            }
            if ("records_synced".equals(topLevelName)) {
                recordsSynced = wholeCount(value);
            }
            keep(topLevelName, parser.getText());
        }

        private void keep(String topLevelName, Object value) {
            if (topLevelName != null && scalars.size() < MAX_KEPT_MEMBERS) {
                scalars.put(topLevelName, value);
            }
        }

        private void checkString(String text) throws MalformedEventException {
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (c == '\u0000') {
                    throw new MalformedEventException(field + " holds a \\u0000 escape, which PostgreSQL's jsonb cannot store", eventId);
                }
                if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                    i++;
                } else if (Character.isSurrogate(c)) {
                    throw new MalformedEventException(field + " holds a lone UTF-16 surrogate escape, which PostgreSQL's jsonb cannot store", eventId);
                }
            }
        }

        private static long wholeCount(BigDecimal value) {
            if (value.signum() < 0) {
                return 0;
            }
            try {
                return value.stripTrailingZeros().scale() > 0 ? 0 : value.longValueExact();
            } catch (ArithmeticException e) {
                return 0;
            }
        }
    }
}
