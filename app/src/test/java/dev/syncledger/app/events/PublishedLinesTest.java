package dev.syncledger.app.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class PublishedLinesTest {

    @Test
    void shouldEscapeTheControlCharactersOfAProblemSoThatALineCannotWriteToTheTerminal() {
        InvalidLine line = new InvalidLine(7, "Unrecognized token 'abc\u001b': was expecting\r\nline 99: forged\u0085\u009b31m\u007f");

        assertThat(line.problem()).isEqualTo("Unrecognized token 'abc\\u001b': was expecting\\r\\nline 99: forged\\u0085\\u009b31m\\u007f");
        assertThat(new InvalidLine(7, line.problem()).problem()).as("escaping twice changes nothing").isEqualTo(line.problem());
    }

    @Test
    void shouldPrintCountsAndTheInvalidLinesEachOnOneLine() {
        FeedTally tally = new FeedTally();
        tally.published("sync.started");
        tally.published("sync.started");
        tally.published("sync.failed");
        tally.invalid(4, "error 'x\ny'");
        tally.refused(2, "sync.started", "Kafka refuses the event as too large: ...");

        String printed = print(tally.result(5));

        assertThat(printed).isEqualTo("""
                lines read               5
                published                2
                  sync.failed                    1
                  sync.started                   1
                invalid lines            2
                  line 2: Kafka refuses the event as too large: ...
                  line 4: error 'x\\ny'
                """);
    }

    @Test
    void shouldCountEveryInvalidLineButListOnlyTheFirstOnes() {
        FeedTally tally = new FeedTally();
        for (long line = 1; line <= FeedTally.MAX_LISTED + 5; line++) {
            tally.invalid(line, "not JSON");
        }
        tally.refused(FeedTally.MAX_LISTED + 6, "sync.started", "too large");

        PublishedLines lines = tally.result(FeedTally.MAX_LISTED + 6);

        assertThat(lines.invalidCount()).isEqualTo(FeedTally.MAX_LISTED + 6);
        assertThat(lines.invalidLines()).hasSize(FeedTally.MAX_LISTED);
        assertThat(lines.publishedByType()).isEmpty();
        assertThat(print(lines)).contains("invalid lines         1006").endsWith("  line 1000: not JSON\n  (and 6 more invalid lines, not listed)\n");
    }

    private static String print(PublishedLines lines) {
        StringWriter out = new StringWriter();
        try (PrintWriter writer = new PrintWriter(out)) {
            lines.print(writer);
        }
        return out.toString().replace(System.lineSeparator(), "\n");
    }
}
