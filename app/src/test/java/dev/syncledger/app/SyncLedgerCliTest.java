package dev.syncledger.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SyncLedgerCliTest {

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        return SyncLedgerCli.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
    }

    @Test
    void shouldExitWithUsageCodeAndOneLineForAnUnknownFlag() {
        int code = run("replay", "--events", "x.jsonl", "--no-such-flag");

        assertThat(code).isEqualTo(SyncLedgerCli.EXIT_USAGE);
        assertThat(err.toString().strip()).doesNotContain("\n").contains("--no-such-flag").contains("--help");
    }

    @Test
    void shouldExitWithUsageCodeWhenTheEventsFileIsNotGiven() {
        int code = run("replay");

        assertThat(code).isEqualTo(SyncLedgerCli.EXIT_USAGE);
        assertThat(err.toString()).contains("--events");
    }

    @Test
    void shouldSayInOneLineThatTheDatabaseCannotBeReached(@TempDir Path dir) throws Exception {
        Path events = Files.writeString(dir.resolve("events.jsonl"), "");

        int code = run("replay", "--events", events.toString(), "--database-url", "jdbc:postgresql://127.0.0.1:1/postgres?user=postgres&connectTimeout=2");

        assertThat(code).isEqualTo(SyncLedgerCli.EXIT_RUNTIME_FAILURE);
        String printed = err.toString().strip();
        assertThat(printed).doesNotContain("\n").doesNotContain("Exception").contains("127.0.0.1:1").contains("--database-url");
    }

    @Test
    void shouldSayInOneLineThatTheEventsFileDoesNotExist(@TempDir Path dir) {
        int code = run("replay", "--events", dir.resolve("missing.jsonl").toString());

        assertThat(code).isEqualTo(SyncLedgerCli.EXIT_RUNTIME_FAILURE);
        assertThat(err.toString().strip()).doesNotContain("\n").contains("no such events file");
    }

    @Test
    void shouldRefuseAnInvalidDuration() {
        int code = run("replay", "--events", "x.jsonl", "--timeout", "soon");

        assertThat(code).isEqualTo(SyncLedgerCli.EXIT_USAGE);
        assertThat(err.toString()).contains("'soon' is not a duration");
    }

    @Test
    void shouldRefuseAnHttpPortOutOfRangeInOneLine() {
        int code = run("replay", "--events", "x.jsonl", "--http-port", "70000");

        assertThat(code).isEqualTo(SyncLedgerCli.EXIT_USAGE);
        assertThat(err.toString()).isEqualTo("sync-ledger: --http-port must be between 0 and 65535 (0 picks a free port), was 70000"
                + " (see 'sync-ledger replay --help')" + System.lineSeparator());
    }

    @Test
    void shouldRefuseAHealthTimeoutOfZeroInOneLine() {
        int code = run("run", "--health-timeout", "0s");

        assertThat(code).isEqualTo(SyncLedgerCli.EXIT_USAGE);
        assertThat(err.toString()).startsWith("sync-ledger: --health-interval and --health-timeout must be positive, were PT2S and PT0S")
                .doesNotContain("\n" + "\tat ");
    }

    @Test
    void shouldPrintHelpForReplay() {
        int code = run("replay", "--help");

        assertThat(code).isZero();
        assertThat(out.toString()).contains("--events").contains("--database-url").contains("SYNC_LEDGER_DATABASE_URL")
                .contains("--http-port").contains("--http-host");
    }
}
