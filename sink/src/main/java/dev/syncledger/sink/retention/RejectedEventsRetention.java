package dev.syncledger.sink.retention;

import dev.syncledger.sink.db.Database;
import dev.syncledger.sink.db.SqlFailure;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps rejected_events bounded: every {@link #EVERY} it deletes the rows rejected longer ago than the retention, a
 * bounded batch per statement (through idx_rejected_events_rejected_at), until none is left. A failed pass is
 * logged and tried again at the next one: the rows only wait longer.
 */
public final class RejectedEventsRetention implements AutoCloseable {

    public static final Duration DEFAULT_RETENTION = Duration.ofDays(30);
    static final Duration EVERY = Duration.ofMinutes(10);
    static final int BATCH = 10_000;
    private static final Logger LOG = LoggerFactory.getLogger(RejectedEventsRetention.class);

    /** The delete, a batch at a time. */
    public interface Queries {

        @SqlUpdate("""
                DELETE FROM rejected_events
                WHERE pk IN (SELECT pk FROM rejected_events WHERE rejected_at < :before ORDER BY rejected_at LIMIT :limit)
                """)
        int forget(@Bind("before") Instant before, @Bind("limit") int limit);
    }

    private final Database database;
    private final Duration retention;
    private final Clock clock;
    private final ScheduledExecutorService schedule;

    private RejectedEventsRetention(Database database, Duration retention, Clock clock) {
        this.database = database;
        this.retention = retention;
        this.clock = clock;
        this.schedule = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "sync-ledger-rejected-retention");
            thread.setDaemon(true);
            return thread;
        });
    }

    public static RejectedEventsRetention start(Database database, Duration retention) {
        Objects.requireNonNull(retention, "retention");
        if (retention.isNegative() || retention.isZero()) {
            throw new IllegalArgumentException("the rejected events' retention must be positive, was " + retention);
        }
        RejectedEventsRetention pruning = new RejectedEventsRetention(database, retention, Clock.systemUTC());
        pruning.schedule.scheduleWithFixedDelay(pruning::pass, 1, EVERY.toMinutes(), TimeUnit.MINUTES);
        return pruning;
    }

    /** One pass: every row older than the retention, a batch at a time. Returns how many went. */
    public long pass() {
        Instant before = clock.instant().minus(retention);
        long forgotten = 0;
        try {
            int batch;
            do {
                batch = database.jdbi().withExtension(Queries.class, queries -> queries.forget(before, BATCH));
                forgotten += batch;
            } while (batch == BATCH && !Thread.currentThread().isInterrupted());
            if (forgotten > 0) {
                LOG.info("Forgot {} rejected events rejected before {}", forgotten, before);
            }
        } catch (RuntimeException e) {
            LOG.warn("Could not forget old rejected events ({}); trying again in {} min", SqlFailure.describe(e), EVERY.toMinutes());
        }
        return forgotten;
    }

    @Override
    public void close() {
        schedule.shutdownNow();
    }
}
