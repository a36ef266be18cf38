package dev.syncledger.processor.limits;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FieldLimitsTest {

    private static final String EMOJI = "\uD83D\uDE80";

    @Test
    void shouldCountCharactersAsPostgresqlDoesNotAsUtf16Units() {
        String twoHundredRockets = EMOJI.repeat(200);

        assertThat(twoHundredRockets.length()).isEqualTo(400);
        assertThat(FieldLimits.characters(twoHundredRockets)).isEqualTo(200);
        assertThat(FieldLimits.exceeds(twoHundredRockets, FieldLimits.VARCHAR_MAX_CHARS)).isFalse();
        assertThat(FieldLimits.exceeds(EMOJI.repeat(256), FieldLimits.VARCHAR_MAX_CHARS)).isTrue();
        assertThat(FieldLimits.exceeds("x".repeat(255), FieldLimits.VARCHAR_MAX_CHARS)).isFalse();
        assertThat(FieldLimits.exceeds(null, FieldLimits.VARCHAR_MAX_CHARS)).isFalse();
    }

    @Test
    void shouldKeepLongTextInFullUpToTheLimit() {
        String atTheLimit = "a".repeat(FieldLimits.LONG_TEXT_MAX_CHARS);

        assertThat(FieldLimits.boundLongText(atTheLimit)).isSameAs(atTheLimit);
        assertThat(FieldLimits.boundLongText(null)).isNull();
    }

    @Test
    void shouldCutLongerTextWithAMarkerGivingItsOriginalLength() {
        String stackTrace = "java.lang.IllegalStateException: boom\n\tat ".repeat(15_000);

        String bounded = FieldLimits.boundLongText(stackTrace);

        assertThat(bounded).startsWith(stackTrace.substring(0, 1_000));
        assertThat(bounded).endsWith("… [cut by sync-ledger at 16384 of " + stackTrace.length() + " characters]");
        assertThat(FieldLimits.characters(bounded)).isLessThan(FieldLimits.LONG_TEXT_MAX_CHARS + 80);
    }

    @Test
    void shouldNeverCutASurrogatePairInHalf() {
        String rockets = EMOJI.repeat(FieldLimits.LONG_TEXT_MAX_CHARS + 10);

        String bounded = FieldLimits.boundLongText(rockets);

        assertThat(bounded).startsWith(EMOJI.repeat(FieldLimits.LONG_TEXT_MAX_CHARS) + "…");
        assertThat(bounded.chars().filter(c -> Character.isSurrogate((char) c)).count() % 2).as("no lone half of a pair").isZero();
        assertThat(bounded.codePoints().filter(c -> c >= 0xD800 && c <= 0xDFFF)).isEmpty();
    }
}
