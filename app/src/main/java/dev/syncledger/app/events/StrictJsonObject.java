package dev.syncledger.app.events;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.syncledger.schemas.text.OneLine;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.regex.Pattern;

/**
 * Reads a line that must be exactly one JSON object. Jackson on its own reads the first value of a line and
 * stops, turns a number beyond a double's range into Infinity and keeps the last of two equal keys; a producer
 * that wrote any of these meant something else, so each is a problem with the line instead.
 */
final class StrictJsonObject {

    private static final int QUOTED_CHARS = 40;
    private static final Pattern NON_ZERO_MANTISSA = Pattern.compile("^-?0*\\.?0*[1-9]");

    private final JsonFactory factory = JsonFactory.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();
    private final ObjectMapper json = new ObjectMapper(factory);

    JsonNode read(String line) throws InvalidEventLineException {
        check(line);
        try {
            return json.readTree(line);
        } catch (JsonProcessingException e) {
            // check() has parsed the same text with the same factory.
            throw new IllegalStateException("a line that passed the syntax check failed to read: " + e.getOriginalMessage(), e);
        }
    }

    /** Walks the tokens once, before the tree is built, because the tree no longer holds what was written. */
    private void check(String line) throws InvalidEventLineException {
        try (JsonParser tokens = factory.createParser(line)) {
            if (tokens.nextToken() != JsonToken.START_OBJECT) {
                throw new InvalidEventLineException("an event line must be a JSON object");
            }
            for (int depth = 1; depth > 0; ) {
                JsonToken token = tokens.nextToken();
                if (token == null) {
                    throw new InvalidEventLineException("not JSON: the object is not closed");
                } else if (token.isStructStart()) {
                    depth++;
                } else if (token.isStructEnd()) {
                    depth--;
                } else if (token == JsonToken.VALUE_NUMBER_FLOAT) {
                    checkFits(tokens);
                }
            }
            checkNothingFollows(tokens, line);
        } catch (JsonProcessingException e) {
            throw new InvalidEventLineException("not JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a String source does not fail to read
        }
    }

    private static void checkFits(JsonParser tokens) throws IOException, InvalidEventLineException {
        double value = tokens.getDoubleValue();
        String written = tokens.getText();
        if (Double.isInfinite(value)) {
            throw new InvalidEventLineException(where(tokens) + " " + OneLine.quote(written, QUOTED_CHARS)
                    + " is beyond the range of a 64-bit floating-point number");
        }
        if (value == 0 && NON_ZERO_MANTISSA.matcher(written).find()) {
            throw new InvalidEventLineException(where(tokens) + " " + OneLine.quote(written, QUOTED_CHARS)
                    + " is too small for a 64-bit floating-point number and would become 0");
        }
    }

    private static String where(JsonParser tokens) {
        return "the number at " + OneLine.of(tokens.getParsingContext().pathAsPointer().toString(), QUOTED_CHARS * 2);
    }

    private static void checkNothingFollows(JsonParser tokens, String line) throws IOException, InvalidEventLineException {
        int column = firstNonBlankAfter(line, (int) tokens.currentLocation().getCharOffset()) + 1;
        if (column > line.length()) {
            return;
        }
        JsonToken next;
        try {
            next = tokens.nextToken();
        } catch (JsonProcessingException e) {
            next = null;
        }
        throw new InvalidEventLineException((next == null ? "unexpected text" : "a second JSON value") + " after the event's object at column "
                + column + "; a line must hold exactly one JSON object");
    }

    private static int firstNonBlankAfter(String line, int from) {
        int at = from;
        while (at < line.length() && (line.charAt(at) == ' ' || line.charAt(at) == '\t')) {
            at++;
        }
        return at;
    }
}
