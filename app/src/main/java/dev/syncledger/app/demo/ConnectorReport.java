package dev.syncledger.app.demo;

import java.io.PrintWriter;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.locator.ClasspathSqlLocator;

/**
 * The demo's closing report: how fast the events went through, the connectors failing now, worst
 * first, read with the dashboard query shipped in the sink (dashboards/worst_connectors.sql), and the
 * rows per table.
 */
record ConnectorReport(long published, Duration publishing, Duration toCaughtUp, List<WorstConnector> worst,
                       Map<String, Long> rowsPerTable) {

    static final String WORST_CONNECTORS = "dashboards/worst_connectors.sql";
    /** The dashboard query's LIMIT: when it returns that many rows, more may be failing. */
    private static final int QUERY_LIMIT = 20;
    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT);

    static List<WorstConnector> worstConnectors(Jdbi jdbi) {
        String sql = ClasspathSqlLocator.removingComments().getResource(ConnectorReport.class.getClassLoader(), WORST_CONNECTORS);
        return jdbi.withHandle(handle -> handle.createQuery(sql)
                .map((rs, ctx) -> new WorstConnector(
                        rs.getObject("workspace_connector_id", java.util.UUID.class),
                        rs.getInt("consecutive_failures"),
                        rs.getLong("failed_runs"),
                        rs.getLong("total_runs"),
                        rs.getObject("last_error_at", OffsetDateTime.class),
                        rs.getString("last_error"),
                        rs.getObject("last_success_at", OffsetDateTime.class)))
                .list());
    }

    void print(PrintWriter out) {
        out.println();
        out.printf(Locale.ROOT, "throughput: %,d events published in %.1f s (%,.0f events/s); all of them in PostgreSQL after %.1f s "
                        + "(%,.0f events/s end to end)%n",
                published, seconds(publishing), published / Math.max(0.001, seconds(publishing)), seconds(toCaughtUp),
                published / Math.max(0.001, seconds(toCaughtUp)));
        out.println();
        if (worst.isEmpty()) {
            out.println("worst connectors: none is failing now");
        } else {
            String how = worst.size() < QUERY_LIMIT ? worst.size() + " failing now, worst first" : "the " + QUERY_LIMIT + " worst of those failing now";
            out.printf(Locale.ROOT, "worst connectors, from %s (%s):%n", WORST_CONNECTORS, how);
            out.printf(Locale.ROOT, "  %-36s  %-14s  %-11s  %-16s  %s%n", "connector", "failing", "runs failed", "last error at", "last error");
            worst.forEach(row -> out.printf(Locale.ROOT, "  %-36s  %-14s  %-11s  %-16s  %s%n",
                    row.workspaceConnectorId(), row.consecutiveFailures() + " in a row", row.failedRuns() + "/" + row.totalRuns(),
                    row.lastErrorAt() == null ? "-" : MINUTE.format(row.lastErrorAt().withOffsetSameInstant(ZoneOffset.UTC)),
                    abbreviate(row.lastError())));
        }
        out.println();
        out.println("rows in PostgreSQL:");
        rowsPerTable.forEach((table, count) -> out.printf(Locale.ROOT, "  %-32s%,10d%n", table, count));
        out.flush();
    }

    private static String abbreviate(String text) {
        if (text == null) {
            return "-";
        }
        String line = text.replaceAll("\\s+", " ").strip();
        return line.length() <= 60 ? line : line.substring(0, 59) + "…";
    }

    private static double seconds(Duration duration) {
        return duration.toNanos() / 1e9;
    }
}
