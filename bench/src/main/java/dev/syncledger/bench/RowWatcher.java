package dev.syncledger.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.jdbi.v3.core.Jdbi;

/**
 * Watches PostgreSQL for the rows of runs as they are published: every few milliseconds it asks which
 * awaited runs have a row, and takes the time from the run's first published event to that moment.
 * The polling period bounds how late a row is seen, and is reported with the latencies.
 */
final class RowWatcher implements AutoCloseable {

    static final Duration PERIOD = Duration.ofMillis(10);

    private final Jdbi jdbi;
    private final Map<UUID, Long> awaited = new ConcurrentHashMap<>();
    private final List<Long> latencies = new ArrayList<>();
    private final Thread thread;
    private volatile boolean running = true;

    RowWatcher(Jdbi jdbi) {
        this.jdbi = jdbi;
        this.thread = new Thread(this::watch, "bench-row-watcher");
        this.thread.setDaemon(true);
        this.thread.start();
    }

    /** Awaits the run's row from now on; a run already awaited keeps its first publication time. */
    void await(UUID syncLogId, long publishedNanos) {
        awaited.putIfAbsent(syncLogId, publishedNanos);
    }

    /** Forgets every latency and awaited run: what was measured until now was the warm-up. */
    synchronized void reset() {
        awaited.clear();
        latencies.clear();
    }

    int stillAwaited() {
        return awaited.size();
    }

    synchronized long[] latencies() {
        return latencies.stream().mapToLong(Long::longValue).toArray();
    }

    private void watch() {
        while (running) {
            if (!awaited.isEmpty()) {
                UUID[] ids = awaited.keySet().toArray(UUID[]::new);
                List<UUID> visible = jdbi.withExtension(VisibilityDao.class, dao -> dao.visibleSyncLogs(ids));
                long now = System.nanoTime();
                synchronized (this) {
                    for (UUID id : visible) {
                        Long published = awaited.remove(id);
                        if (published != null) {
                            latencies.add(now - published);
                        }
                    }
                }
            }
            ProcessorBenchmark.sleep(PERIOD);
        }
    }

    @Override
    public void close() {
        running = false;
        try {
            thread.join(Duration.ofSeconds(10).toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
