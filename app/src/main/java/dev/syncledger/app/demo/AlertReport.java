package dev.syncledger.app.demo;

import java.io.PrintWriter;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.locator.ClasspathSqlLocator;

/**
 * The demo's view of connectors in trouble: the late ones, read with the dashboard query shipped in the sink
 * (dashboards/late_connectors.sql), and the alerts opened and resolved, by kind.
 */
record AlertReport(List<LateConnector> late, Map<String, Map<String, Long>> alertsByKindAndState) {

    static final String LATE_CONNECTORS = "dashboards/late_connectors.sql";
    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT);

    record LateConnector(UUID workspaceConnectorId, String freshness, long expectedIntervalMs, OffsetDateTime lastSuccessAt,
                         OffsetDateTime nextExpectedAt) {}

    static AlertReport read(Jdbi jdbi) {
        String sql = ClasspathSqlLocator.removingComments().getResource(AlertReport.class.getClassLoader(), LATE_CONNECTORS);
        List<LateConnector> late = jdbi.withHandle(handle -> handle.createQuery(sql)
                .map((rs, ctx) -> new LateConnector(rs.getObject("workspace_connector_id", UUID.class), rs.getString("freshness"),
                        rs.getLong("expected_interval_ms"), rs.getObject("last_success_at", OffsetDateTime.class),
                        rs.getObject("next_expected_at", OffsetDateTime.class)))
                .list());
        Map<String, Map<String, Long>> alerts = new TreeMap<>();
        jdbi.withExtension(DemoQueries.class, DemoQueries::alertCounts)
                .forEach(count -> alerts.computeIfAbsent(count.kind(), k -> new TreeMap<>()).put(count.state(), count.alerts()));
        return new AlertReport(late, alerts);
    }

    /** The workspace with the most late or failing connectors, for the demo's example token; empty before any status. */
    static java.util.Optional<UUID> worstWorkspace(Jdbi jdbi) {
        return jdbi.withExtension(DemoQueries.class, DemoQueries::worstWorkspace);
    }

    void print(PrintWriter out) {
        out.println();
        if (late.isEmpty()) {
            out.println("late connectors: none; every connector succeeded within its expected interval");
        } else {
            out.printf(Locale.ROOT, "late connectors, from %s (no success within 1x their interval: delayed; 2x: overdue):%n", LATE_CONNECTORS);
            out.printf(Locale.ROOT, "  %-36s  %-8s  %-9s  %-16s  %s%n", "connector", "freshness", "interval", "last success", "expected by");
            late.forEach(row -> out.printf(Locale.ROOT, "  %-36s  %-9s %-9s  %-16s  %s%n", row.workspaceConnectorId(), row.freshness(),
                    row.expectedIntervalMs() / 60_000 + " min", minute(row.lastSuccessAt()), minute(row.nextExpectedAt())));
        }
        out.println();
        if (alertsByKindAndState.isEmpty()) {
            out.println("alerts: none opened");
        } else {
            out.println("alerts (connector_alerts):");
            alertsByKindAndState.forEach((kind, states) -> out.printf(Locale.ROOT, "  %-26s %,d open, %,d resolved%n", kind,
                    states.getOrDefault("open", 0L), states.getOrDefault("resolved", 0L)));
        }
    }

    private static String minute(OffsetDateTime at) {
        return at == null ? "-" : MINUTE.format(at.withOffsetSameInstant(ZoneOffset.UTC));
    }
}
