package dev.syncledger.app.faults;

import dev.syncledger.sink.write.SinkFaultHook;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Freezes a sink between polling a batch and writing it, as a long GC pause or a frozen VM would: once
 * armed, the next batch holding records waits until {@link #resume()}, far past the poll interval, so
 * that the group hands its partitions to another sink meanwhile. A blocked thread, not a sleep: it
 * waits on a latch the test opens.
 */
final class PausedSink implements SinkFaultHook {

    private final AtomicBoolean armed = new AtomicBoolean();
    private final CountDownLatch holding = new CountDownLatch(1);
    private final CountDownLatch resumed = new CountDownLatch(1);

    void pauseAtNextBatch() {
        armed.set(true);
    }

    boolean isHoldingABatch() {
        return holding.getCount() == 0 && resumed.getCount() == 1;
    }

    void resume() {
        resumed.countDown();
    }

    @Override
    public void beforeTransaction(int batchSize) {
        if (batchSize > 0 && armed.compareAndSet(true, false)) {
            holding.countDown();
            try {
                if (!resumed.await(10, TimeUnit.MINUTES)) {
                    throw new IllegalStateException("the paused sink was never resumed");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public void afterRowsWrittenBeforeCommit(UncommittedBatch batch) {
        // the pause falls before the transaction
    }
}
