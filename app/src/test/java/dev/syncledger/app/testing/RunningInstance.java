package dev.syncledger.app.testing;

import dev.syncledger.app.SyncLedgerCli;
import dev.syncledger.app.cli.CliEnvironment;
import dev.syncledger.app.cli.Shutdown;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** {@code sync-ledger run ...} on a thread of its own, stopped as SIGTERM would stop it, without exiting the JVM. */
public final class RunningInstance implements AutoCloseable {

    private final Shutdown shutdown = new Shutdown();
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();
    private final CompletableFuture<Integer> exitCode;

    private RunningInstance(String name, String... args) {
        CliEnvironment environment = new CliEnvironment(Map.of(), shutdown);
        exitCode = new CompletableFuture<>();
        Thread thread = new Thread(() -> {
            try {
                exitCode.complete(SyncLedgerCli.run(new PrintWriter(out, true), new PrintWriter(err, true), environment, args));
            } catch (Throwable e) {
                exitCode.completeExceptionally(e);
            }
        }, name);
        thread.start();
    }

    public static RunningInstance start(String name, String... args) {
        return new RunningInstance(name, args);
    }

    /** What it printed so far on standard output. */
    public String out() {
        return out.toString();
    }

    public String err() {
        return err.toString();
    }

    public boolean isRunning() {
        return out().contains("running ") && !exitCode.isDone();
    }

    public boolean hasExited() {
        return exitCode.isDone();
    }

    /** Requests the stop, as the shutdown hook does on SIGTERM, and returns the exit code. */
    public int stop(Duration timeout) throws Exception {
        shutdown.request();
        return exitCode.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void close() throws Exception {
        if (!exitCode.isDone()) {
            stop(Duration.ofSeconds(120));
        }
    }
}
