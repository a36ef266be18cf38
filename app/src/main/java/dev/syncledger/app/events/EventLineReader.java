package dev.syncledger.app.events;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;

/**
 * Reads an events file line by line from its bytes, so that a line which is too long or not UTF-8 is one
 * unreadable line with its number rather than the end of the file. Lines end as {@link java.io.BufferedReader}
 * ends them (a line feed, a carriage return, or both), so line numbers are the ones an editor shows. Memory
 * is bounded by the maximum line length: the rest of a longer line is counted and dropped as it streams by.
 */
public final class EventLineReader {

    /** Kafka's own default for a record (message.max.bytes) is about this, and an event line is rarely 1% of it. */
    public static final int DEFAULT_MAX_LINE_BYTES = 1 << 20;
    public static final int MIN_MAX_LINE_BYTES = 1 << 10;
    public static final int MAX_MAX_LINE_BYTES = 64 << 20;

    private static final int BUFFER_BYTES = 64 << 10;
    private static final byte[] BYTE_ORDER_MARK = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    private final InputStream input;
    private final int maxLineBytes;
    private final byte[] buffer = new byte[BUFFER_BYTES];
    private final CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
    private byte[] line = new byte[1 << 10];
    private int lineLength;
    private long lineBytes;
    private int position;
    private int limit;
    private boolean endOfInput;
    /** The last line ended with a carriage return: a line feed right after it belongs to that line's end. */
    private boolean lineFeedEndsPrevious;
    private long lineNumber;

    public EventLineReader(InputStream input, int maxLineBytes) {
        if (maxLineBytes < MIN_MAX_LINE_BYTES || maxLineBytes > MAX_MAX_LINE_BYTES) {
            throw new IllegalArgumentException("--max-line-bytes must be between " + MIN_MAX_LINE_BYTES + " and " + MAX_MAX_LINE_BYTES
                    + ", not " + maxLineBytes);
        }
        this.input = input;
        this.maxLineBytes = maxLineBytes;
    }

    /**
     * @return the next line, or null after the last one
     * @throws IOException when the input cannot be read at all
     */
    public InputLine next() throws IOException {
        lineLength = 0;
        lineBytes = 0;
        if (!readUpToLineEnd()) {
            return null;
        }
        lineNumber++;
        if (lineBytes > maxLineBytes) {
            return new InputLine.Unreadable(lineNumber, String.format(Locale.ROOT,
                    "the line is %,d bytes, longer than the %,d-byte maximum; split the event or raise --max-line-bytes", lineBytes, maxLineBytes));
        }
        int start = lineNumber == 1 && startsWithByteOrderMark() ? BYTE_ORDER_MARK.length : 0;
        return decode(start);
    }

    /** @return whether there was a line, even an empty one, before the end of the input */
    private boolean readUpToLineEnd() throws IOException {
        boolean sawLine = false;
        while (true) {
            if (position == limit && !fill()) {
                return sawLine;
            }
            if (lineFeedEndsPrevious) {
                lineFeedEndsPrevious = false;
                if (buffer[position] == '\n') {
                    position++;
                    continue;
                }
            }
            sawLine = true;
            int end = position;
            while (end < limit && buffer[end] != '\n' && buffer[end] != '\r') {
                end++;
            }
            keep(position, end - position);
            if (end < limit) {
                lineFeedEndsPrevious = buffer[end] == '\r';
                position = end + 1;
                return true;
            }
            position = end;
        }
    }

    private boolean fill() throws IOException {
        if (endOfInput) {
            return false;
        }
        int read = input.read(buffer);
        if (read < 0) {
            endOfInput = true;
            return false;
        }
        position = 0;
        limit = read;
        return true;
    }

    /** Keeps at most the maximum line length; beyond it only counts, so an endless line costs no memory. */
    private void keep(int from, int length) {
        lineBytes += length;
        int room = maxLineBytes - lineLength;
        int kept = Math.min(length, Math.max(0, room));
        if (kept == 0) {
            return;
        }
        if (lineLength + kept > line.length) {
            line = Arrays.copyOf(line, Math.min(maxLineBytes, Math.max(line.length * 2, lineLength + kept)));
        }
        System.arraycopy(buffer, from, line, lineLength, kept);
        lineLength += kept;
    }

    private boolean startsWithByteOrderMark() {
        return lineLength >= BYTE_ORDER_MARK.length && Arrays.equals(line, 0, BYTE_ORDER_MARK.length, BYTE_ORDER_MARK, 0, BYTE_ORDER_MARK.length);
    }

    private InputLine decode(int start) {
        ByteBuffer bytes = ByteBuffer.wrap(line, start, lineLength - start);
        CharBuffer chars = CharBuffer.allocate(lineLength - start);
        utf8.reset();
        CoderResult result = utf8.decode(bytes, chars, true);
        if (!result.isError()) {
            result = utf8.flush(chars);
        }
        if (result.isError()) {
            int at = bytes.position();
            return new InputLine.Unreadable(lineNumber, String.format(Locale.ROOT,
                    "not valid UTF-8: byte 0x%02X at byte %d of the line; save the file as UTF-8", line[at] & 0xFF, at + 1));
        }
        return new InputLine.Text(lineNumber, chars.flip().toString());
    }
}
