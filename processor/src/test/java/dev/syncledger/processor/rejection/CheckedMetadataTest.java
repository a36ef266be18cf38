package dev.syncledger.processor.rejection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.syncledger.processor.limits.FieldLimits;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class CheckedMetadataTest {

    private static final UUID EVENT = UUID.fromString("00000000-0000-4000-8000-000000000001");

    @Test
    void shouldKeepASmallObjectAsSentAndReadRecordsSynced() throws Exception {
        String json = "{\"records_synced\": 312, \"connector_slug\":\"pennylane\"}";

        CheckedMetadata checked = CheckedMetadata.read("metadata", json, EVENT);

        assertThat(checked.json()).isSameAs(json);
        assertThat(checked.recordsSynced()).isEqualTo(312);
    }

    @Test
    void shouldCountRecordsSyncedOnlyWhenItIsAWholeNonNegativeNumberThatFitsALong() throws Exception {
        assertThat(records("{\"records_synced\":312.0}")).isEqualTo(312);
        assertThat(records("{\"records_synced\":3e2}")).isEqualTo(300);
        assertThat(records("{\"records_synced\":-4}")).isZero();
        assertThat(records("{\"records_synced\":1.5}")).isZero();
        assertThat(records("{\"records_synced\":\"12\"}")).isZero();
        assertThat(records("{\"records_synced\":99999999999999999999}")).isZero();
        assertThat(records("{\"nested\":{\"records_synced\":7}}")).as("only the top level counts").isZero();
    }

    @Test
    void shouldRejectWhatJsonbRefuses() {
        assertMalformed("{\"a\":\"x\\u0000y\"}", "\\u0000");
        assertMalformed("{\"\\u0000\":1}", "\\u0000");
        assertMalformed("{\"a\":[{\"b\":\"\\u0000\"}]}", "\\u0000");
        assertMalformed("{\"a\":\"\\ud800\"}", "surrogate");
        assertMalformed("{\"a\":\"\\udc00x\"}", "surrogate");
        assertMalformed("{\"a\":1e200000}", "numeric");
        assertMalformed("{\"a\":1e-20000}", "numeric");
    }

    @Test
    void shouldAcceptASurrogatePairAndALargeButStorableNumber() throws Exception {
        CheckedMetadata checked = CheckedMetadata.read("metadata", "{\"rocket\":\"\\ud83d\\ude80\",\"big\":1e400}", EVENT);

        assertThat(checked.json()).contains("1e400");
    }

    @Test
    void shouldRejectAnythingButExactlyOneObject() {
        assertMalformed("[1,2]", "JSON object");
        assertMalformed("\"text\"", "JSON object");
        assertMalformed("{\"a\":1} {\"b\":2}", "exactly one");
        assertMalformed("{\"a\":1} junk", "JSON");
        assertMalformed("{\"a\":", "JSON");
    }

    @Test
    void shouldCutAnObjectOverTheLimitToItsTopLevelScalarsAndSaySo() throws Exception {
        String big = "{\"records_synced\":42,\"ok\":true,\"none\":null,\"text\":\"" + "x".repeat(FieldLimits.METADATA_MAX_BYTES)
                + "\",\"pages\":[1,2,3],\"ratio\":0.5}";

        CheckedMetadata checked = CheckedMetadata.read("metadata", big, EVENT);

        JsonNode cut = new ObjectMapper().readTree(checked.json());
        assertThat(checked.recordsSynced()).isEqualTo(42);
        assertThat(cut.get("records_synced").asLong()).isEqualTo(42);
        assertThat(cut.get("ok").asBoolean()).isTrue();
        assertThat(cut.get("none").isNull()).isTrue();
        assertThat(cut.get("ratio").asDouble()).isEqualTo(0.5);
        assertThat(cut.has("text")).isFalse();
        assertThat(cut.has("pages")).isFalse();
        assertThat(cut.get(CheckedMetadata.TRUNCATION_MEMBER).get("original_bytes").asInt()).isEqualTo(big.length());
        assertThat(checked.json().length()).isLessThan(1_000);
    }

    @Test
    void shouldBoundACutObjectWithManyMembers() throws Exception {
        StringBuilder many = new StringBuilder("{");
        for (int i = 0; i < 20_000; i++) {
            many.append(i == 0 ? "" : ",").append("\"k").append(i).append("\":").append(i);
        }
        many.append('}');

        CheckedMetadata checked = CheckedMetadata.read("metadata", many.toString(), EVENT);

        assertThat(new ObjectMapper().readTree(checked.json()).size()).isEqualTo(CheckedMetadata.MAX_KEPT_MEMBERS + 1);
    }

    private static long records(String json) throws MalformedEventException {
        return CheckedMetadata.read("metadata", json, EVENT).recordsSynced();
    }

    private static void assertMalformed(String json, String why) {
        assertThatThrownBy(() -> CheckedMetadata.read("metadata", json, EVENT))
                .as(json)
                .isInstanceOf(MalformedEventException.class)
                .hasMessageContaining(why);
    }
}
