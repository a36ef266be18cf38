package dev.syncledger.schemas.serde;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.junit.jupiter.api.Test;

/** The reasons the walk gives, which it builds only on failure: each names the field's kind and, if it has one, its schema. */
class EncodedBodyCheckTest {

    private static final Schema COLOUR = SchemaBuilder.enumeration("Colour").symbols("red", "green");
    private static final Schema ID = SchemaBuilder.fixed("Id").size(16);
    private static final Schema STRING = Schema.create(Schema.Type.STRING);

    @Test
    void shouldNameTheEnumWhoseIndexIsOutOfRange() {
        assertThatThrownBy(() -> EncodedBodyCheck.requireOneDatum(COLOUR, new byte[] {10}, 0))
                .hasMessage("enum Colour symbol index 5 at byte 0 is outside 0..1");
    }

    @Test
    void shouldNameTheFixedThatIsCutShort() {
        assertThatThrownBy(() -> EncodedBodyCheck.requireOneDatum(ID, new byte[3], 0))
                .hasMessage("value ends inside a fixed Id at byte 0 (truncated)");
    }

    @Test
    void shouldNameTheLengthThatIsCutShortOrTooLong() {
        assertThatThrownBy(() -> EncodedBodyCheck.requireOneDatum(STRING, new byte[] {(byte) 0x80}, 0))
                .hasMessage("value ends inside a string length at byte 0 (truncated)");
        assertThatThrownBy(() -> EncodedBodyCheck.requireOneDatum(STRING, new byte[] {8, 'a'}, 0))
                .hasMessage("string length 4 at byte 0 does not fit in the 1 bytes left (truncated or corrupt)");
    }

    @Test
    void shouldPassOneWholeDatum() {
        assertThatCode(() -> EncodedBodyCheck.requireOneDatum(COLOUR, new byte[] {2}, 0)).doesNotThrowAnyException();
        assertThatCode(() -> EncodedBodyCheck.requireOneDatum(STRING, new byte[] {4, 'o', 'k'}, 0)).doesNotThrowAnyException();
    }
}
