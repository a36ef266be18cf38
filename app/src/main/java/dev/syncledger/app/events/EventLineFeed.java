package dev.syncledger.app.events;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Publishes JSON event lines: every valid line becomes an event on its input topic, every invalid one
 * is kept with its line number, blank lines are skipped. The feed only hands events to the producer;
 * {@link EventPublisher#flush()} says whether they were delivered.
 */
public final class EventLineFeed {

    private final EventLineParser parser = new EventLineParser();
    private final EventPublisher publisher;
    private final LineProgress progress;

    public EventLineFeed(EventPublisher publisher, LineProgress progress) {
        this.publisher = publisher;
        this.progress = progress;
    }

    public EventLineFeed(EventPublisher publisher) {
        this(publisher, LineProgress.NONE);
    }

    /** @throws UncheckedIOException when the lines cannot be read */
    public PublishedLines feed(BufferedReader reader) {
        return feed(new Iterator<>() {
            private String next = read();

            @Override
            public boolean hasNext() {
                return next != null;
            }

            @Override
            public String next() {
                String line = next;
                next = read();
                return line;
            }

            private String read() {
                try {
                    return reader.readLine();
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot read the events: " + e.getMessage(), e);
                }
            }
        });
    }

    public PublishedLines feed(Iterator<String> lines) {
        long linesRead = 0;
        Map<String, Long> publishedByType = new TreeMap<>();
        List<InvalidLine> invalid = new ArrayList<>();
        try {
            while (lines.hasNext()) {
                String line = lines.next();
                linesRead++;
                if (!line.isBlank()) {
                    try {
                        OutgoingEvent event = parser.parse(line);
                        publisher.publish(event);
                        publishedByType.merge(event.type(), 1L, Long::sum);
                    } catch (InvalidEventLineException e) {
                        invalid.add(new InvalidLine(linesRead, e.getMessage()));
                    }
                }
                progress.lineDone();
            }
        } finally {
            progress.finished();
        }
        return new PublishedLines(linesRead, publishedByType, invalid);
    }
}
