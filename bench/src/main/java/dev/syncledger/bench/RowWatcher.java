package dev.syncledger.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.jdbi.v3.core.Jdbi;

/**
 * Watches PostgreSQL for the rows of runs as they are published, and takes the time from a run's first published
 * event to the moment its row is seen. Every few milliseconds it reads the rows inserted since its last look (by
 * primary key: the sink's one writer commits one transaction after another, so keys become visible in order), which
 * costs what the sink wrote meanwhile, whatever the backlog. Asking about every awaited run instead cost PostgreSQL a
 * lookup per awaited run per look: the more runs were late, the more the watcher took from the pipeline it measures.
 * Once a second it also asks about the {@link #IDS_PER_QUESTION} oldest awaited runs, so that a row the tail missed is
 * still seen (late: its latency can be overstated, never understated). The polling period bounds how late a row is
 * seen, and is reported with the latencies.
 */
final class RowWatcher implements AutoCloseable {

    static final Duration PERIOD = Duration.ofMillis(10);
    static final int IDS_PER_QUESTION = 2_000;
    static final int ROWS_PER_LOOK = 20_000;
    private static final int LOOKS_PER_SWEEP = 100;

    private final Jdbi jdbi;
    private final Map<UUID, Long> awaited = new ConcurrentHashMap<>();
    /** Every run ever awaited, warm-up included: as many as the stage publishes. A run is timed at most once. */
    private final Set<UUID> everAwaited = ConcurrentHashMap.newKeySet();
    /** Awaited runs in the order they were first published; runs already seen are dropped as the watcher meets them. */
    private final Queue<UUID> publicationOrder = new ConcurrentLinkedQueue<>();
    private final List<Long> latencies = new ArrayList<>();
    private final Thread thread;
    private volatile boolean running = true;

    RowWatcher(Jdbi jdbi) {
        this.jdbi = jdbi;
        this.thread = BenchThreads.daemon("bench-row-watcher", this::watch);
        this.thread.start();
    }

    /**
     * Awaits the run's row from now on. A run is timed once, from its first publication: one already awaited or
     * already seen (its later events would otherwise be timed again, against a row already there), or first
     * published before measuring began, is not awaited again.
     */
    void await(UUID syncLogId, long publishedNanos) {
        if (everAwaited.add(syncLogId)) {
            awaited.put(syncLogId, publishedNanos);
            publicationOrder.add(syncLogId);
        }
    }

    /**
     * What was measured until now was the warm-up: its latencies are dropped, and its runs are never timed, not even
     * those still awaited (a run whose row is already there would look instant when its next event is published).
     */
    synchronized void startMeasuring() {
        awaited.clear();
        publicationOrder.clear();
        latencies.clear();
    }

    int stillAwaited() {
        return awaited.size();
    }

    synchronized long[] latencies() {
        return latencies.stream().mapToLong(Long::longValue).toArray();
    }

    private void watch() {
        long insertedUpTo = 0;
        for (long look = 1; running; look++) {
            long after = insertedUpTo;
            List<VisibilityDao.Inserted> inserted = jdbi.withExtension(VisibilityDao.class, dao -> dao.insertedSyncLogs(after, ROWS_PER_LOOK));
            long now = System.nanoTime();
            for (VisibilityDao.Inserted row : inserted) {
                insertedUpTo = Math.max(insertedUpTo, row.pk());
            }
            seen(inserted.stream().map(VisibilityDao.Inserted::workspaceConnectorSyncLogId).toList(), now);
            if (look % LOOKS_PER_SWEEP == 0 && !awaited.isEmpty()) {
                UUID[] ids = oldestAwaited();
                List<UUID> visible = jdbi.withExtension(VisibilityDao.class, dao -> dao.visibleSyncLogs(ids));
                seen(visible, System.nanoTime());
            }
            if (inserted.size() < ROWS_PER_LOOK) {
                ProcessorBenchmark.sleep(PERIOD);
            }
        }
    }

    private synchronized void seen(List<UUID> visible, long now) {
        for (UUID id : visible) {
            Long published = awaited.remove(id);
            if (published != null) {
                latencies.add(now - published);
            }
        }
    }

    private UUID[] oldestAwaited() {
        List<UUID> oldest = new ArrayList<>(Math.min(awaited.size(), IDS_PER_QUESTION));
        for (Iterator<UUID> it = publicationOrder.iterator(); it.hasNext() && oldest.size() < IDS_PER_QUESTION; ) {
            UUID id = it.next();
            if (awaited.containsKey(id)) {
                oldest.add(id);
            } else {
                it.remove();
            }
        }
        return oldest.toArray(UUID[]::new);
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
