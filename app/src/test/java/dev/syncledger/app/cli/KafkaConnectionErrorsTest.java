package dev.syncledger.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.syncledger.app.SyncLedgerCli;
import dev.syncledger.app.testing.CliCapture;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Connection problems found before any broker answers: one line each, naming the setting to change. */
class KafkaConnectionErrorsTest {

    @TempDir
    Path dir;

    private final CliCapture cli = new CliCapture();

    @Test
    void shouldNameBootstrapServersWhenNoHostResolves() {
        int code = cli.run("publish", "--events", "-", "--bootstrap-servers", "no-such-broker.invalid:9092");

        assertThat(code).isEqualTo(SyncLedgerCli.EXIT_RUNTIME_FAILURE);
        assertThat(cli.err().strip()).doesNotContain("\n").doesNotContain("Exception")
                .contains("no address in --bootstrap-servers 'no-such-broker.invalid:9092' resolves");
    }

    @Test
    void shouldNameTheKafkaConfigKeyThatCannotWork() throws Exception {
        Path config = Files.writeString(dir.resolve("client.properties"),
                "security.protocol=SSL\nssl.truststore.location=" + dir.resolve("missing.p12") + "\n");

        int code = cli.run("publish", "--events", "-", "--kafka-config", config.toString());

        assertThat(code).isEqualTo(SyncLedgerCli.EXIT_USAGE);
        assertThat(cli.err().strip()).doesNotContain("\n").contains("ssl.truststore.location").contains("missing.p12");
    }
}
