package dev.syncledger.app.demo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.syncledger.app.SyncLedgerCli;
import dev.syncledger.app.testing.CliCapture;
import org.junit.jupiter.api.Test;

/**
 * {@code demo} against a database that does not answer: the real PostgreSQL driver dials a closed port (127.0.0.1:1)
 * and times out, and the user gets one line naming what and how to point elsewhere, before anything starts.
 */
class DemoUnreachableIT {

    private final CliCapture cli = new CliCapture();

    @Test
    void shouldSayInOneLineThatTheDatabaseCannotBeReachedBeforeStartingAnything() {
        int code = cli.run("demo", "--duration", "0s", "--http-port", "0",
                "--database-url", "jdbc:postgresql://127.0.0.1:1/postgres?user=postgres&connectTimeout=2");

        assertThat(code).isEqualTo(SyncLedgerCli.EXIT_RUNTIME_FAILURE);
        assertThat(cli.err().strip()).doesNotContain("\n").doesNotContain("Exception")
                .contains("cannot reach PostgreSQL at").contains("127.0.0.1:1").contains("--database-url");
        assertThat(cli.out()).isEmpty();
    }
}
