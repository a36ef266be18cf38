package dev.syncledger.schemas.serde;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

/**
 * A self-signed certificate for 127.0.0.1 made with the JDK's own keytool (the JDK has no API to make one), and the ways a client can be told to
 * trust it: a PKCS12 trust store, a JKS trust store (both with a password) and a PEM file.
 */
final class TestCertificates {

    static final String PASSWORD = "store-password-1";

    final Path serverKeyStore;
    final Path pkcs12TrustStore;
    final Path jksTrustStore;
    final Path pemCertificate;

    private TestCertificates(Path dir) {
        serverKeyStore = dir.resolve("server.p12");
        pkcs12TrustStore = dir.resolve("trust.p12");
        jksTrustStore = dir.resolve("trust.jks");
        pemCertificate = dir.resolve("ca.pem");
    }

    static TestCertificates createIn(Path dir) throws IOException, InterruptedException, GeneralSecurityException {
        TestCertificates made = new TestCertificates(dir);
        keytool("-genkeypair", "-alias", "registry", "-keyalg", "EC", "-groupname", "secp256r1", "-dname", "CN=127.0.0.1",
                "-ext", "SAN=ip:127.0.0.1", "-validity", "2", "-storetype", "PKCS12", "-keystore", made.serverKeyStore.toString(),
                "-storepass", PASSWORD, "-keypass", PASSWORD);
        Certificate certificate = load(made.serverKeyStore, "PKCS12").getCertificate("registry");
        Files.writeString(made.pemCertificate, "-----BEGIN CERTIFICATE-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(certificate.getEncoded())
                + "\n-----END CERTIFICATE-----\n");
        trustStore(certificate, "PKCS12", made.pkcs12TrustStore);
        trustStore(certificate, "JKS", made.jksTrustStore);
        return made;
    }

    /** What the stub registry serves TLS with. */
    SSLContext serverContext() throws IOException, GeneralSecurityException {
        KeyStore store = load(serverKeyStore, "PKCS12");
        KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keys.init(store, PASSWORD.toCharArray());
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(keys.getKeyManagers(), null, null);
        return context;
    }

    private static KeyStore load(Path file, String type) throws IOException, GeneralSecurityException {
        KeyStore store = KeyStore.getInstance(type);
        try (InputStream in = Files.newInputStream(file)) {
            store.load(in, PASSWORD.toCharArray());
        }
        return store;
    }

    private static void trustStore(Certificate certificate, String type, Path file) throws IOException, GeneralSecurityException {
        KeyStore store = KeyStore.getInstance(type);
        store.load(null, null);
        store.setCertificateEntry("registry-ca", certificate);
        try (OutputStream out = Files.newOutputStream(file)) {
            store.store(out, PASSWORD.toCharArray());
        }
    }

    private static void keytool(String... arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
        command.addAll(List.of(arguments));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("keytool did not finish within 60 s: " + command);
        }
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (process.exitValue() != 0) {
            throw new IllegalStateException("keytool failed (" + process.exitValue() + "): " + output);
        }
    }
}
