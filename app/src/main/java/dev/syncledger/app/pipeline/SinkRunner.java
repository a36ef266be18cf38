package dev.syncledger.app.pipeline;

import dev.syncledger.sink.SinkConfig;
import dev.syncledger.sink.SyncLedgerSink;
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

    public static SinkRunner start(SinkConfig config) {
        SinkRunner runner = new SinkRunner(new SyncLedgerSink(config));
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
