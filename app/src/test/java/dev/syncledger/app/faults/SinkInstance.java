package dev.syncledger.app.faults;

import dev.syncledger.sink.SinkConfig;
import dev.syncledger.sink.SyncLedgerSink;
import dev.syncledger.sink.write.SinkFaultHook;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A sink on a thread of its own that may die: a {@link SinkDeath} thrown by a fault hook ends its thread
 * without closing the consumer or rolling back politely, as a killed process would leave things.
 */
final class SinkInstance implements AutoCloseable {

    private final SyncLedgerSink sink;
    private final Thread thread;
    private final AtomicReference<Throwable> death = new AtomicReference<>();

    private SinkInstance(String name, SyncLedgerSink sink) {
        this.sink = sink;
        thread = new Thread(sink, name);
        thread.setUncaughtExceptionHandler((t, e) -> death.set(e));
    }

    static SinkInstance start(String name, SinkConfig config, SinkFaultHook faultHook) {
        SinkInstance instance = new SinkInstance(name, SyncLedgerSink.withFaultHook(config, faultHook));
        instance.thread.start();
        return instance;
    }

    SyncLedgerSink sink() {
        return sink;
    }

    boolean isAlive() {
        return thread.isAlive();
    }

    boolean wasKilled() {
        return !thread.isAlive() && death.get() instanceof SinkDeath;
    }

    /** For a dead sink, releases what the dead process would have lost with it: its consumer's connections. */
    @Override
    public void close() {
        sink.close();
    }
}
