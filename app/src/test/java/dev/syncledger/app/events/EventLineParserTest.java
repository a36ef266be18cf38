package dev.syncledger.app.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.syncledger.schemas.syncrun.SyncFailed;
import dev.syncledger.schemas.syncrun.SyncRunEvent;
import dev.syncledger.schemas.syncrun.SyncSucceeded;
import org.junit.jupiter.api.Test;

/** The strictness every event line shares, whatever its type: one JSON object, numbers that fit, values quoted safely. */
class EventLineParserTest {

    private static final String SUCCEEDED = "{\"type\":\"sync.succeeded\",\"event_id\":\"00000000-0000-4000-8000-000000000003\","
            + "\"occurred_at\":\"2026-06-02T08:14:47Z\",\"workspace_id\":\"c1e7f034-87b2-41d3-9a56-0f2e8b7d3c90\","
            + "\"workspace_connector_id\":\"a9d3c82e-1f45-4b2c-8e67-3d0a1b9c4512\",\"sync_log_id\":\"f3a1bc44-902c-4f8d-b7e2-0d9e5a2c1340\"";

    private final EventLineParser parser = new EventLineParser();

    @Test
    void shouldRefuseTwoObjectsOnOneLineInsteadOfDroppingTheSecond() {
        String first = succeeded("");

        assertInvalid(first + first, "a second JSON value after the event's object at column " + (first.length() + 1)
                + "; a line must hold exactly one JSON object");
        assertInvalid(first + " 5", "a second JSON value after the event's object at column " + (first.length() + 2));
    }

    @Test
    void shouldRefuseTextAfterTheObject() {
        String line = succeeded("");

        assertInvalid(line + " xyz", "unexpected text after the event's object at column " + (line.length() + 2));
        assertInvalid(line + "}", "unexpected text after the event's object at column " + (line.length() + 1));
        assertInvalid(line + ",", "unexpected text after the event's object");
    }

    @Test
    void shouldAcceptBlanksAroundTheObject() throws Exception {
        assertThat(parser.parse(" \t" + succeeded("") + " \t ").type()).isEqualTo("sync.succeeded");
    }

    @Test
    void shouldRefuseWhatIsNotAnObject() {
        assertInvalid("[" + succeeded("") + "]", "an event line must be a JSON object");
        assertInvalid("\"sync.succeeded\"", "an event line must be a JSON object");
        assertInvalid(SUCCEEDED, "not JSON");
    }

    @Test
    void shouldRefuseANumberBeyondADoubleInsteadOfWritingInfinity() {
        assertInvalid(succeeded(",\"metadata\":{\"records_synced\":1e400}"),
                "the number at /metadata/records_synced '1e400' is beyond the range of a 64-bit floating-point number");
        assertInvalid(succeeded(",\"metadata\":{\"pages\":[1,-2.5E+999]}"), "the number at /metadata/pages/1 '-2.5E+999' is beyond the range");
        assertInvalid(diagnostic("\"http_status\":1e400"), "the number at /http_status '1e400' is beyond the range");
    }

    @Test
    void shouldRefuseANumberTooSmallForADoubleInsteadOfWritingZero() {
        assertInvalid(succeeded(",\"metadata\":{\"ratio\":1e-400}"),
                "the number at /metadata/ratio '1e-400' is too small for a 64-bit floating-point number and would become 0");
    }

    @Test
    void shouldKeepNumbersThatFitAsTheyAlwaysWere() throws Exception {
        String metadata = "{\"zero\":0.0,\"negative_zero\":-0e5,\"small\":1e-300,\"large\":1.7e308,\"whole\":12345678901234567890,\"plain\":2.5}";

        SyncSucceeded payload = (SyncSucceeded) ((SyncRunEvent) parser.parse(succeeded(",\"metadata\":" + metadata)).value()).getPayload();

        assertThat(payload.getMetadata()).isEqualTo(new ObjectMapper().readTree(metadata).toString());
    }

    @Test
    void shouldRefuseAKeyGivenTwice() {
        assertInvalid(succeeded(",\"type\":\"sync.failed\""), "not JSON: Duplicate field 'type'");
    }

    @Test
    void shouldQuoteAWrongValueWithItsControlCharactersEscapedAndItsLengthBounded() {
        String forged = "\u001b[2K\r  line 99: forged\n";

        assertInvalid(succeeded("").replace("00000000-0000-4000-8000-000000000003", forged.replace("\u001b", "\\u001b")
                        .replace("\r", "\\r").replace("\n", "\\n")),
                "event_id '\\u001b[2K\\r  line 99: forged\\n' is not a UUID");
        assertThatThrownBy(() -> parser.parse("{\"type\":\"" + "x".repeat(500) + "\"}"))
                .hasMessage("unknown type '" + "x".repeat(79) + "…'");
    }

    @Test
    void shouldKeepControlCharactersOfAValidLineAsTheyWere() throws Exception {
        SyncRunEvent event = (SyncRunEvent) parser.parse(SUCCEEDED.replace("sync.succeeded", "sync.failed")
                + ",\"error\":\"\\u001b[31mred\\u001b[0m\\nsecond line\"}").value();

        assertThat(((SyncFailed) event.getPayload()).getError()).isEqualTo("\u001b[31mred\u001b[0m\nsecond line");
    }

    private static String succeeded(String extraFields) {
        return SUCCEEDED + extraFields + "}";
    }

    private static String diagnostic(String extraFields) {
        return "{\"type\":\"diagnostic.emitted\",\"event_id\":\"8e944239-b02b-41c4-a3d7-0628ece66fa2\",\"occurred_at\":\"2026-06-01T14:32:07Z\","
                + "\"workspace_id\":\"c1e7f034-87b2-41d3-9a56-0f2e8b7d3c90\",\"diagnostic_id\":\"a3f7e812-0c2e-4d1b-9b4a-001122334455\","
                + "\"target_model\":\"invoice\",\"reason\":\"jury_run\"," + extraFields + "}";
    }

    private void assertInvalid(String line, String message) {
        assertThatThrownBy(() -> parser.parse(line)).isInstanceOf(InvalidEventLineException.class).hasMessageContaining(message);
    }
}
