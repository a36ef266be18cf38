package dev.syncledger.app.api;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import picocli.CommandLine.Option;

/**
 * The HS256 secret the read API verifies tokens with (and {@code token} signs them with): from a file or from
 * {@value #VARIABLE}, never a flag value, so that help and error lines cannot show it.
 */
public final class ApiSecret {

    public static final String VARIABLE = "SYNC_LEDGER_API_SECRET";

    @Option(names = "--api-secret-file", paramLabel = "FILE",
            description = "The HS256 token secret (at least 32 bytes), read from this file; or set " + VARIABLE + ".")
    Path file;

    /**
     * @throws IllegalArgumentException saying what is missing or wrong, never the secret
     */
    public ApiTokens tokens(Map<String, String> environment) {
        byte[] secret;
        if (file != null) {
            try {
                secret = Files.readString(file, StandardCharsets.UTF_8).strip().getBytes(StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new IllegalArgumentException("cannot read --api-secret-file " + file + ": " + e.getMessage());
            }
        } else if (environment.get(VARIABLE) != null && !environment.get(VARIABLE).isBlank()) {
            secret = environment.get(VARIABLE).strip().getBytes(StandardCharsets.UTF_8);
        } else {
            throw new IllegalArgumentException("the read API needs a token secret: give --api-secret-file FILE or set " + VARIABLE);
        }
        return new ApiTokens(secret);
    }
}
