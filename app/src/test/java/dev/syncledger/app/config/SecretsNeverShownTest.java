package dev.syncledger.app.config;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.syncledger.app.SyncLedgerCli;
import dev.syncledger.app.cli.CliEnvironment;
import dev.syncledger.app.cli.Preflight;
import dev.syncledger.app.run.RunCommand;
import dev.syncledger.schemas.kafka.KafkaConnection;
import dev.syncledger.schemas.text.Redaction;
import dev.syncledger.sink.notify.NotifierConfig;
import dev.syncledger.sink.notify.WebhookSignature;
import dev.syncledger.sink.notify.WebhookTargets;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;

/**
 * A password in any of the forms a URL can carry it is never printed: not by {@code --help}, not by a start that fails
 * (its error line and its log), not by a settings record's {@code toString}. Nothing here reaches a server: the
 * addresses are closed ports, which is what a failed start looks like.
 */
class SecretsNeverShownTest {

    private static final String SECRET = "hunter2";

    @TempDir
    Path dir;

    private final ListAppender<ILoggingEvent> logs = new ListAppender<>();
    private final Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);

    @BeforeEach
    void captureLogs() {
        logs.start();
        root.addAppender(logs);
    }

    @AfterEach
    void releaseLogs() {
        root.detachAppender(logs);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "jdbc:postgresql://127.0.0.1:1/ledger?user=app&password=" + SECRET,
            "jdbc:postgresql://127.0.0.1:1/ledger?user=app&sslpassword=" + SECRET + "&ssl=true",
            "jdbc:postgresql://app:" + SECRET + "@127.0.0.1:1/ledger",
            "jdbc:postgresql://127.0.0.1:1/ledger?user=app&PassWord=" + SECRET,
    })
    void shouldShowNoPasswordInHelpFailedStartsOrSettings(String databaseUrl) throws Exception {
        String registryUrl = "http://registry-user:" + SECRET + "@127.0.0.1:1";
        Map<String, String> environment = Map.of("SYNC_LEDGER_DATABASE_URL", databaseUrl, "SYNC_LEDGER_SCHEMA_REGISTRY_URL", registryUrl);
        Path configFile = Files.writeString(dir.resolve("sync-ledger.properties"), "database-url=" + databaseUrl + "\n");
        StringBuilder printed = new StringBuilder();

        for (String command : List.of("run", "demo", "replay", "serve", "token", "publish", "generate")) {
            printed.append(cli(environment, command, "--help"));
            printed.append(cli(Map.of(), command, "--config", configFile.toString(), "--help"));
        }
        printed.append(cli(Map.of(), "serve", "--database-url", databaseUrl, "--api-secret-file", secretFile().toString()));
        printed.append(cli(environment, "serve", "--api-secret-file", secretFile().toString()));
        printed.append(cli(environment, "run", "--bootstrap-servers", "127.0.0.1:1", "--connect-timeout", "1s"));
        printed.append(cli(Map.of(), "run", "--database-url", databaseUrl, "--threads", "0"));
        SyncLedgerSettings settings = settings(environment);
        printed.append(settings).append(settings.sink()).append(settings.streams()).append(settings.serde())
                .append(settings.topology()).append(Preflight.Target.of(settings));
        KafkaConnection kafka = new KafkaConnection("127.0.0.1:1", Map.of("sasl.jaas.config",
                "org.apache.kafka.common.security.plain.PlainLoginModule required username=\"u\" password=\"" + SECRET + "\";",
                "ssl.truststore.password", SECRET, "ssl.keystore.password", SECRET, "ssl.key.password", SECRET));
        printed.append(kafka).append(settings.streams().withApplicationId("x"));
        printed.append(NotifierConfig.of(kafka, new WebhookTargets(Optional.of(URI.create("https://u:" + SECRET + "@hooks.example.com/a?token=" + SECRET)),
                Map.of(UUID.randomUUID(), URI.create("https://hooks.example.com/b?sig=" + SECRET))), new WebhookSignature((SECRET + "-webhook-signing-key").getBytes(StandardCharsets.UTF_8))));
        String logged = logs.list.stream().map(event -> event.getFormattedMessage()
                + (event.getThrowableProxy() == null ? "" : " " + event.getThrowableProxy().getMessage())).collect(Collectors.joining("\n"));

        assertThat(printed.toString()).contains("--database-url").contains("cannot reach PostgreSQL at")
                .contains("SyncLedgerSettings[").contains(Redaction.HIDDEN).doesNotContain(SECRET);
        assertThat(logged).doesNotContain(SECRET);
    }

    private Path secretFile() throws Exception {
        return Files.writeString(dir.resolve("api-secret"), "an-api-secret-of-at-least-thirty-two-bytes");
    }

    private static String cli(Map<String, String> environment, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        SyncLedgerCli.run(new PrintWriter(out, true), new PrintWriter(err, true), CliEnvironment.of(environment), args);
        return out + err.toString();
    }

    private static SyncLedgerSettings settings(Map<String, String> environment) {
        CommandLine commandLine = SyncLedgerCli.create(CliEnvironment.of(environment), "run");
        CommandLine.ParseResult parsed = commandLine.parseArgs("run");
        return ((RunCommand) parsed.subcommand().commandSpec().userObject()).settings();
    }
}
