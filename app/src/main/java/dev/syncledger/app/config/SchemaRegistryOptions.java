package dev.syncledger.app.config;

import dev.syncledger.schemas.serde.BasicCredentials;
import dev.syncledger.schemas.serde.RegistryTrust;
import dev.syncledger.schemas.serde.SchemaRegistrySettings;
import dev.syncledger.schemas.serde.SerdeConfig;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Option;

/**
 * The optional Confluent-compatible schema registry; without it events use Avro single-object encoding. Secrets
 * (the credentials, the trust store's password) are never option values, which help and error lines could show:
 * they come from files named by options or from {@value #USER_INFO_VARIABLE} and {@value #TRUSTSTORE_PASSWORD_VARIABLE}.
 */
public final class SchemaRegistryOptions {

    public static final String USER_INFO_VARIABLE = "SYNC_LEDGER_SCHEMA_REGISTRY_USER_INFO";
    public static final String TRUSTSTORE_PASSWORD_VARIABLE = "SYNC_LEDGER_SCHEMA_REGISTRY_TRUSTSTORE_PASSWORD";

    // A string, not a URI: picocli would quote a malformed value, user info and all, in its error line.
    @Option(names = "--schema-registry-url", paramLabel = "URL",
            description = "A Confluent-compatible schema registry (http or https; user:password@ in it is used as the credentials"
                    + " and never shown); without it, events use Avro single-object encoding.")
    String schemaRegistryUrl;

    @Option(names = "--schema-registry-credentials-file", paramLabel = "FILE",
            description = "The registry's basic-auth credentials as user:password (Confluent's basic.auth.user.info), read from"
                    + " this file; or set " + USER_INFO_VARIABLE + ".")
    Path credentialsFile;

    @Option(names = "--schema-registry-truststore", paramLabel = "FILE",
            description = "Trust the registry's TLS certificate through this PKCS12 or JKS trust store instead of the JDK's authorities.")
    Path trustStore;

    @Option(names = "--schema-registry-truststore-type", paramLabel = "PKCS12|JKS", defaultValue = "PKCS12",
            description = "The type of --schema-registry-truststore (default: ${DEFAULT-VALUE}).")
    String trustStoreType;

    @Option(names = "--schema-registry-truststore-password-file", paramLabel = "FILE",
            description = "The password of --schema-registry-truststore, read from this file; or set " + TRUSTSTORE_PASSWORD_VARIABLE + ".")
    Path trustStorePasswordFile;

    @Option(names = "--schema-registry-ca-file", paramLabel = "FILE",
            description = "Trust the registry's TLS certificate through these PEM CA certificates instead of the JDK's authorities.")
    Path caFile;

    @Option(names = "--schema-registry-timeout", paramLabel = "DURATION", defaultValue = "10s", converter = DurationConverter.class,
            description = "How long one registry request may take, answer included (default: ${DEFAULT-VALUE}).")
    Duration requestTimeout;

    @Option(names = "--schema-registry-miss-period", paramLabel = "DURATION", defaultValue = "5m", converter = DurationConverter.class,
            description = "How long a schema id the registry does not know is not asked again; records carrying it are rejected"
                    + " meanwhile (default: ${DEFAULT-VALUE}; 0s asks every time).")
    Duration missPeriod;

    @Option(names = "--schema-registry-cache-size", paramLabel = "N", defaultValue = "1000",
            description = "Schemas held in memory per registry (default: ${DEFAULT-VALUE}).")
    int cacheSize;

    private final Map<String, String> environment;

    public SchemaRegistryOptions() {
        this(System.getenv());
    }

    /** @param environment where {@value #USER_INFO_VARIABLE} and {@value #TRUSTSTORE_PASSWORD_VARIABLE} are read */
    public SchemaRegistryOptions(Map<String, String> environment) {
        this.environment = Map.copyOf(environment);
    }

    /**
     * The registry as configured, or empty without a URL; its URL and {@code toString} show no secret.
     *
     * @throws IllegalArgumentException in one line naming the option that cannot work, never quoting a secret
     */
    public Optional<SchemaRegistrySettings> settings() {
        if (schemaRegistryUrl == null || schemaRegistryUrl.isBlank()) {
            return Optional.empty();
        }
        SchemaRegistrySettings settings = SchemaRegistrySettings.of(parsedUrl())
                .withTimeouts(SchemaRegistrySettings.CONNECT_TIMEOUT, requestTimeout)
                .withMissPeriod(missPeriod)
                .withCapacities(cacheSize, SchemaRegistrySettings.MISS_CAPACITY);
        byte[] userInfo = Secrets.read(credentialsFile, "--schema-registry-credentials-file", environment, USER_INFO_VARIABLE);
        if (userInfo != null) {
            settings = settings.withCredentials(BasicCredentials.parse(new String(userInfo, StandardCharsets.UTF_8),
                    credentialsFile != null ? "--schema-registry-credentials-file " + credentialsFile : USER_INFO_VARIABLE));
        }
        Optional<RegistryTrust> trust = trust().map(SchemaRegistryOptions::readable);
        return Optional.of(trust.isPresent() ? settings.withTrust(trust.get()) : settings);
    }

    /** @throws IllegalArgumentException as {@link #settings()} */
    public SerdeConfig serde() {
        return settings().map(SerdeConfig::withRegistry).orElseGet(SerdeConfig::withoutRegistry);
    }

    private URI parsedUrl() {
        try {
            return new URI(schemaRegistryUrl.strip());
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("--schema-registry-url " + schemaRegistryUrl.strip().replaceAll("//[^/]*@", "//")
                    + " is not a URL; give it as http://host:port or https://host:port");
        }
    }

    private Optional<RegistryTrust> trust() {
        if (trustStore != null && caFile != null) {
            throw new IllegalArgumentException("give --schema-registry-truststore or --schema-registry-ca-file, not both");
        }
        if (caFile != null) {
            return Optional.of(new RegistryTrust.PemCertificates(caFile));
        }
        byte[] password = Secrets.read(trustStorePasswordFile, "--schema-registry-truststore-password-file", environment,
                TRUSTSTORE_PASSWORD_VARIABLE);
        if (trustStore == null) {
            if (password != null) {
                throw new IllegalArgumentException("a schema registry trust store password is set but no --schema-registry-truststore");
            }
            return Optional.empty();
        }
        return Optional.of(new RegistryTrust.TrustStore(trustStore, trustStoreType,
                password == null ? null : new String(password, StandardCharsets.UTF_8)));
    }

    // Read once here so that a wrong path or password is a usage error at start, not a failure on the first record.
    private static RegistryTrust readable(RegistryTrust trust) {
        trust.sslContext();
        return trust;
    }
}
