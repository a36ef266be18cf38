package dev.syncledger.bench;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jdbi.v3.core.Jdbi;

/**
 * What autovacuum would do for a stage's tables while they grow: {@code ANALYZE} every {@link #PERIOD}, in the
 * background. This machine's PostgreSQL runs with autovacuum off, so without it the planner keeps whatever statistics
 * a table had, and both ways of getting that wrong have cost a run: never analysed, the watcher's question about 2,000
 * awaited runs became a scan of the whole sync-log table (6.6 s by the end of a four-minute warm-up, a core taken
 * from the pipeline); analysed once on tables a twentieth of their final size, the sink later wrote at a fraction of
 * its rate until a statement timed out.
 */
final class PeriodicAnalyze implements AutoCloseable {

    static final Duration PERIOD = Duration.ofSeconds(20);

    private final ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "bench-analyze");
        thread.setDaemon(true);
        return thread;
    });

    PeriodicAnalyze(Jdbi jdbi) {
        executor.scheduleWithFixedDelay(() -> {
            try {
                jdbi.useHandle(handle -> handle.execute("ANALYZE"));
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
