package dev.syncledger.app.events;

import java.io.PrintWriter;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a feed of event lines did: lines read, events published per type, and the lines that were not events:
 * {@code invalidCount} of them, of which {@code invalidLines} lists the first ones with their numbers.
 */
public record PublishedLines(long linesRead, Map<String, Long> publishedByType, List<InvalidLine> invalidLines, long invalidCount) {

    public PublishedLines {
        publishedByType = Map.copyOf(new TreeMap<>(publishedByType));
        invalidLines = List.copyOf(invalidLines);
        if (invalidCount < invalidLines.size()) {
            throw new IllegalArgumentException("invalidCount " + invalidCount + " is below the " + invalidLines.size() + " lines listed");
        }
    }

    public long published() {
        return publishedByType.values().stream().mapToLong(Long::longValue).sum();
    }

    /** The lines read, the events published per type (in type order) and the invalid lines with their numbers. */
    public void print(PrintWriter out) {
        out.printf("lines read        %8d%n", linesRead);
        out.printf("published         %8d%n", published());
        new TreeMap<>(publishedByType).forEach((type, count) -> out.printf("  %-24s%8d%n", type, count));
        out.printf("invalid lines     %8d%n", invalidCount);
        invalidLines.forEach(line -> out.printf("  line %d: %s%n", line.lineNumber(), line.problem()));
        if (invalidCount > invalidLines.size()) {
            out.printf("  (and %d more invalid lines, not listed)%n", invalidCount - invalidLines.size());
        }
    }
}
