package dev.syncledger.app.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.syncledger.app.SyncLedgerCli;
import dev.syncledger.app.cli.CliEnvironment;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The failure lines of {@code run}: each one line naming the problem and the fix, with the right exit code. */
class RunCommandTest {

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @TempDir
    Path stateDir;

    private int run(String... args) {
        return SyncLedgerCli.run(new PrintWriter(out, true), new PrintWriter(err, true), CliEnvironment.of(Map.of()), args);
    }

    @Test
    void shouldExitWithUsageCodeAndOneLineForAnUnknownFlag() {
        int code = run("run", "--bootstrap-server", "127.0.0.1:9092");

        assertThat(code).isEqualTo(SyncLedgerCli.EXIT_USAGE);
        assertThat(err.toString().strip()).doesNotContain("\n").contains("--bootstrap-server").contains("sync-ledger run --help");
    }

    @Test
    void shouldExitWithUsageCodeForAnUnknownComponent() {
        int code = run("run", "--only", "everything");

        assertThat(code).isEqualTo(SyncLedgerCli.EXIT_USAGE);
        assertThat(err.toString().strip()).doesNotContain("\n").contains("--only").contains("processor, sink");
    }

    @Test
    void shouldExitWithUsageCodeForZeroThreads() {
        int code = run("run", "--threads", "0");

        assertThat(code).isEqualTo(SyncLedgerCli.EXIT_USAGE);
        assertThat(err.toString().strip()).doesNotContain("\n").contains("--threads must be at least 1");
    }

    @Test
    void shouldExitWithUsageCodeForAStoreBudgetTooSmallForTheStores() {
        int code = run("run", "--store-memory-mib", "16");

        assertThat(code).isEqualTo(SyncLedgerCli.EXIT_USAGE);
        assertThat(err.toString().strip()).doesNotContain("\n").contains("--store-memory-mib must be at least 64, was 16");
    }

    @Test
    void shouldSayInOneLineThatKafkaCannotBeReached() {
        int code = run("run", "--only", "processor", "--bootstrap-servers", "127.0.0.1:1", "--connect-timeout", "2s",
                "--state-dir", stateDir.toString());

        assertThat(code).isEqualTo(SyncLedgerCli.EXIT_RUNTIME_FAILURE);
        assertThat(err.toString().strip()).doesNotContain("\n").doesNotContain("Exception")
                .contains("cannot reach Kafka at 127.0.0.1:1").contains("--bootstrap-servers").contains("SYNC_LEDGER_BOOTSTRAP_SERVERS");
    }

    @Test
    void shouldSayInOneLineThatTheDatabaseCannotBeReached() {
        int code = run("run", "--bootstrap-servers", "127.0.0.1:1",
                "--database-url", "jdbc:postgresql://127.0.0.1:1/postgres?user=postgres&connectTimeout=2", "--state-dir", stateDir.toString());

        assertThat(code).isEqualTo(SyncLedgerCli.EXIT_RUNTIME_FAILURE);
        assertThat(err.toString().strip()).doesNotContain("\n").doesNotContain("Exception")
                .contains("cannot reach PostgreSQL at").contains("127.0.0.1:1").contains("--database-url");
    }

    @Test
    void shouldPrintHelpNamingTheEnvironmentAndTheConfigFile() {
        int code = run("run", "--help");

        assertThat(code).isZero();
        assertThat(out.toString()).contains("--bootstrap-servers").contains("--only").contains("--create-topics").contains("--state-dir")
                .contains("--config").contains("SYNC_LEDGER_BOOTSTRAP_SERVERS");
    }
}
