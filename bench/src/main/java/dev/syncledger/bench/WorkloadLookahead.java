package dev.syncledger.bench;

import dev.syncledger.app.events.OutgoingEvent;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * A workload generated ahead of the events taken from it, on a thread of its own, up to a bound. The end-to-end stage
 * offers its warm-up from it and then takes the window's events from what is already generated: the window follows
 * the warm-up without a pause, and without the generator's parsing in it.
 */
final class WorkloadLookahead implements Iterator<OutgoingEvent>, AutoCloseable {

    private static final Duration FULL_WAIT = Duration.ofMillis(1);

    private final Iterator<OutgoingEvent> workload;
    private final int ahead;
    private final BlockingQueue<OutgoingEvent> generated = new LinkedBlockingQueue<>();
    private final Thread thread;
    private volatile boolean generating = true;

    /** Keeps up to {@code ahead} events generated beyond those taken. */
    WorkloadLookahead(Iterator<OutgoingEvent> workload, int ahead) {
        this.workload = workload;
        this.ahead = ahead;
        this.thread = BenchThreads.daemon("bench-workload-lookahead", this::generate);
        this.thread.start();
    }

    private void generate() {
        while (generating && workload.hasNext()) {
            if (generated.size() >= ahead) {
                LockSupport.parkNanos(FULL_WAIT.toNanos()); // only this thread adds: the queue can only have shrunk since
            } else {
                generated.add(workload.next());
            }
        }
    }

    @Override
    public boolean hasNext() {
        while (generated.isEmpty()) {
            if (!thread.isAlive()) {
                return !generated.isEmpty();
            }
            LockSupport.parkNanos(FULL_WAIT.toNanos());
        }
        return true;
    }

    @Override
    public OutgoingEvent next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        return generated.remove();
    }

    /** Stops generating and hands over the next {@code count} events (fewer only if the workload ends first). */
    List<OutgoingEvent> stopAndTake(long count) {
        close();
        List<OutgoingEvent> taken = new ArrayList<>((int) Math.min(count, Integer.MAX_VALUE));
        generated.drainTo(taken, (int) Math.min(count, Integer.MAX_VALUE));
        // The generator has stopped (joined): the workload is this thread's now. Fewer than count only when the warm-up
        // took the lookahead's last events just before it stopped.
        while (taken.size() < count && workload.hasNext()) {
            taken.add(workload.next());
        }
        return taken;
    }

    @Override
    public void close() {
        generating = false;
        try {
            thread.join(TimeUnit.SECONDS.toMillis(30));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
