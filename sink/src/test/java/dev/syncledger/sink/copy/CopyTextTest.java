package dev.syncledger.sink.copy;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class CopyTextTest {

    @Test
    void shouldEscapeTheFourCharactersTheTextFormatGivesMeaningTo() {
        CopyText text = new CopyText();
        text.value("a\tb\nc\rd\\e").endRow();

        assertThat(text.toString()).isEqualTo("a\\tb\\nc\\rd\\\\e\n");
    }

    @Test
    void shouldLeaveQuotesAndUnicodeAsTheyAre() {
        CopyText text = new CopyText();
        text.value("it's \"quoted\" — déjà vu 🚀").endRow();

        assertThat(text.toString()).isEqualTo("it's \"quoted\" — déjà vu 🚀\n");
    }

    @Test
    void shouldWriteNullAsBackslashNAndTellItFromTheTextBackslashN() {
        CopyText text = new CopyText();
        text.value(null).value("\\N").endRow();

        assertThat(text.toString()).isEqualTo("\\N\t\\\\N\n");
    }

    @Test
    void shouldSeparateFieldsWithTabsAndCountRows() {
        UUID id = new UUID(1, 2);
        CopyText text = new CopyText();
        text.value(id).value(42L).value(Instant.parse("2026-06-02T08:14:01.800Z")).endRow();
        text.value("").endRow();

        assertThat(text.toString()).isEqualTo(id + "\t42\t2026-06-02T08:14:01.800Z\n\n");
        assertThat(text.rows()).isEqualTo(2);
    }
}
