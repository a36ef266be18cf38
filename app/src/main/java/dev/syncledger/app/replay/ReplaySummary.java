package dev.syncledger.app.replay;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** What a replay did, as printed at its end. */
public record ReplaySummary(
        long linesRead,
        Map<String, Long> publishedByType,
        List<InvalidLine> invalidLines,
        long rejectedEvents,
        Map<String, Long> rowsPerTable,
        Duration elapsed) {

    public record InvalidLine(long lineNumber, String problem) {}

    public long published() {
        return publishedByType.values().stream().mapToLong(Long::longValue).sum();
    }

    public void print(PrintWriter out) {
        out.printf("lines read        %8d%n", linesRead);
        out.printf("published         %8d%n", published());
        publishedByType.forEach((type, count) -> out.printf("  %-16s%8d%n", type, count));
        out.printf("invalid lines     %8d%n", invalidLines.size());
        invalidLines.forEach(line -> out.printf("  line %d: %s%n", line.lineNumber(), line.problem()));
        out.printf("rejected events   %8d%n", rejectedEvents);
        out.println("rows in PostgreSQL");
        rowsPerTable.forEach((table, count) -> out.printf("  %-32s%8d%n", table, count));
        out.printf("elapsed           %8.1f s%n", elapsed.toMillis() / 1000.0);
        out.flush();
    }
}
