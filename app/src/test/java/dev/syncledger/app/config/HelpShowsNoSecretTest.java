package dev.syncledger.app.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.syncledger.app.SyncLedgerCli;
import dev.syncledger.app.cli.CliEnvironment;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A database URL given through the environment may hold a password: no command's help may print it. */
class HelpShowsNoSecretTest {

    private static final Map<String, String> ENVIRONMENT = Map.of(
            "SYNC_LEDGER_DATABASE_URL", "jdbc:postgresql://db:5432/ledger?user=app&password=hunter2",
            "SYNC_LEDGER_WEBHOOK_SECRET", "webhook-secret-hunter3",
            "SYNC_LEDGER_API_SECRET", "api-secret-hunter4-of-at-least-32-bytes");

    @Test
    void noCommandsHelpShowsAPasswordOrSecretFromTheEnvironment() {
        for (String command : new String[] {"run", "demo", "replay", "serve", "token"}) {
            StringWriter out = new StringWriter();
            StringWriter err = new StringWriter();
            SyncLedgerCli.run(new PrintWriter(out, true), new PrintWriter(err, true), CliEnvironment.of(ENVIRONMENT), command, "--help");
            String printed = out + err.toString();
            assertThat(printed).as(command + " --help").contains("--").doesNotContain("hunter2", "hunter3", "hunter4");
        }
    }
}
