package dev.syncledger.app.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class EventLineReaderTest {

    private static final int MAX = EventLineReader.MIN_MAX_LINE_BYTES;

    @ParameterizedTest(name = "one byte per read: {0}")
    @ValueSource(booleans = {false, true})
    void shouldEndLinesAsBufferedReaderDoesAndNumberBlankOnesToo(boolean trickle) throws IOException {
        List<InputLine> lines = readAll(bytes("a\nb\r\nc\rd\n\ne"), trickle);

        assertThat(lines).containsExactly(text(1, "a"), text(2, "b"), text(3, "c"), text(4, "d"), text(5, ""), text(6, "e"));
    }

    @Test
    void shouldNotInventALineAfterTheLastLineEnd() throws IOException {
        assertThat(readAll(bytes("a\r\n"), false)).containsExactly(text(1, "a"));
        assertThat(readAll(bytes(""), false)).isEmpty();
    }

    @ParameterizedTest(name = "one byte per read: {0}")
    @ValueSource(booleans = {false, true})
    void shouldReportALineLongerThanTheMaximumByNumberAndReadTheNextOne(boolean trickle) throws IOException {
        String longLine = "{" + " ".repeat(300_000) + "}";

        List<InputLine> lines = readAll(bytes("{}\n" + longLine + "\r\n{\"after\":1}\n"), trickle);

        assertThat(lines).hasSize(3);
        assertThat(lines.get(0)).isEqualTo(text(1, "{}"));
        assertThat(lines.get(1)).isEqualTo(new InputLine.Unreadable(2,
                "the line is 300,002 bytes, longer than the 1,024-byte maximum; split the event or raise --max-line-bytes"));
        assertThat(lines.get(2)).isEqualTo(text(3, "{\"after\":1}"));
    }

    @Test
    void shouldTakeALineOfExactlyTheMaximum() throws IOException {
        String line = "x".repeat(MAX);

        assertThat(readAll(bytes(line + "\n"), false)).containsExactly(text(1, line));
    }

    @Test
    void shouldReportAnInvalidUtf8ByteWithItsLineAndPositionAndReadTheRest() throws IOException {
        ByteArrayOutputStream input = new ByteArrayOutputStream();
        input.writeBytes(bytes("{\"a\":\"é\"}\n{\"a\":\""));
        input.write(0xFF);
        input.writeBytes(bytes("\"}\n{\"a\":\"ü\"}\n"));

        List<InputLine> lines = readAll(input.toByteArray(), false);

        assertThat(lines).containsExactly(text(1, "{\"a\":\"é\"}"),
                new InputLine.Unreadable(2, "not valid UTF-8: byte 0xFF at byte 7 of the line; save the file as UTF-8"),
                text(3, "{\"a\":\"ü\"}"));
    }

    @Test
    void shouldReportAMultiByteCharacterCutShortAtTheEndOfALine() throws IOException {
        byte[] euro = bytes("€");

        List<InputLine> lines = readAll(new byte[] {'x', euro[0], euro[1], '\n'}, false);

        assertThat(lines).containsExactly(new InputLine.Unreadable(1, "not valid UTF-8: byte 0xE2 at byte 2 of the line; save the file as UTF-8"));
    }

    @Test
    void shouldDropAByteOrderMarkOnTheFirstLineOnly() throws IOException {
        byte[] mark = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
        ByteArrayOutputStream input = new ByteArrayOutputStream();
        input.writeBytes(mark);
        input.writeBytes(bytes("{}\n"));
        input.writeBytes(mark);
        input.writeBytes(bytes("{}\n"));

        assertThat(readAll(input.toByteArray(), false)).containsExactly(text(1, "{}"), text(2, "\uFEFF{}"));
    }

    @Test
    void shouldRefuseAMaximumOutsideItsBounds() {
        assertThatThrownBy(() -> new EventLineReader(InputStream.nullInputStream(), 10))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("--max-line-bytes must be between 1024 and");
    }

    private static List<InputLine> readAll(byte[] input, boolean trickle) throws IOException {
        InputStream stream = trickle ? new OneBytePerRead(new ByteArrayInputStream(input)) : new ByteArrayInputStream(input);
        EventLineReader reader = new EventLineReader(stream, MAX);
        List<InputLine> lines = new ArrayList<>();
        for (InputLine line = reader.next(); line != null; line = reader.next()) {
            lines.add(line);
        }
        return lines;
    }

    private static InputLine text(long number, String text) {
        return new InputLine.Text(number, text);
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** A pipe or a slow disk hands over a few bytes at a time: a line end may fall between two reads. */
    private static final class OneBytePerRead extends FilterInputStream {

        OneBytePerRead(InputStream in) {
            super(in);
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            return super.read(b, off, Math.min(1, len));
        }
    }
}
