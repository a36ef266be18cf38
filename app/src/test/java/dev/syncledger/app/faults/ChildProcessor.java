package dev.syncledger.app.faults;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;

/** A {@link ProcessorProcess} started by the test; its output goes to a log file, read for the running line and for fencing. */
final class ChildProcessor implements AutoCloseable {

    private final String name;
    private final Process process;
    private final CompletableFuture<Void> running = new CompletableFuture<>();
    private final AtomicBoolean fenced = new AtomicBoolean();

    private ChildProcessor(String name, Process process, Path log) {
        this.name = name;
        this.process = process;
        Thread reader = new Thread(() -> copyOutput(log), name + "-output");
        reader.setDaemon(true);
        reader.start();
    }

    static ChildProcessor start(String name, Path log, List<String> args, Duration timeout) {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx384m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
                "-cp", System.getProperty("java.class.path"),
                ProcessorProcess.class.getName()));
        command.addAll(args);
        Process process;
        try {
            process = new ProcessBuilder(command).redirectErrorStream(true).start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + name, e);
        }
        ChildProcessor child = new ChildProcessor(name, process, log);
        try {
            child.running.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            child.kill();
            throw new IllegalStateException("interrupted", e);
        } catch (ExecutionException | TimeoutException e) {
            child.kill();
            throw new IllegalStateException(name + " did not start within " + timeout + "; see " + log, e);
        }
        return child;
    }

    long pid() {
        return process.pid();
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /** Whether its log shows that the broker fenced it: a newer producer or a new owner took over its work. */
    boolean wasFenced() {
        return fenced.get();
    }

    /** SIGKILL: the JVM gets no chance to close, commit or flush anything. */
    void kill() {
        process.destroyForcibly();
        awaitExit();
    }

    /** SIGSTOP: the JVM freezes where it is, heartbeats and open transactions included. */
    void suspend() {
        signal("STOP");
    }

    /** SIGCONT. */
    void resume() {
        signal("CONT");
    }

    /** SIGTERM: the shutdown hook closes the processor, committing its last transaction. */
    @Override
    public void close() {
        if (process.isAlive()) {
            resume();
            process.destroy();
            try {
                if (!process.waitFor(60, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        awaitExit();
    }

    private void awaitExit() {
        try {
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                throw new IllegalStateException(name + " (pid " + process.pid() + ") did not exit");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void signal(String signal) {
        try {
            Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(process.pid())).inheritIO().start();
            if (!kill.waitFor(10, TimeUnit.SECONDS) || kill.exitValue() != 0) {
                throw new IllegalStateException("kill -" + signal + " " + process.pid() + " failed");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /**
     * How the broker's refusal reaches a resumed zombie depends on where it froze: a newer producer of its
     * transactional id (ProducerFenced, InvalidProducerEpoch), the group having moved its tasks
     * (TaskMigrated), or, when the coordinator had already aborted its timed-out transaction and bumped
     * the epoch, a commit refused as InvalidTxnState.
     */
    static boolean showsFencing(String line) {
        return line.contains("ProducerFencedException") || line.contains("InvalidProducerEpochException")
                || line.contains("TaskMigratedException") || line.contains("InvalidTxnStateException") || line.contains("fenced");
    }

    private void copyOutput(Path log) {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
             PrintWriter out = new PrintWriter(Files.newBufferedWriter(log, StandardCharsets.UTF_8), true)) {
            String line;
            while ((line = in.readLine()) != null) {
                out.println(line);
                if (line.contains(ProcessorProcess.RUNNING)) {
                    running.complete(null);
                }
                if (showsFencing(line)) {
                    fenced.set(true);
                }
            }
        } catch (IOException e) {
            // the process is gone; what it wrote so far is in the log
        } finally {
            running.completeExceptionally(new IllegalStateException(name + " exited"));
        }
    }
}
