package dev.syncledger.app.pipeline;

import dev.syncledger.sink.SinkConfig;
import dev.syncledger.sink.SyncLedgerSink;
import dev.syncledger.sink.db.Database;
import java.util.Map;
import org.apache.kafka.common.TopicPartition;

/** Runs the sink on its own thread; closing it lets the current batch commit first. */
public final class SinkRunner implements AutoCloseable {

    private final SyncLedgerSink sink;
    private final Thread thread;

    private SinkRunner(SyncLedgerSink sink) {
        this.sink = sink;
        this.thread = new Thread(sink, "sync-ledger-sink");
    }

    /** A sink with a connection pool of its own, closed with it. */
    public static SinkRunner start(SinkConfig config) {
        return started(new SyncLedgerSink(config));
    }

    /** A sink writing through the process's one connection pool, which the caller closes after the sink. */
    public static SinkRunner start(SinkConfig config, Database database) {
        return started(new SyncLedgerSink(config, database));
    }

    private static SinkRunner started(SyncLedgerSink sink) {
        SinkRunner runner = new SinkRunner(sink);
        runner.thread.start();
        return runner;
    }

    public SyncLedgerSink sink() {
        return sink;
    }

    public Map<TopicPartition, Long> committedOffsets() {
        return sink.committedOffsets();
    }

    public boolean isAlive() {
        return thread.isAlive();
    }

    @Override
    public void close() {
        sink.close();
    }
}
