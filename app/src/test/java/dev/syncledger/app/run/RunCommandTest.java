package dev.syncledger.app.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.syncledger.app.SyncLedgerCli;
import dev.syncledger.app.testing.CliCapture;
import org.junit.jupiter.api.Test;

/**
 * The usage failures of {@code run}: each one line naming the problem and the fix, with the right exit code, before
 * anything is dialled ({@link RunUnreachableIT} has the lines for a broker or database that does not answer).
 */
class RunCommandTest {

    private final CliCapture cli = new CliCapture();

    @Test
    void shouldExitWithUsageCodeAndOneLineForAnUnknownFlag() {
        int code = cli.run("run", "--bootstrap-server", "127.0.0.1:9092");

        assertThat(code).isEqualTo(SyncLedgerCli.EXIT_USAGE);
        assertThat(cli.err().strip()).doesNotContain("\n").contains("--bootstrap-server").contains("sync-ledger run --help");
    }

    @Test
    void shouldExitWithUsageCodeForAnUnknownComponent() {
        int code = cli.run("run", "--only", "everything");

        assertThat(code).isEqualTo(SyncLedgerCli.EXIT_USAGE);
        assertThat(cli.err().strip()).doesNotContain("\n").contains("--only").contains("processor, sink");
    }

    @Test
    void shouldExitWithUsageCodeForZeroThreads() {
        int code = cli.run("run", "--threads", "0");

        assertThat(code).isEqualTo(SyncLedgerCli.EXIT_USAGE);
        assertThat(cli.err().strip()).doesNotContain("\n").contains("--threads must be at least 1");
    }

    @Test
    void shouldExitWithUsageCodeForAStoreBudgetTooSmallForTheStores() {
        int code = cli.run("run", "--store-memory-mib", "16");

        assertThat(code).isEqualTo(SyncLedgerCli.EXIT_USAGE);
        assertThat(cli.err().strip()).doesNotContain("\n").contains("--store-memory-mib must be at least 64, was 16");
    }

    @Test
    void shouldExitWithUsageCodeForASinkTransactionOfNoRows() {
        int code = cli.run("run", "--sink-max-batch-rows", "0");

        assertThat(code).isEqualTo(SyncLedgerCli.EXIT_USAGE);
        assertThat(cli.err().strip()).doesNotContain("\n").contains("--sink-max-batch-rows must be at least 1, was 0");
    }

    @Test
    void shouldPrintHelpNamingTheEnvironmentAndTheConfigFile() {
        int code = cli.run("run", "--help");

        assertThat(code).isZero();
        assertThat(cli.out()).contains("--bootstrap-servers").contains("--only").contains("--create-topics").contains("--state-dir")
                .contains("--config").contains("SYNC_LEDGER_BOOTSTRAP_SERVERS");
    }
}
