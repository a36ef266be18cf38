package dev.syncledger.app.demo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.syncledger.app.SyncLedgerCli;
import dev.syncledger.app.testing.CliCapture;
import org.junit.jupiter.api.Test;

/** The failure lines of {@code demo} that need no broker. */
class DemoCommandTest {

    private final CliCapture cli = new CliCapture();

    private int run(String... args) {
        return cli.run(args);
    }

    @Test
    void shouldExitWithUsageCodeAndOneLineForAnUnknownFlag() {
        int code = run("demo", "--durration", "10s");

        assertThat(code).isEqualTo(SyncLedgerCli.EXIT_USAGE);
        assertThat(cli.err().strip()).doesNotContain("\n").contains("--durration").contains("sync-ledger demo --help");
    }

    @Test
    void shouldExitWithUsageCodeForAWorkloadTooLarge() {
        int code = run("demo", "--workspaces", "1000", "--connectors", "1000");

        assertThat(code).isEqualTo(SyncLedgerCli.EXIT_USAGE);
        assertThat(cli.err().strip()).doesNotContain("\n").contains("--workspaces x --connectors must be at most 10000");
    }

    @Test
    void shouldSayInOneLineThatTheDatabaseCannotBeReachedBeforeStartingAnything() {
        int code = run("demo", "--duration", "0s", "--http-port", "0",
                "--database-url", "jdbc:postgresql://127.0.0.1:1/postgres?user=postgres&connectTimeout=2");

        assertThat(code).isEqualTo(SyncLedgerCli.EXIT_RUNTIME_FAILURE);
        assertThat(cli.err().strip()).doesNotContain("\n").doesNotContain("Exception")
                .contains("cannot reach PostgreSQL at").contains("127.0.0.1:1").contains("--database-url");
        assertThat(cli.out()).isEmpty();
    }
}
