package dev.syncledger.app.cli;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * The request to stop a long-running command, and its answer. SIGTERM and Ctrl-C request it through a
 * JVM shutdown hook ({@link #onSignals()}); a test requests it directly, so no process has to exit.
 */
public final class Shutdown {

    private final CountDownLatch requested = new CountDownLatch(1);
    private final CountDownLatch stopped = new CountDownLatch(1);
    private volatile int exitCode;

    public void request() {
        requested.countDown();
    }

    public boolean isRequested() {
        return requested.getCount() == 0;
    }

    /** Waits up to the given time for a request; true when one came. */
    public boolean awaitRequest(Duration timeout) throws InterruptedException {
        return requested.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** The command has closed everything it started and ends with this exit code. */
    public void stopped(int exitCode) {
        this.exitCode = exitCode;
        stopped.countDown();
    }

    public boolean awaitStopped(Duration timeout) throws InterruptedException {
        return stopped.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /**
     * Registers a JVM shutdown hook that requests the stop and waits for the command to close what it
     * started (the JVM would otherwise exit under it). Once it has, the process exits with the command's
     * code, 0 after a clean close: a stop on SIGTERM or Ctrl-C is the normal end of a long-running
     * command, not a failure (the JVM's own status would be 143). Closing the returned handle removes the hook.
     */
    public Registration onSignals(Duration closeTimeout) {
        Thread hook = new Thread(() -> {
            request();
            try {
                if (awaitStopped(closeTimeout)) {
                    System.out.flush();
                    System.err.flush();
                    Runtime.getRuntime().halt(exitCode);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "sync-ledger-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        return () -> {
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException alreadyShuttingDown) {
                // The hook is running: it is what asked us to stop.
            }
        };
    }

    /** A registered shutdown hook. */
    public interface Registration extends AutoCloseable {
        @Override
        void close();
    }
}
