package dev.syncledger.app.api;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import dev.syncledger.app.config.Secrets;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import picocli.CommandLine.Option;

/**
 * What the read API checks tokens with: the HS256 secret (which {@code token} also signs with), from a file or from
 * {@value #VARIABLE}, never a flag value, so that help and error lines cannot show it; and/or public keys for RS256 and
 * ES256 tokens an identity provider issues, from a JWKS file or a PEM public key.
 */
public final class ApiSecret {

    public static final String VARIABLE = "SYNC_LEDGER_API_SECRET";

    @Option(names = "--api-secret-file", paramLabel = "FILE",
            description = "The HS256 token secret (at least 32 bytes), read from this file; or set " + VARIABLE + ".")
    Path file;

    @Option(names = "--api-public-keys", paramLabel = "FILE",
            description = "Public keys for RS256 / ES256 tokens: a JWKS file (JSON, picked by kid) or a PEM public key.")
    Path publicKeys;

    /**
     * @throws IllegalArgumentException saying what is missing or wrong, never the secret
     */
    public ApiTokens tokens(Map<String, String> environment) {
        byte[] secret = Secrets.read(file, "--api-secret-file", environment, VARIABLE);
        JWKSet keys = publicKeys == null ? new JWKSet() : keys(publicKeys);
        if (secret == null && keys.getKeys().isEmpty()) {
            throw new IllegalArgumentException("the read API needs a token secret: give --api-secret-file FILE or set " + VARIABLE
                    + " (and/or --api-public-keys FILE)");
        }
        return new ApiTokens(secret, keys);
    }

    private static JWKSet keys(Path path) {
        try {
            String text = Files.readString(path, StandardCharsets.UTF_8);
            return text.strip().startsWith("-----BEGIN") ? new JWKSet(JWK.parseFromPEMEncodedObjects(text)) : JWKSet.parse(text);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read --api-public-keys " + path + ": " + e.getMessage());
        } catch (java.text.ParseException | com.nimbusds.jose.JOSEException e) {
            throw new IllegalArgumentException("--api-public-keys " + path + " is neither a JWKS nor a PEM public key: " + e.getMessage());
        }
    }

}
