package dev.syncledger.app.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.syncledger.app.SyncLedgerCli;
import dev.syncledger.app.broker.EmbeddedKafkaBroker;
import dev.syncledger.app.testing.CliCapture;
import dev.syncledger.app.testing.RunningInstance;
import dev.syncledger.app.testing.StoredSyncLogs;
import dev.syncledger.app.testing.SyncLogOracle;
import dev.syncledger.app.testing.TestCertificates;
import dev.syncledger.app.testing.TestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ScramCredentialInfo;
import org.apache.kafka.clients.admin.ScramMechanism;
import org.apache.kafka.clients.admin.UserScramCredentialUpsertion;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A cluster that only lets authenticated clients in over TLS, as a managed one does: {@code publish} and {@code run} reach
 * it with nothing but {@code --kafka-config}, and every client of theirs (publisher, admin, Streams, the sink's consumer,
 * health and lag checks) goes through the SASL_SSL listener.
 */
class SaslSslPipelineIT {

    private static final String USER = "ledger";
    private static final String PASSWORD = "s3cret-scram-password";
    private static final String WORKSPACE = "c1e7f034-87b2-41d3-9a56-0f2e8b7d3c90";
    private static final String CONNECTOR = "a9d3c82e-1f45-4b2c-8e67-3d0a1b9c4512";
    private static final String RUN = "f3a1bc44-902c-4f8d-b7e2-0d9e5a2c1340";

    @TempDir
    static Path dir;
    private static TestCertificates certificates;
    private static EmbeddedKafkaBroker broker;

    private final TestDatabase database = TestDatabase.freshSchema();
    private final CliCapture cli = new CliCapture();

    @BeforeAll
    static void startBrokerWithScramUser() throws Exception {
        certificates = TestCertificates.create(Files.createDirectories(dir.resolve("tls")));
        broker = EmbeddedKafkaBroker.start(dir.resolve("kafka"), EmbeddedKafkaBroker.Options.defaults()
                .withSecureListener(new EmbeddedKafkaBroker.SecureListener(certificates.keyStore(), certificates.password(), Map.of())));
        // The PLAINTEXT listener is the operator's side door here: it creates the user the way kafka-configs would.
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()))) {
            admin.alterUserScramCredentials(List.of(new UserScramCredentialUpsertion(USER,
                    new ScramCredentialInfo(ScramMechanism.SCRAM_SHA_512, 8192), PASSWORD))).all().get();
        }
    }

    @AfterAll
    static void stopBroker() {
        if (broker != null) {
            broker.close();
        }
    }

    @AfterEach
    void dropSchema() {
        database.close();
    }

    @Test
    void shouldPublishFoldAndStoreThroughSaslSslWithOnlyAKafkaConfigFile() throws Exception {
        Path clientConfig = clientConfig("client.properties", PASSWORD);
        List<String> lines = List.of(
                line("sync.started", "00000000-0000-4000-8000-000000000001", "2026-06-02T08:14:02Z"),
                line("sync.succeeded", "00000000-0000-4000-8000-000000000002", "2026-06-02T08:14:47Z"));
        Path events = Files.write(dir.resolve("events.jsonl"), lines);

        int published = cli.run("publish", "--events", events.toString(), "--bootstrap-servers", broker.secureBootstrapServers(),
                "--kafka-config", clientConfig.toString(), "--create-topics", "--partitions", "2");

        assertThat(published).as(cli.err()).isZero();
        try (RunningInstance instance = RunningInstance.start("sasl-ssl-run",
                "run", "--http-port", "0", "--bootstrap-servers", broker.secureBootstrapServers(), "--kafka-config", clientConfig.toString(),
                "--create-topics", "--partitions", "2", "--database-url", database.url(), "--schema", database.schema(),
                "--application-id", "sasl-ssl-it", "--state-dir", dir.resolve("state").toString())) {
            Map<UUID, StoredSyncLogs.Stored> expected = SyncLogOracle.of(lines).expectedRows();
            await().atMost(Duration.ofSeconds(120)).failFast(() -> assertThat(instance.hasExited()).as(instance::err).isFalse())
                    .untilAsserted(() -> assertThat(StoredSyncLogs.read(database.jdbi())).isEqualTo(expected));

            assertThat(instance.stop(Duration.ofSeconds(120))).as(instance.err()).isZero();
            assertThat(instance.out()).doesNotContain(PASSWORD);
        }
    }

    @Test
    void shouldSayInOneLineThatKafkaRefusedTheCredentials() throws Exception {
        Path wrong = clientConfig("wrong.properties", "not-the-password");

        int code = cli.run("publish", "--events", "-", "--bootstrap-servers", broker.secureBootstrapServers(),
                "--kafka-config", wrong.toString(), "--connect-timeout", "20s");

        assertThat(code).isEqualTo(SyncLedgerCli.EXIT_RUNTIME_FAILURE);
        assertThat(cli.err().strip()).doesNotContain("\n").doesNotContain("Exception").doesNotContain("not-the-password")
                .contains("refused the credentials").contains("SCRAM-SHA-512").contains("sasl.jaas.config").contains("--kafka-config");
    }

    @Test
    void shouldPointAtKafkaConfigWhenAPlainClientCannotGetIn() {
        int code = cli.run("publish", "--events", "-", "--bootstrap-servers", broker.secureBootstrapServers(), "--connect-timeout", "3s");

        assertThat(code).isEqualTo(SyncLedgerCli.EXIT_RUNTIME_FAILURE);
        assertThat(cli.err().strip()).doesNotContain("\n").contains("cannot reach Kafka at " + broker.secureBootstrapServers())
                .contains("--kafka-config");
    }

    private Path clientConfig(String name, String password) throws Exception {
        return Files.writeString(dir.resolve(name), String.join("\n",
                "security.protocol=SASL_SSL",
                "sasl.mechanism=SCRAM-SHA-512",
                "sasl.jaas.config=org.apache.kafka.common.security.scram.ScramLoginModule required username=\"" + USER
                        + "\" password=\"" + password + "\";",
                "ssl.truststore.location=" + certificates.trustStore(),
                "ssl.truststore.password=" + certificates.password(),
                "ssl.truststore.type=PKCS12", ""));
    }

    private static String line(String type, String eventId, String occurredAt) {
        return "{\"type\":\"" + type + "\",\"event_id\":\"" + eventId + "\",\"occurred_at\":\"" + occurredAt
                + "\",\"workspace_id\":\"" + WORKSPACE + "\",\"workspace_connector_id\":\"" + CONNECTOR
                + "\",\"sync_log_id\":\"" + RUN + "\"}";
    }
}
