package dev.syncledger.app.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.syncledger.app.SyncLedgerCli;
import dev.syncledger.app.testing.CliCapture;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code run} against a broker or database that does not answer: the real Kafka admin client and PostgreSQL driver
 * dial a closed port (127.0.0.1:1) and time out, and the user gets one line naming what and how to point elsewhere.
 */
class RunUnreachableIT {

    private final CliCapture cli = new CliCapture();

    @TempDir
    Path stateDir;

    @Test
    void shouldSayInOneLineThatKafkaCannotBeReached() {
        int code = cli.run("run", "--only", "processor", "--bootstrap-servers", "127.0.0.1:1", "--connect-timeout", "2s",
                "--state-dir", stateDir.toString());

        assertThat(code).isEqualTo(SyncLedgerCli.EXIT_RUNTIME_FAILURE);
        assertThat(cli.err().strip()).doesNotContain("\n").doesNotContain("Exception")
                .contains("cannot reach Kafka at 127.0.0.1:1").contains("--bootstrap-servers").contains("SYNC_LEDGER_BOOTSTRAP_SERVERS");
    }

    @Test
    void shouldSayInOneLineThatTheDatabaseCannotBeReached() {
        int code = cli.run("run", "--bootstrap-servers", "127.0.0.1:1",
                "--database-url", "jdbc:postgresql://127.0.0.1:1/postgres?user=postgres&connectTimeout=2", "--state-dir", stateDir.toString());

        assertThat(code).isEqualTo(SyncLedgerCli.EXIT_RUNTIME_FAILURE);
        assertThat(cli.err().strip()).doesNotContain("\n").doesNotContain("Exception")
                .contains("cannot reach PostgreSQL at").contains("127.0.0.1:1").contains("--database-url");
    }
}
