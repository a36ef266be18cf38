package dev.syncledger.app.observability;

import dev.syncledger.schemas.alert.AlertKind;
import dev.syncledger.sink.db.Database;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Open alerts by kind, read from connector_alerts before each scrape (one grouped count over the open alerts'
 * partial index). The kinds are the schema's, so the labels are bounded.
 */
final class OpenAlerts implements MeterBinder, RefreshedOnScrape {

    static final String OPEN_ALERTS = "sync_ledger.alerts.open";
    private static final Logger LOG = LoggerFactory.getLogger(OpenAlerts.class);

    private final Database database;
    private final Map<AlertKind, AtomicLong> open = new EnumMap<>(AlertKind.class);

    OpenAlerts(Database database) {
        this.database = database;
        for (AlertKind kind : AlertKind.values()) {
            open.put(kind, new AtomicLong());
        }
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        open.forEach((kind, count) -> Gauge.builder(OPEN_ALERTS, count, AtomicLong::get).tag("kind", kind.name())
                .description("Alerts open now, by kind, as connector_alerts holds them").register(registry));
    }

    @Override
    public void beforeScrape(MeterRegistry registry) {
        try {
            Map<String, Long> counts = database.jdbi().withHandle(handle -> handle.createQuery(
                            "SELECT kind::text AS kind, count(*) AS open FROM connector_alerts WHERE state = 'open' GROUP BY kind")
                    .reduceRows(new java.util.HashMap<String, Long>(), (map, row) -> {
                        map.put(row.getColumn("kind", String.class), row.getColumn("open", Long.class));
                        return map;
                    }));
            open.forEach((kind, count) -> count.set(counts.getOrDefault(kind.name(), 0L)));
        } catch (RuntimeException e) {
            // Health reports an unreachable database; the gauges keep their last values meanwhile.
            LOG.debug("cannot count open alerts: {}", e.getMessage());
        }
    }
}
