package dev.syncledger.app.compose;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.syncledger.app.SyncLedgerCli;
import dev.syncledger.app.cli.CliEnvironment;
import dev.syncledger.app.cli.EnvironmentDefaults;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

/**
 * There is no Docker engine here, so the compose stack is checked by reading it: its services, ports, health checks
 * and environment must agree with the CLI's configuration names, and it must follow the rules of a real deployment:
 * nothing published on all interfaces, the app not the database superuser, restart policies, pinned images, passwords
 * only in secret files, and a Dockerfile whose every step can fail the build.
 */
class ComposeFileTest {

    private static final Path ROOT = Path.of("..");
    private static final Path INIT_SCRIPT = ROOT.resolve("deploy/postgres/10-sync-ledger-roles.sh");
    private static final Set<String> KEEPS_RUNNING = Set.of("always", "unless-stopped", "on-failure");
    /** A tag that names one release: at least major.minor.patch (PostgreSQL's releases have two parts). */
    private static final Pattern EXACT_TAG = Pattern.compile("\\d+\\.\\d+\\.\\d+.*");
    private static final Pattern EXACT_POSTGRES_TAG = Pattern.compile("\\d+\\.\\d+(-.*)?");
    private static final Pattern SECRET_NAME = Pattern.compile("(?i).*(password|secret|token|credential).*");

    private final JsonNode compose = read();
    private final JsonNode services = compose.get("services");
    private final JsonNode syncLedger = services.get("sync-ledger");
    private final JsonNode migrate = services.get("migrate");
    private final JsonNode postgres = services.get("postgres");
    private final CommandLine cli = SyncLedgerCli.create(CliEnvironment.of(Map.of()));
    private final CommandLine run = cli.getSubcommands().get("run");

    @Test
    void shouldDeclareKafkaRegistryPostgresMigrateAndSyncLedgerWithHealthChecksOnTheLongRunningOnes() {
        assertThat(names(services)).containsExactlyInAnyOrder("kafka", "schema-registry", "postgres", "migrate", "sync-ledger");
        longRunning().forEach(name -> assertThat(services.get(name).has("healthcheck")).as(name).isTrue());
        assertThat(services.get("kafka").get("image").asText()).startsWith("apache/kafka:");
    }

    @Test
    void shouldBuildSyncLedgerFromTheRepositoryAndRunTheProcessorAndTheSinkAfterTheMigrations() {
        assertThat(syncLedger.get("build").asText()).isEqualTo(".");
        assertThat(migrate.get("build").asText()).isEqualTo(".");
        assertThat(syncLedger.get("command").get(0).asText()).isEqualTo("run");
        assertThat(migrate.get("command").get(0).asText()).isEqualTo("migrate");
        for (JsonNode service : List.of(syncLedger, migrate)) {
            CommandLine command = cli.getSubcommands().get(service.get("command").get(0).asText());
            assertThat(command).as("the command the compose file starts").isNotNull();
            for (JsonNode argument : service.get("command")) {
                if (argument.asText().startsWith("--")) {
                    assertThat(command.getCommandSpec().findOption(argument.asText())).as(argument.asText()).isNotNull();
                }
            }
        }
        JsonNode dependsOn = syncLedger.get("depends_on");
        assertThat(names(dependsOn)).containsExactlyInAnyOrder("kafka", "schema-registry", "postgres", "migrate");
        assertThat(dependsOn.get("migrate").get("condition").asText()).isEqualTo("service_completed_successfully");
        List.of("kafka", "schema-registry", "postgres").forEach(dependency ->
                assertThat(dependsOn.get(dependency).get("condition").asText()).as(dependency).isEqualTo("service_healthy"));
    }

    @Test
    void shouldSetOnlyEnvironmentVariablesThatNameAnOptionOfTheCommandOrThePasswordFile() {
        for (JsonNode service : List.of(syncLedger, migrate)) {
            CommandLine command = cli.getSubcommands().get(service.get("command").get(0).asText());
            Set<String> known = new HashSet<>(Set.of("PGPASSFILE"));
            for (OptionSpec option : command.getCommandSpec().options()) {
                known.add(EnvironmentDefaults.variableFor(option.longestName()));
            }
            assertThat(names(service.get("environment"))).allSatisfy(variable -> assertThat(known).contains(variable));
        }
    }

    @Test
    void shouldPointSyncLedgerAtTheOtherServicesOnTheirOwnPorts() {
        JsonNode env = syncLedger.get("environment");
        assertThat(env.get("SYNC_LEDGER_BOOTSTRAP_SERVERS").asText())
                .isEqualTo(services.get("kafka").get("environment").get("KAFKA_ADVERTISED_LISTENERS").asText().replace("PLAINTEXT://", ""));
        URI registry = URI.create(env.get("SYNC_LEDGER_SCHEMA_REGISTRY_URL").asText());
        assertThat(registry.getHost()).isEqualTo("schema-registry");
        assertThat(services.get("schema-registry").get("environment").get("SCHEMA_REGISTRY_LISTENERS").asText()).endsWith(":" + registry.getPort());
        for (JsonNode service : List.of(syncLedger, migrate)) {
            URI database = databaseUri(service);
            assertThat(database.getHost()).isEqualTo("postgres");
            assertThat(database.getPath()).isEqualTo("/" + postgres.get("environment").get("POSTGRES_DB").asText());
            assertThat(service.get("environment").get("SYNC_LEDGER_SCHEMA").asText())
                    .isEqualTo(postgres.get("environment").get("SYNC_LEDGER_SCHEMA").asText());
        }
    }

    @Test
    void shouldPublishNoPortOnAllInterfaces() {
        for (String name : names(services)) {
            JsonNode ports = services.get(name).path("ports");
            for (JsonNode port : ports) {
                String hostIp = port.isObject() ? port.path("host_ip").asText() : port.asText().split(":")[0];
                assertThat(hostIp).as(name + " publishes " + port).isEqualTo("127.0.0.1");
            }
        }
        assertThat(services.get("postgres").has("ports")).as("PostgreSQL is reached inside the compose network only").isFalse();
    }

    @Test
    void shouldPublishTheHttpPortItListensOnToLocalhostAndProbeItsReadiness() {
        String port = syncLedger.get("environment").get("SYNC_LEDGER_HTTP_PORT").asText();
        assertThat(syncLedger.get("ports").get(0).asText()).isEqualTo("127.0.0.1:" + port + ":" + port);
        assertThat(syncLedger.get("healthcheck").get("test").toString()).contains("localhost:" + port + "/health/ready");
    }

    @Test
    void shouldRunTheAppAsAWriterLoginAndMigrateAsTheOwnerNeitherTheSuperuser() throws IOException {
        String superuser = postgres.get("environment").get("POSTGRES_USER").asText();
        String app = user(syncLedger);
        String owner = user(migrate);
        assertThat(app).isNotEqualTo(superuser).isNotEqualTo(owner).isNotEqualTo("postgres");
        assertThat(owner).isNotEqualTo(superuser).isNotEqualTo("postgres");
        String script = Files.readString(INIT_SCRIPT);
        assertThat(createRole(script, app)).contains("LOGIN").contains("IN ROLE sync_ledger_writer").doesNotContain("SUPERUSER")
                .doesNotContain("CREATEROLE").doesNotContain("CREATEDB").doesNotContain("BYPASSRLS");
        assertThat(createRole(script, owner)).contains("LOGIN").doesNotContain("SUPERUSER").doesNotContain("BYPASSRLS");
        assertThat(script).contains("CREATE SCHEMA :\"schema\" AUTHORIZATION " + owner);
        assertThat(postgres.get("volumes").toString()).contains("./deploy/postgres/10-sync-ledger-roles.sh:/docker-entrypoint-initdb.d/");
        assertThat(migration("V8__tenant_isolation.sql"))
                .as("the writer role the app joins is the one the migrations grant rows to")
                .contains("GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA \"${flyway:defaultSchema}\" TO sync_ledger_writer");
    }

    @Test
    void shouldRestartEveryLongRunningServiceAndNotTheOneShotMigration() {
        longRunning().forEach(name ->
                assertThat(services.get(name).path("restart").asText()).as(name).isIn(KEEPS_RUNNING));
        assertThat(migrate.get("restart").asText()).isIn("no", "on-failure");
    }

    @Test
    void shouldPinEveryImageToOneRelease() throws IOException {
        List<String> images = new ArrayList<>();
        for (String name : names(services)) {
            if (!services.get(name).has("build")) {
                images.add(services.get(name).get("image").asText());
            }
        }
        Matcher from = Pattern.compile("(?m)^FROM\\s+(\\S+)").matcher(Files.readString(ROOT.resolve("Dockerfile")));
        while (from.find()) {
            images.add(from.group(1));
        }
        assertThat(images).hasSizeGreaterThanOrEqualTo(5).allSatisfy(image -> {
            String tag = image.contains("@sha256:") ? "" : image.substring(image.lastIndexOf(':') + 1);
            Pattern exact = image.startsWith("postgres:") ? EXACT_POSTGRES_TAG : EXACT_TAG;
            assertThat(image.contains("@sha256:") || (image.contains(":") && exact.matcher(tag).matches()))
                    .as(image + " names one release").isTrue();
        });
    }

    @Test
    void shouldFailTheImageBuildWhenAStepFails() throws IOException {
        String dockerfile = Files.readString(ROOT.resolve("Dockerfile"));
        assertThat(dockerfile).doesNotContainPattern("\\|\\|\\s*(true|:)\\b").doesNotContain("set +e");
    }

    @Test
    void shouldGivePasswordsOnlyAsSecretFilesKeptOutOfGitAndTheBuildContext() throws IOException {
        Set<String> declared = names(compose.get("secrets"));
        for (String name : names(services)) {
            JsonNode service = services.get(name);
            Set<String> mounted = new HashSet<>();
            service.path("secrets").forEach(secret -> mounted.add(secret.asText()));
            assertThat(declared).containsAll(mounted);
            for (String variable : names(service.path("environment"))) {
                String value = service.get("environment").get(variable).asText();
                assertThat(value).as(name + " " + variable).doesNotContainIgnoringCase("password=");
                if (SECRET_NAME.matcher(variable).matches() || variable.equals("PGPASSFILE")) {
                    assertThat(value).as(name + " " + variable + " names a mounted secret file")
                            .startsWith("/run/secrets/").satisfies(path -> assertThat(mounted).contains(path.substring("/run/secrets/".length())));
                }
            }
        }
        declared.forEach(secret -> assertThat(compose.get("secrets").get(secret).get("file").asText()).startsWith("./secrets/"));
        assertThat(Files.readAllLines(ROOT.resolve(".gitignore"))).contains("/secrets/");
        assertThat(Files.readAllLines(ROOT.resolve(".dockerignore"))).contains("secrets/");
    }

    private List<String> longRunning() {
        return names(services).stream().filter(name -> !name.equals("migrate")).sorted().toList();
    }

    private static URI databaseUri(JsonNode service) {
        String url = service.get("environment").get("SYNC_LEDGER_DATABASE_URL").asText();
        return URI.create(url.substring("jdbc:".length()));
    }

    private static String user(JsonNode service) {
        String query = databaseUri(service).getQuery();
        assertThat(query).as("the database URL names its login").startsWith("user=").doesNotContain("&");
        return query.substring("user=".length());
    }

    /** The CREATE ROLE statement of the init script that makes this login. */
    private static String createRole(String script, String role) {
        Matcher statement = Pattern.compile("CREATE ROLE " + Pattern.quote(role) + "\\b[^;]*;").matcher(script);
        assertThat(statement.find()).as("the init script creates " + role).isTrue();
        return statement.group();
    }

    private static String migration(String name) throws IOException {
        try (InputStream in = ComposeFileTest.class.getResourceAsStream("/db/migration/" + name)) {
            assertThat(in).as(name + " on the class path").isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static Set<String> names(JsonNode node) {
        Set<String> names = new HashSet<>();
        for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext(); ) {
            names.add(fields.next().getKey());
        }
        return names;
    }

    private static JsonNode read() {
        Path compose = ROOT.resolve("docker-compose.yml");
        try {
            return new ObjectMapper(new YAMLFactory()).readTree(compose.toFile());
        } catch (IOException e) {
            throw new AssertionError("cannot read " + compose.toAbsolutePath(), e);
        }
    }
}
