package dev.syncledger.app.faults;

import dev.syncledger.sink.write.SinkFaultHook;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The sink process dying between writing a batch and committing it: the connection is aborted (the
 * server rolls the transaction back on its own) and an Error ends the sink's thread without any cleanup.
 */
final class SinkDeath extends Error {

    private SinkDeath(int batch) {
        super("sink killed between writing batch " + batch + " and committing it");
    }

    /** A hook that kills the sink during its {@code batch}-th transaction. */
    static SinkFaultHook atBatch(int batch) {
        AtomicInteger attempts = new AtomicInteger();
        return uncommitted -> {
            if (attempts.incrementAndGet() == batch) {
                uncommitted.abortConnection();
                throw new SinkDeath(batch);
            }
        };
    }
}
