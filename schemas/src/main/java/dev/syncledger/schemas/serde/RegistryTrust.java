package dev.syncledger.schemas.serde;

import dev.syncledger.schemas.text.OneLine;
import dev.syncledger.schemas.text.Redaction;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.util.Collection;
import java.util.Locale;
import java.util.Objects;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * Which certificates the client trusts when it reaches the registry over https, instead of the JDK's default
 * authorities: a trust store (PKCS12 or JKS, with its password) or a file of PEM CA certificates. Host names are
 * still verified against the certificate.
 */
public sealed interface RegistryTrust {

    /** @throws IllegalArgumentException in one line naming the file and the setting to fix */
    SSLContext sslContext();

    /** A PKCS12 or JKS trust store. {@link #toString} hides the password. */
    record TrustStore(Path file, String type, String password) implements RegistryTrust {

        public TrustStore {
            Objects.requireNonNull(file, "file");
            type = type == null ? "PKCS12" : type.toUpperCase(Locale.ROOT);
            if (!type.equals("PKCS12") && !type.equals("JKS")) {
                throw new IllegalArgumentException("--schema-registry-truststore-type must be PKCS12 or JKS, was " + type);
            }
        }

        @Override
        public SSLContext sslContext() {
            try (InputStream in = Files.newInputStream(file)) {
                KeyStore store = KeyStore.getInstance(type);
                store.load(in, password == null ? null : password.toCharArray());
                return RegistryTrust.trusting(store);
            } catch (IOException | GeneralSecurityException e) {
                throw new IllegalArgumentException("cannot read the " + type + " trust store " + file + " ("
                        + OneLine.describe(e) + "); check --schema-registry-truststore,"
                        + " --schema-registry-truststore-type and the trust store password");
            }
        }

        @Override
        public String toString() {
            return Redaction.describe(this);
        }
    }

    /** CA certificates in PEM form, as most registries' operators hand them out. */
    record PemCertificates(Path file) implements RegistryTrust {

        public PemCertificates {
            Objects.requireNonNull(file, "file");
        }

        @Override
        public SSLContext sslContext() {
            try (InputStream in = Files.newInputStream(file)) {
                Collection<? extends Certificate> certificates = CertificateFactory.getInstance("X.509").generateCertificates(in);
                if (certificates.isEmpty()) {
                    throw new IllegalArgumentException("no PEM certificate in " + file + "; check --schema-registry-ca-file");
                }
                KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
                store.load(null, null);
                int n = 0;
                for (Certificate certificate : certificates) {
                    store.setCertificateEntry("ca-" + n++, certificate);
                }
                return RegistryTrust.trusting(store);
            } catch (IOException | GeneralSecurityException e) {
                throw new IllegalArgumentException("cannot read CA certificates from " + file + " ("
                        + OneLine.describe(e) + "); check --schema-registry-ca-file");
            }
        }
    }

    private static SSLContext trusting(KeyStore store) throws GeneralSecurityException {
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(store);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, trust.getTrustManagers(), null);
        return context;
    }
}
