package dev.syncledger.app.events;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.function.Supplier;

/**
 * Publishes JSON event lines: every valid line becomes an event on its input topic, every invalid one is
 * kept with its line number, blank lines are skipped. A line is invalid when it is too long, not UTF-8, not
 * exactly one JSON object, not an event, or when Kafka refuses its event as too large; the lines after it
 * still go through. The feed ends with {@link EventPublisher#flush()}, so what it reports as published was
 * delivered, and it throws {@link UndeliveredEventsException} when the broker itself failed.
 */
public final class EventLineFeed {

    private final EventLineParser parser = new EventLineParser();
    private final EventPublisher publisher;
    private final LineProgress progress;
    private final int maxLineBytes;

    public EventLineFeed(EventPublisher publisher, LineProgress progress, int maxLineBytes) {
        this.publisher = publisher;
        this.progress = progress;
        this.maxLineBytes = maxLineBytes;
    }

    public EventLineFeed(EventPublisher publisher, LineProgress progress) {
        this(publisher, progress, EventLineReader.DEFAULT_MAX_LINE_BYTES);
    }

    public EventLineFeed(EventPublisher publisher) {
        this(publisher, LineProgress.NONE);
    }

    /**
     * Reads the lines from bytes, each decoded on its own.
     *
     * @throws UncheckedIOException when the input cannot be read at all
     */
    public PublishedLines feed(InputStream input) {
        EventLineReader reader = new EventLineReader(input, maxLineBytes);
        return feed(() -> read(reader));
    }

    /** Lines that are already text, such as a generator's: numbered from 1 in their order. */
    public PublishedLines feed(Iterator<String> lines) {
        long[] number = {0};
        return feed(() -> lines.hasNext() ? new InputLine.Text(++number[0], lines.next()) : null);
    }

    private PublishedLines feed(Supplier<InputLine> lines) {
        FeedTally tally = new FeedTally();
        long linesRead = 0;
        try {
            for (InputLine line = lines.get(); line != null; line = lines.get()) {
                linesRead = line.number();
                if (line instanceof InputLine.Unreadable unreadable) {
                    tally.invalid(unreadable.number(), unreadable.problem());
                } else if (line instanceof InputLine.Text text && !text.text().isBlank()) {
                    publish(text, tally);
                }
                progress.lineDone();
            }
            publisher.flush();
        } finally {
            progress.finished();
        }
        return tally.result(linesRead);
    }

    private void publish(InputLine.Text line, FeedTally tally) {
        OutgoingEvent event;
        try {
            event = parser.parse(line.text());
        } catch (InvalidEventLineException e) {
            tally.invalid(line.number(), e.getMessage());
            return;
        }
        // Counted before the send, because a refusal can arrive inside it.
        tally.published(event.type());
        publisher.publish(event, why -> tally.refused(line.number(), event.type(), why));
    }

    private static InputLine read(EventLineReader reader) {
        try {
            return reader.next();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the events: " + e.getMessage(), e);
        }
    }
}
