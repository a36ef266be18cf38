package dev.syncledger.app.replay;

import dev.syncledger.app.events.PublishedLines;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.Map;

/** What a replay did, as printed at its end. */
public record ReplaySummary(PublishedLines fed, long rejectedEvents, Map<String, Long> rowsPerTable, Duration elapsed) {

    public long published() {
        return fed.published();
    }

    public void print(PrintWriter out) {
        fed.print(out);
        out.printf("rejected events   %8d%n", rejectedEvents);
        out.println("rows in PostgreSQL");
        rowsPerTable.forEach((table, count) -> out.printf("  %-32s%8d%n", table, count));
        out.printf("elapsed           %8.1f s%n", elapsed.toMillis() / 1000.0);
        out.flush();
    }
}
