package dev.syncledger.schemas.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.syncledger.schemas.syncrun.SyncRunEvent;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The client against a registry that requires basic credentials over TLS with a certificate no public authority signed. */
class SchemaRegistrySecurityTest {

    private static final String TOPIC = "connector-sync.sync-runs";
    private static final String USER_INFO = "ledger-app:pa55-w0rd";

    @TempDir
    static Path certificatesDir;

    private static TestCertificates certificates;
    private LocalSchemaRegistry registry;

    @BeforeAll
    static void makeCertificates() throws Exception {
        certificates = TestCertificates.createIn(certificatesDir);
    }

    @BeforeEach
    void startRegistry() throws Exception {
        registry = LocalSchemaRegistry.overTls(certificates.serverContext(), USER_INFO);
    }

    @AfterEach
    void stopRegistry() {
        registry.close();
    }

    @Test
    void shouldAuthenticateWithBasicCredentialsOverTlsTrustingAPkcs12TrustStore() throws Exception {
        SchemaRegistryClient client = new SchemaRegistryClient(secured(pkcs12Trust()));

        client.checkReachable();
        int id = client.register(TOPIC + "-value", SyncRunEvent.getClassSchema());
        SchemaRegistryClient reader = new SchemaRegistryClient(secured(pkcs12Trust()));

        assertThat(reader.schemaById(id)).isEqualTo(SyncRunEvent.getClassSchema());
        assertThat(registry.requests()).containsExactly("GET /subjects", "POST /subjects/" + TOPIC + "-value/versions",
                "GET /schemas/ids/" + id);
        assertThat(registry.authorizations()).as("every request carries the credentials")
                .containsOnly("Basic " + Base64.getEncoder().encodeToString(USER_INFO.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void shouldTrustAJksTrustStoreOrAPemFileAsWell() {
        new SchemaRegistryClient(secured(new RegistryTrust.TrustStore(certificates.jksTrustStore, "JKS", TestCertificates.PASSWORD)))
                .checkReachable();
        new SchemaRegistryClient(secured(new RegistryTrust.PemCertificates(certificates.pemCertificate))).checkReachable();

        assertThat(registry.requests()).containsExactly("GET /subjects", "GET /subjects");
    }

    @Test
    void shouldTakeCredentialsFromTheUrlButNeverShowThem() throws Exception {
        URI withUserInfo = URI.create("https://" + USER_INFO + "@127.0.0.1:" + registry.url().getPort());
        SchemaRegistrySettings settings = SchemaRegistrySettings.of(withUserInfo).withTrust(pkcs12Trust());
        SchemaRegistryClient client = new SchemaRegistryClient(settings);

        client.checkReachable();
        byte[] unknownId = {0, 0, 0, 0x03, (byte) 0xE7, 0x02};
        AvroCodec<SyncRunEvent> codec = AvroCodec.<SyncRunEvent>builder(SyncRunEvent.getClassSchema(), SerdeConfig.withRegistry(settings))
                .registryClient(client).build();

        assertThat(client.url()).isEqualTo(registry.url());
        assertThat(settings.toString() + SerdeConfig.withRegistry(settings) + client.url() + settings.credentials().orElseThrow())
                .doesNotContain("pa55-w0rd").contains("https://127.0.0.1:" + registry.url().getPort());
        assertThatThrownBy(() -> codec.decode(TOPIC, unknownId)).isInstanceOf(UndecodableRecordException.class)
                .hasMessage("schema id 999 is not in the schema registry at " + registry.url()
                        + " (was the record written against another registry?)");
        assertThat(registry.authorizations()).doesNotContain("(none)");
    }

    @Test
    void shouldNameTheCredentialsSettingInOneLineWhenTheRegistryRefusesThem() {
        SchemaRegistryClient wrong = new SchemaRegistryClient(SchemaRegistrySettings.of(registry.url()).withTrust(pkcs12Trust())
                .withCredentials(new BasicCredentials("ledger-app", "not-the-password")));
        SchemaRegistryClient none = new SchemaRegistryClient(SchemaRegistrySettings.of(registry.url()).withTrust(pkcs12Trust()));

        assertThatThrownBy(wrong::checkReachable).isInstanceOf(SchemaRegistryException.class)
                .hasMessage("schema registry at " + registry.url() + " answered GET /subjects with HTTP 401 (error_code 401:"
                        + " Unauthorized); the registry refused the credentials; check --schema-registry-credentials-file"
                        + " or SYNC_LEDGER_SCHEMA_REGISTRY_USER_INFO (user:password)")
                .message().doesNotContain("not-the-password").doesNotContain("\n");
        assertThatThrownBy(() -> none.schemaById(1)).isInstanceOf(SchemaRegistryException.class)
                .hasMessageEndingWith("the registry needs credentials; give --schema-registry-credentials-file"
                        + " or SYNC_LEDGER_SCHEMA_REGISTRY_USER_INFO (user:password)");
    }

    @Test
    void shouldNameTheTrustSettingWhenTheRegistrysCertificateIsNotTrusted() {
        SchemaRegistryClient jdkDefaults = new SchemaRegistryClient(SchemaRegistrySettings.of(registry.url())
                .withCredentials(BasicCredentials.parse(USER_INFO, "test")));

        assertThatThrownBy(jdkDefaults::checkReachable).isInstanceOf(SchemaRegistryException.class)
                .hasMessageStartingWith("TLS handshake with the schema registry at " + registry.url() + " failed (")
                .hasMessageEndingWith("); check --schema-registry-truststore or --schema-registry-ca-file")
                .message().doesNotContain("\n");
    }

    @Test
    void shouldRefuseAnUnreadableTrustStoreInOneLineWithoutThePassword() {
        RegistryTrust wrongPassword = new RegistryTrust.TrustStore(certificates.pkcs12TrustStore, "PKCS12", "wrong-store-password");

        assertThatThrownBy(() -> new SchemaRegistryClient(secured(wrongPassword))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("cannot read the PKCS12 trust store " + certificates.pkcs12TrustStore)
                .hasMessageEndingWith("check --schema-registry-truststore, --schema-registry-truststore-type and the trust store password")
                .message().doesNotContain("wrong-store-password").doesNotContain("\n");
        assertThat(wrongPassword.toString()).doesNotContain("wrong-store-password");
    }

    @Test
    void shouldRefuseCredentialsGivenTwice() {
        SchemaRegistrySettings inUrl = SchemaRegistrySettings.of(URI.create("https://" + USER_INFO + "@registry:8081"));

        assertThatThrownBy(() -> inUrl.withCredentials(new BasicCredentials("other", "secret")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("given twice");
        assertThatThrownBy(() -> BasicCredentials.parse("no-colon-here", "--schema-registry-credentials-file x"))
                .hasMessage("--schema-registry-credentials-file x must hold the schema registry's credentials as user:password"
                        + " (Confluent's basic.auth.user.info form)");
    }

    private SchemaRegistrySettings secured(RegistryTrust trust) {
        return SchemaRegistrySettings.of(registry.url()).withTrust(trust).withCredentials(BasicCredentials.parse(USER_INFO, "test"));
    }

    private static RegistryTrust pkcs12Trust() {
        return new RegistryTrust.TrustStore(certificates.pkcs12TrustStore, "PKCS12", TestCertificates.PASSWORD);
    }
}
