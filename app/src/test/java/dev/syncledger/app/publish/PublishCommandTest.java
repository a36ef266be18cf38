package dev.syncledger.app.publish;

import static org.assertj.core.api.Assertions.assertThat;

import dev.syncledger.app.SyncLedgerCli;
import dev.syncledger.app.testing.CliCapture;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The failure lines of {@code publish} that need no broker: each one line naming the problem and the fix. */
class PublishCommandTest {

    private final CliCapture cli = new CliCapture();

    @TempDir
    Path dir;

    @Test
    void shouldExitWithUsageCodeAndOneLineForAnUnknownFlag() {
        int code = cli.run("publish", "--event", "events.jsonl");

        assertThat(code).isEqualTo(SyncLedgerCli.EXIT_USAGE);
        assertThat(cli.err().strip()).doesNotContain("\n").contains("--event").contains("sync-ledger publish --help");
    }

    @Test
    void shouldSayInOneLineThatTheEventsFileDoesNotExistBeforeContactingKafka() {
        int code = cli.run("publish", "--events", dir.resolve("missing.jsonl").toString(), "--bootstrap-servers", "127.0.0.1:1");

        assertThat(code).isEqualTo(SyncLedgerCli.EXIT_RUNTIME_FAILURE);
        assertThat(cli.err().strip()).doesNotContain("\n").startsWith("sync-ledger: no such events file:").contains("--events");
    }

    @Test
    void shouldSayInOneLineThatKafkaCannotBeReached() throws Exception {
        Path events = Files.writeString(dir.resolve("events.jsonl"), "{}\n");

        int code = cli.run("publish", "--events", events.toString(), "--bootstrap-servers", "127.0.0.1:1", "--connect-timeout", "2s");

        assertThat(code).isEqualTo(SyncLedgerCli.EXIT_RUNTIME_FAILURE);
        assertThat(cli.err().strip()).doesNotContain("\n").doesNotContain("Exception")
                .contains("cannot reach Kafka at 127.0.0.1:1").contains("--bootstrap-servers");
        assertThat(cli.out()).isEmpty();
    }

    @Test
    void shouldRefuseADeliveryTimeoutBelowOneSecond() throws Exception {
        int code = cli.run("publish", "--delivery-timeout", "10ms");

        assertThat(code).isEqualTo(SyncLedgerCli.EXIT_USAGE);
        assertThat(cli.err().strip()).doesNotContain("\n").contains("--delivery-timeout must be at least 1s");
    }

    @Test
    void shouldRefuseAMaximumLineLengthOutsideItsBoundsBeforeContactingKafka() throws Exception {
        Path events = Files.writeString(dir.resolve("events.jsonl"), "{}\n");

        int code = cli.run("publish", "--events", events.toString(), "--bootstrap-servers", "127.0.0.1:1", "--max-line-bytes", "10");

        assertThat(code).isEqualTo(SyncLedgerCli.EXIT_USAGE);
        assertThat(cli.err().strip()).doesNotContain("\n").contains("--max-line-bytes must be between 1024 and 67108864, not 10");
    }
}
