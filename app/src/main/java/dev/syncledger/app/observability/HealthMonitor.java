package dev.syncledger.app.observability;

import dev.syncledger.app.observability.HealthSnapshot.Observed;
import dev.syncledger.app.observability.Readiness.Problem;
import dev.syncledger.schemas.text.OneLine;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the readiness checks in the background so that no HTTP request ever waits on one: one scheduler thread
 * starts each check every interval on a pool of one thread per check, and {@link #snapshot()} only reads the latest
 * results. A check still running is not started again, so a hung database holds one thread, never a growing
 * number; once it has run longer than the timeout it counts as failed with its own timeout code until it returns.
 * Each change of a check's code is logged once, with the detail {@code /health} does not show.
 */
final class HealthMonitor implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(HealthMonitor.class);

    private final HealthSchedule schedule;
    private final List<Watched> watched = new ArrayList<>();
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(daemon("sync-ledger-health"));
    private final ThreadPoolExecutor runs;
    private final AtomicBoolean staleReported = new AtomicBoolean();

    private HealthMonitor(List<? extends Readiness> checks, HealthSchedule schedule) {
        this.schedule = schedule;
        long now = System.nanoTime();
        checks.forEach(check -> watched.add(new Watched(check, now)));
        int threads = Math.max(1, checks.size());
        // At most one run per check is ever submitted, so neither the threads nor the queue can grow past the checks.
        this.runs = new ThreadPoolExecutor(threads, threads, 30, TimeUnit.SECONDS, new ArrayBlockingQueue<>(threads),
                daemon("sync-ledger-health-check"));
        this.runs.allowCoreThreadTimeOut(true);
    }

    /** Starts the first round at once, then one every {@link HealthSchedule#interval()}. */
    static HealthMonitor start(List<? extends Readiness> checks, HealthSchedule schedule) {
        HealthMonitor monitor = new HealthMonitor(checks, schedule);
        monitor.scheduler.scheduleWithFixedDelay(monitor::tick, 0, schedule.interval().toMillis(), TimeUnit.MILLISECONDS);
        return monitor;
    }

    /** The latest results, without waiting on any check. */
    HealthSnapshot snapshot() {
        Map<String, Observed> latest = new LinkedHashMap<>();
        watched.forEach(check -> latest.put(check.name, check.latest));
        HealthSnapshot snapshot = HealthSnapshot.of(latest, System.nanoTime(), schedule.staleAfter());
        reportStaleness(snapshot);
        return snapshot;
    }

    private void tick() {
        long now = System.nanoTime();
        for (Watched check : watched) {
            try {
                check.startOrTimeOut(now);
            } catch (RuntimeException e) {
                // An exception would cancel the schedule for good; every check would then turn stale.
                LOG.warn("health check {} could not be started: {}", check.name, OneLine.describe(e));
            }
        }
    }

    private void reportStaleness(HealthSnapshot snapshot) {
        List<String> stale = snapshot.checks().entrySet().stream().filter(e -> e.getValue() == HealthCode.stale)
                .map(Map.Entry::getKey).toList();
        if (!stale.isEmpty() && staleReported.compareAndSet(false, true)) {
            LOG.warn("health checks {} have no result newer than {} s: the health scheduler is not running; /health says not ready",
                    stale, schedule.staleAfter().toSeconds());
        } else if (stale.isEmpty() && staleReported.compareAndSet(true, false)) {
            LOG.info("health checks have fresh results again");
        }
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
        runs.shutdownNow();
    }

    /** One check: whether a run is going, since when, and its latest result. */
    private final class Watched {

        private final Readiness check;
        private final String name;
        private boolean running;
        private long startedAt;
        private volatile Observed latest;

        Watched(Readiness check, long now) {
            this.check = check;
            this.name = check.name();
            this.latest = new Observed(HealthCode.pending, now);
        }

        synchronized void startOrTimeOut(long now) {
            if (!running) {
                running = true;
                startedAt = now;
                try {
                    runs.execute(this::run);
                } catch (RejectedExecutionException e) {
                    running = false; // shutting down
                }
            } else if (now - startedAt > schedule.checkTimeout().toNanos()) {
                record(new Problem(check.whenTimedOut(), "the " + name + " check has not answered for "
                        + Duration.ofNanos(now - startedAt).toMillis() + " ms (timeout " + schedule.checkTimeout().toMillis()
                        + " ms); what it waits on is hung or unreachable"), now);
            }
        }

        private void run() {
            Optional<Problem> problem;
            try {
                problem = check.problem();
            } catch (RuntimeException e) {
                problem = Optional.of(new Problem(HealthCode.check_failed, "the " + name + " check failed: " + OneLine.describe(e)));
            }
            synchronized (this) {
                record(problem.orElse(null), System.nanoTime());
                running = false;
            }
        }

        /** @param problem null when the check passed */
        private void record(Problem problem, long at) {
            HealthCode previous = latest.code();
            HealthCode code = problem == null ? HealthCode.ok : problem.code();
            latest = new Observed(code, at);
            if (code == previous) {
                return;
            }
            if (problem != null) {
                LOG.warn("not ready: {} is {}: {}", name, code, OneLine.of(problem.detail()));
            } else if (previous != HealthCode.pending) {
                LOG.info("ready again: {} is ok (was {})", name, previous);
            }
        }
    }

    private static ThreadFactory daemon(String name) {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, name + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
