package dev.syncledger.app.compose;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.syncledger.app.SyncLedgerCli;
import dev.syncledger.app.cli.CliEnvironment;
import dev.syncledger.app.cli.EnvironmentDefaults;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

/**
 * There is no Docker engine here, so the compose stack is checked by reading it: its services, ports,
 * health checks and environment must agree with the CLI's configuration names.
 */
class ComposeFileTest {

    private static final Path COMPOSE = Path.of("..", "docker-compose.yml");

    private final JsonNode services = read().get("services");
    private final JsonNode syncLedger = services.get("sync-ledger");
    private final CommandLine run = SyncLedgerCli.create(CliEnvironment.of(Map.of())).getSubcommands().get("run");

    @Test
    void shouldDeclareKafkaRegistryPostgresAndSyncLedgerEachWithAHealthCheck() {
        assertThat(names(services)).containsExactlyInAnyOrder("kafka", "schema-registry", "postgres", "sync-ledger");
        services.forEach(service -> assertThat(service.has("healthcheck")).isTrue());
        assertThat(services.get("kafka").get("image").asText()).startsWith("apache/kafka:");
    }

    @Test
    void shouldBuildSyncLedgerFromTheRepositoryAndRunTheProcessorAndTheSink() {
        assertThat(syncLedger.get("build").asText()).isEqualTo(".");
        assertThat(syncLedger.get("command").get(0).asText()).isEqualTo("run");
        assertThat(run).as("the run command the compose file starts").isNotNull();
        for (JsonNode argument : syncLedger.get("command")) {
            if (argument.asText().startsWith("--")) {
                assertThat(run.getCommandSpec().findOption(argument.asText())).as(argument.asText()).isNotNull();
            }
        }
        names(syncLedger.get("depends_on")).forEach(dependency ->
                assertThat(syncLedger.get("depends_on").get(dependency).get("condition").asText()).isEqualTo("service_healthy"));
        assertThat(names(syncLedger.get("depends_on"))).containsExactlyInAnyOrder("kafka", "schema-registry", "postgres");
    }

    @Test
    void shouldSetOnlyEnvironmentVariablesThatNameAnOptionOfRun() {
        Set<String> known = new HashSet<>();
        for (OptionSpec option : run.getCommandSpec().options()) {
            known.add(EnvironmentDefaults.variableFor(option.longestName()));
        }
        assertThat(names(syncLedger.get("environment"))).allSatisfy(variable -> assertThat(known).contains(variable));
    }

    @Test
    void shouldPointSyncLedgerAtTheOtherServicesOnTheirOwnPorts() {
        JsonNode env = syncLedger.get("environment");
        assertThat(env.get("SYNC_LEDGER_BOOTSTRAP_SERVERS").asText())
                .isEqualTo(services.get("kafka").get("environment").get("KAFKA_ADVERTISED_LISTENERS").asText().replace("PLAINTEXT://", ""));
        URI registry = URI.create(env.get("SYNC_LEDGER_SCHEMA_REGISTRY_URL").asText());
        assertThat(registry.getHost()).isEqualTo("schema-registry");
        assertThat(services.get("schema-registry").get("environment").get("SCHEMA_REGISTRY_LISTENERS").asText()).endsWith(":" + registry.getPort());
        URI database = URI.create(env.get("SYNC_LEDGER_DATABASE_URL").asText().substring("jdbc:".length()));
        assertThat(database.getHost()).isEqualTo("postgres");
        assertThat(database.getQuery()).contains("user=" + services.get("postgres").get("environment").get("POSTGRES_USER").asText())
                .contains("password=" + services.get("postgres").get("environment").get("POSTGRES_PASSWORD").asText());
    }

    @Test
    void shouldPublishTheHttpPortItListensOnAndProbeItsReadiness() {
        String port = syncLedger.get("environment").get("SYNC_LEDGER_HTTP_PORT").asText();
        assertThat(syncLedger.get("ports").get(0).asText()).isEqualTo(port + ":" + port);
        assertThat(syncLedger.get("healthcheck").get("test").toString()).contains("localhost:" + port + "/health/ready");
    }

    private static Set<String> names(JsonNode node) {
        Set<String> names = new HashSet<>();
        for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext(); ) {
            names.add(fields.next().getKey());
        }
        return names;
    }

    private static JsonNode read() {
        try {
            return new ObjectMapper(new YAMLFactory()).readTree(COMPOSE.toFile());
        } catch (IOException e) {
            throw new AssertionError("cannot read " + COMPOSE.toAbsolutePath(), e);
        }
    }
}
