package dev.syncledger.app.demo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.syncledger.app.SyncLedgerCli;
import dev.syncledger.app.cli.CliEnvironment;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The failure lines of {@code demo} that need no broker. */
class DemoCommandTest {

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        return SyncLedgerCli.run(new PrintWriter(out, true), new PrintWriter(err, true), CliEnvironment.of(Map.of()), args);
    }

    @Test
    void shouldExitWithUsageCodeAndOneLineForAnUnknownFlag() {
        int code = run("demo", "--durration", "10s");

        assertThat(code).isEqualTo(SyncLedgerCli.EXIT_USAGE);
        assertThat(err.toString().strip()).doesNotContain("\n").contains("--durration").contains("sync-ledger demo --help");
    }

    @Test
    void shouldExitWithUsageCodeForAWorkloadTooLarge() {
        int code = run("demo", "--workspaces", "1000", "--connectors", "1000");

        assertThat(code).isEqualTo(SyncLedgerCli.EXIT_USAGE);
        assertThat(err.toString().strip()).doesNotContain("\n").contains("--workspaces x --connectors must be at most 10000");
    }

    @Test
    void shouldSayInOneLineThatTheDatabaseCannotBeReachedBeforeStartingAnything() {
        int code = run("demo", "--duration", "0s", "--http-port", "0",
                "--database-url", "jdbc:postgresql://127.0.0.1:1/postgres?user=postgres&connectTimeout=2");

        assertThat(code).isEqualTo(SyncLedgerCli.EXIT_RUNTIME_FAILURE);
        assertThat(err.toString().strip()).doesNotContain("\n").doesNotContain("Exception")
                .contains("cannot reach PostgreSQL at").contains("127.0.0.1:1").contains("--database-url");
        assertThat(out.toString()).isEmpty();
    }
}
