package dev.syncledger.bench;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jdbi.v3.core.Jdbi;

/**
 * What autovacuum would do for a stage's tables while they grow: once every {@link #PERIOD} ({@code autovacuum_naptime}'s
 * default), in the background, {@code ANALYZE} each table of the stage's schema that changed enough since its last
 * statistics. This machine's PostgreSQL runs with autovacuum off, and without it both ways of getting statistics wrong
 * have cost a run: never analysed, the watcher's question about 2,000 awaited runs became a scan of the whole sync-log
 * table (6.6 s by the end of a four-minute warm-up, a core taken from the pipeline); analysed once on tables a
 * twentieth of their final size, the sink later fell minutes behind. Analysing every table every 20 s instead cost the
 * window a backlog of 2,000-2,900 events after each pass: more than autovacuum would spend.
 */
final class PeriodicAnalyze implements AutoCloseable {

    static final Duration PERIOD = Duration.ofMinutes(1);

    private final ScheduledExecutorService executor =
            Executors.newSingleThreadScheduledExecutor(task -> BenchThreads.daemon("bench-analyze", task));

    PeriodicAnalyze(Jdbi jdbi) {
        executor.scheduleWithFixedDelay(() -> {
            try {
                jdbi.useExtension(BenchDao.class, BenchDao::analyzeAsAutovacuumWould);
            } catch (RuntimeException e) {
                System.err.println("ANALYZE failed: " + e.getMessage()); // the next period tries again
            }
        }, PERIOD.toMillis(), PERIOD.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
