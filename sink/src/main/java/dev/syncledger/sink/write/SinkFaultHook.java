package dev.syncledger.sink.write;

/**
 * A seam for fault-injection tests: called once per transaction attempt, after every row and the
 * consumer offsets of a batch are written and before COMMIT. Production code uses {@link #NONE}.
 *
 * <p>Throwing a {@link RuntimeException} rolls the transaction back. To simulate the process dying
 * at this point, call {@link UncommittedBatch#abortConnection()} and throw an {@link Error}: the
 * server then rolls back on its own and the sink thread ends without closing anything.
 */
@FunctionalInterface
public interface SinkFaultHook {

    SinkFaultHook NONE = batch -> {};

    void afterRowsWrittenBeforeCommit(UncommittedBatch batch);

    /**
     * Called once per batch, before its transaction begins: where a paused process (a long GC, a frozen
     * VM) would still hold records it polled, and write them late, after its partitions have moved on.
     */
    default void beforeTransaction(int batchSize) {}

    /** The transaction the hook interrupts. */
    interface UncommittedBatch {

        /** How many consumer records the batch holds, before keeping the last value per key. */
        int batchSize();

        /** What the transaction writes: every table's rows and deletions (the last value per key), and the rejections. */
        int rows();

        /** Closes the connection's socket at once, without rolling back or saying goodbye to the server. */
        void abortConnection();
    }
}
