package dev.syncledger.schemas.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class OneLineTest {

    @Test
    void shouldEscapeWhatCouldRewriteATerminalLine() {
        assertThat(OneLine.escapeControls("a\u001b[2K\rb\nc")).isEqualTo("a\\u001b[2K\\rb\\nc");
        // A right-to-left override and a zero-width space would reorder or hide what follows them.
        assertThat(OneLine.escapeControls("id \u202Egnp.exe\u200B")).isEqualTo("id \\u202egnp.exe\\u200b");
    }

    @Test
    void shouldLeaveOrdinaryTextAlone() {
        String plain = "Zoë's café: 200 emoji 😀";
        assertThat(OneLine.escapeControls(plain)).isSameAs(plain);
        assertThat(OneLine.quote("tab\there", 100)).isEqualTo("'tab\\there'");
    }
}
