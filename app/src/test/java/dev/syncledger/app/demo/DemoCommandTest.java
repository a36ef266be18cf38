package dev.syncledger.app.demo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.syncledger.app.SyncLedgerCli;
import dev.syncledger.app.testing.CliCapture;
import org.junit.jupiter.api.Test;

/** The failure lines of {@code demo} that need no broker. */
class DemoCommandTest {

    private final CliCapture cli = new CliCapture();

    @Test
    void shouldExitWithUsageCodeAndOneLineForAnUnknownFlag() {
        int code = cli.run("demo", "--durration", "10s");

        assertThat(code).isEqualTo(SyncLedgerCli.EXIT_USAGE);
        assertThat(cli.err().strip()).doesNotContain("\n").contains("--durration").contains("sync-ledger demo --help");
    }

    @Test
    void shouldExitWithUsageCodeForAWorkloadTooLarge() {
        int code = cli.run("demo", "--workspaces", "1000", "--connectors", "1000");

        assertThat(code).isEqualTo(SyncLedgerCli.EXIT_USAGE);
        assertThat(cli.err().strip()).doesNotContain("\n").contains("--workspaces x --connectors must be at most 10000");
    }
}
