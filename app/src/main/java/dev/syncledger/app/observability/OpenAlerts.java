package dev.syncledger.app.observability;

import dev.syncledger.schemas.alert.AlertKind;
import dev.syncledger.sink.db.Database;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
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
    private volatile boolean failing;

    OpenAlerts(Database database) {
        this.database = database;
        for (AlertKind kind : AlertKind.values()) {
            open.put(kind, new AtomicLong());
        }
    }

    /** The count behind the gauges. */
    interface Queries {

        @SqlQuery("SELECT kind::text AS kind, count(*) AS open FROM connector_alerts WHERE state = 'open' GROUP BY kind")
        @RegisterConstructorMapper(OpenCount.class)
        java.util.List<OpenCount> openByKind();
    }

    /** Public: JDBI's constructor mapper calls it reflectively. */
    public record OpenCount(String kind, long open) {}

    @Override
    public void bindTo(MeterRegistry registry) {
        open.forEach((kind, count) -> Gauge.builder(OPEN_ALERTS, count, AtomicLong::get).tag("kind", kind.name())
                .description("Alerts open now, by kind, as connector_alerts holds them").register(registry));
    }

    @Override
    public void beforeScrape(MeterRegistry registry) {
        try {
            Map<String, Long> counts = new java.util.HashMap<>();
            database.jdbi().withExtension(Queries.class, Queries::openByKind).forEach(row -> counts.put(row.kind(), row.open()));
            open.forEach((kind, count) -> count.set(counts.getOrDefault(kind.name(), 0L)));
            failing = false;
        } catch (RuntimeException e) {
            // The gauges keep their last values meanwhile; one line when counting starts failing, not one per scrape.
            if (!failing) {
                LOG.warn("cannot count open alerts for {}: {}", OPEN_ALERTS, e.getMessage());
            }
            failing = true;
        }
    }
}
