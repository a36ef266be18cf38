package dev.syncledger.app.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.syncledger.app.SyncLedgerCli;
import dev.syncledger.app.testing.TestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real SIGTERM to a real process: the demo runs in a child JVM until it is told to stop by the signal
 * an orchestrator sends, then closes Kafka Streams and the sink and exits 0, not the JVM's 143.
 */
class DemoSigtermIT {

    private final TestDatabase database = TestDatabase.freshSchema();
    @TempDir
    Path directory;

    private Path outputFile;
    private Process process;

    @AfterEach
    void cleanUp() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        }
        database.close();
    }

    @Test
    void shouldCloseEverythingAndExitZeroOnSigterm() throws Exception {
        outputFile = directory.resolve("demo.out");
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        process = new ProcessBuilder(List.of(java.toString(), "-Xmx512m", "-cp", System.getProperty("java.class.path"),
                SyncLedgerCli.class.getName(), "demo", "--http-port", "0", "--database-url", database.url(),
                "--schema", database.schema(), "--workspaces", "1", "--connectors", "2", "--runs", "3", "--partitions", "1"))
                .redirectErrorStream(true)
                // A file, not a pipe: Process.destroy() closes the pipes as it signals, losing the lines written while closing.
                .redirectOutput(outputFile.toFile())
                .start();
        await().atMost(Duration.ofSeconds(120)).until(() -> output().contains("demo: running until Ctrl-C") || !process.isAlive());
        assertThat(process.isAlive()).as(output()).isTrue();

        process.destroy();

        assertThat(process.waitFor(90, TimeUnit.SECONDS)).as("stopped within 90 s").isTrue();
        assertThat(process.exitValue()).as(output()).isZero();
        assertThat(output()).contains("Sink stopped:").contains("demo: stopped cleanly");
    }

    private String output() throws java.io.IOException {
        return Files.readString(outputFile);
    }
}
