package dev.syncledger.app.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.syncledger.app.SyncLedgerCli;
import dev.syncledger.app.cli.CliEnvironment;
import dev.syncledger.app.run.RunCommand;
import dev.syncledger.schemas.serde.BasicCredentials;
import dev.syncledger.schemas.serde.RegistryTrust;
import dev.syncledger.schemas.serde.SchemaRegistrySettings;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The registry's secrets come from files or the environment, and no help, error line or toString shows them. */
class SchemaRegistryOptionsTest {

    private static final String URL_WITH_PASSWORD = "https://ledger:hunter5@registry.example:8081";

    @TempDir
    Path dir;

    @Test
    void shouldReadTheCredentialsFromAFileOrFromTheEnvironment() throws Exception {
        Path file = Files.writeString(dir.resolve("registry-credentials"), "from-file:pass:with:colons\n");

        SchemaRegistrySettings fromFile = registry(Map.of(), "--schema-registry-url", "https://registry.example:8081",
                "--schema-registry-credentials-file", file.toString());
        SchemaRegistrySettings fromEnvironment = registry(Map.of("SYNC_LEDGER_SCHEMA_REGISTRY_URL", "https://registry.example:8081",
                SchemaRegistryOptions.USER_INFO_VARIABLE, "from-env:hunter6"));
        SchemaRegistrySettings fromUrl = registry(Map.of(), "--schema-registry-url", URL_WITH_PASSWORD);

        assertThat(fromFile.credentials()).contains(new BasicCredentials("from-file", "pass:with:colons"));
        assertThat(fromEnvironment.credentials()).contains(new BasicCredentials("from-env", "hunter6"));
        assertThat(fromUrl.credentials()).contains(new BasicCredentials("ledger", "hunter5"));
        assertThat(fromUrl.url()).isEqualTo(URI.create("https://registry.example:8081"));
    }

    @Test
    void shouldTakeTheTrustAndLimitsFromTheirOptions() throws Exception {
        Path password = Files.writeString(dir.resolve("truststore-password"), "store-secret\n");
        Path store = dir.resolve("trust.p12");
        java.security.KeyStore empty = java.security.KeyStore.getInstance("PKCS12");
        empty.load(null, null);
        try (var out = Files.newOutputStream(store)) {
            empty.store(out, "store-secret".toCharArray());
        }

        SchemaRegistrySettings settings = registry(Map.of(), "--schema-registry-url", "https://registry.example:8081",
                "--schema-registry-truststore", store.toString(), "--schema-registry-truststore-password-file", password.toString(),
                "--schema-registry-miss-period", "30s", "--schema-registry-timeout", "3s", "--schema-registry-cache-size", "50");

        assertThat(settings.trust()).contains(new RegistryTrust.TrustStore(store, "PKCS12", "store-secret"));
        assertThat(settings.missPeriod()).isEqualTo(Duration.ofSeconds(30));
        assertThat(settings.requestTimeout()).isEqualTo(Duration.ofSeconds(3));
        assertThat(settings.cacheCapacity()).isEqualTo(50);
        assertThat(settings.toString()).doesNotContain("store-secret");
    }

    @Test
    void shouldShowNoRegistrySecretInHelpOrInTheSettings() {
        Map<String, String> environment = Map.of("SYNC_LEDGER_SCHEMA_REGISTRY_URL", URL_WITH_PASSWORD,
                SchemaRegistryOptions.USER_INFO_VARIABLE, "other:hunter6", SchemaRegistryOptions.TRUSTSTORE_PASSWORD_VARIABLE, "hunter7");
        for (String command : new String[] {"run", "replay", "publish"}) {
            StringWriter out = new StringWriter();
            SyncLedgerCli.run(new PrintWriter(out, true), new PrintWriter(out, true), CliEnvironment.of(environment), command, "--help");
            assertThat(out.toString()).as(command + " --help").contains("--schema-registry-credentials-file")
                    .doesNotContain("hunter5", "hunter6", "hunter7");
        }

        SyncLedgerSettings settings = runSettings(Map.of("SYNC_LEDGER_SCHEMA_REGISTRY_URL", URL_WITH_PASSWORD));

        assertThat(settings.toString()).contains("https://registry.example:8081").doesNotContain("hunter5");
        assertThat(settings.serde().toString() + settings.topology() + settings.sink()).doesNotContain("hunter5");
    }

    @Test
    void shouldRefuseWhatCannotWorkInOneLineWithoutQuotingASecret() throws Exception {
        Path notAStore = Files.writeString(dir.resolve("not-a-store.p12"), "this is no trust store");
        Map<String, String> withPassword = Map.of(SchemaRegistryOptions.TRUSTSTORE_PASSWORD_VARIABLE, "hunter7");

        assertThat(usageError(withPassword, "--schema-registry-url", "https://registry.example:8081",
                "--schema-registry-truststore", notAStore.toString()))
                .startsWith("cannot read the PKCS12 trust store " + notAStore)
                .endsWith("check --schema-registry-truststore, --schema-registry-truststore-type and the trust store password");
        assertThat(usageError(Map.of(), "--schema-registry-url", "https://ledger:hunter5@registry example:8081"))
                .isEqualTo("--schema-registry-url https://registry example:8081 is not a URL; give it as http://host:port or https://host:port");
        assertThat(usageError(Map.of(SchemaRegistryOptions.USER_INFO_VARIABLE, "other:hunter6"), "--schema-registry-url", URL_WITH_PASSWORD))
                .contains("credentials are given twice");
        assertThat(usageError(Map.of(SchemaRegistryOptions.USER_INFO_VARIABLE, "hunter6"), "--schema-registry-url",
                "https://registry.example:8081"))
                .isEqualTo(SchemaRegistryOptions.USER_INFO_VARIABLE + " must hold the schema registry's credentials as user:password"
                        + " (Confluent's basic.auth.user.info form)");
        assertThat(usageError(Map.of(), "--schema-registry-url", "ftp://ledger:hunter5@registry.example"))
                .isEqualTo("schema registry URL ftp://registry.example is not an absolute http(s) URL;"
                        + " give it as http://host:port or https://host:port");
    }

    private SchemaRegistrySettings registry(Map<String, String> environment, String... registryArgs) {
        return runSettings(environment, registryArgs).schemaRegistry().orElseThrow();
    }

    private static SyncLedgerSettings runSettings(Map<String, String> environment, String... registryArgs) {
        String[] args = new String[registryArgs.length + 1];
        args[0] = "run";
        System.arraycopy(registryArgs, 0, args, 1, registryArgs.length);
        CommandLine commandLine = SyncLedgerCli.create(CliEnvironment.of(environment), args);
        RunCommand run = (RunCommand) commandLine.parseArgs(args).subcommand().commandSpec().userObject();
        return run.settings();
    }

    /** The error line of `run` with these options, which stops before reaching anything. */
    private static String usageError(Map<String, String> environment, String... registryArgs) {
        Map<String, String> all = new HashMap<>(environment);
        StringWriter err = new StringWriter();
        String[] args = new String[registryArgs.length + 1];
        args[0] = "run";
        System.arraycopy(registryArgs, 0, args, 1, registryArgs.length);
        int code = SyncLedgerCli.run(new PrintWriter(new StringWriter()), new PrintWriter(err, true), CliEnvironment.of(all), args);
        assertThat(code).as(String.join(" ", args)).isEqualTo(SyncLedgerCli.EXIT_USAGE);
        String line = err.toString().strip().lines().findFirst().orElse("").replaceFirst("^sync-ledger: ", "")
                .replaceFirst(" \\(see 'sync-ledger run --help'\\)$", "");
        assertThat(err.toString()).doesNotContain("hunter5", "hunter6", "hunter7");
        return line;
    }
}
