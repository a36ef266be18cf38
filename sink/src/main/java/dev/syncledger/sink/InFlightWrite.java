package dev.syncledger.sink;

import dev.syncledger.sink.write.SinkBatch;
import dev.syncledger.sink.write.WriteCounts;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;

/**
 * The one batch being written on the sink's writer thread while the consumer thread polls and decodes the next:
 * at most one, so batches still commit one after another, each continuing the offsets the previous one stored,
 * and what the consumer holds beyond the database is bounded by one batch.
 */
final class InFlightWrite implements AutoCloseable {

    private final ExecutorService writer = Executors.newSingleThreadExecutor(task -> {
        Thread thread = new Thread(task, "sync-ledger-sink-writer");
        thread.setDaemon(true);
        return thread;
    });
    private SinkBatch batch;
    private Future<WriteCounts> result;

    /** Starts writing {@code batch}; the previous one must have been awaited. */
    void start(SinkBatch batch, Function<SinkBatch, WriteCounts> write) {
        if (result != null) {
            throw new IllegalStateException("a batch is already being written");
        }
        this.batch = batch;
        this.result = writer.submit(() -> write.apply(batch));
    }

    boolean isEmpty() {
        return result == null;
    }

    boolean isDone() {
        return result != null && result.isDone();
    }

    SinkBatch batch() {
        return batch;
    }

    /**
     * Waits for the batch being written and forgets it; what the write threw is thrown here as it was, so that the
     * consumer thread handles an outage, a fence or a crash exactly as if it had written the batch itself.
     */
    WriteCounts await() {
        Future<WriteCounts> pending = result;
        result = null;
        batch = null;
        try {
            return pending.get();
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (cause instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException("the batch write failed: " + cause, cause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            pending.cancel(true);
            throw new IllegalStateException("interrupted while a batch was being written", e);
        } catch (CancellationException e) {
            throw new IllegalStateException("the batch write was cancelled", e);
        }
    }

    @Override
    public void close() {
        writer.shutdownNow();
    }
}
