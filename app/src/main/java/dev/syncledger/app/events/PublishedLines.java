package dev.syncledger.app.events;

import java.io.PrintWriter;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** What a feed of event lines did: lines read, events published per type, and the lines that were not events. */
public record PublishedLines(long linesRead, Map<String, Long> publishedByType, List<InvalidLine> invalidLines) {

    public PublishedLines {
        publishedByType = Map.copyOf(new TreeMap<>(publishedByType));
        invalidLines = List.copyOf(invalidLines);
    }

    public long published() {
        return publishedByType.values().stream().mapToLong(Long::longValue).sum();
    }

    /** The lines read, the events published per type (in type order) and every invalid line with its number. */
    public void print(PrintWriter out) {
        out.printf("lines read        %8d%n", linesRead);
        out.printf("published         %8d%n", published());
        new TreeMap<>(publishedByType).forEach((type, count) -> out.printf("  %-24s%8d%n", type, count));
        out.printf("invalid lines     %8d%n", invalidLines.size());
        invalidLines.forEach(line -> out.printf("  line %d: %s%n", line.lineNumber(), line.problem()));
    }
}
