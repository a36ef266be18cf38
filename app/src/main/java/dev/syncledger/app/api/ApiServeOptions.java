package dev.syncledger.app.api;

import java.util.Map;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Where the read API listens and what it checks tokens with: shared by {@code serve} and {@code run --serve-api}. */
public final class ApiServeOptions {

    @Option(names = "--api-host", paramLabel = "ADDRESS", defaultValue = "127.0.0.1",
            description = "The address the read API binds (default: ${DEFAULT-VALUE}).")
    String host;

    @Option(names = "--api-port", paramLabel = "PORT", defaultValue = "8081",
            description = "The read API's port; 0 picks a free one (default: ${DEFAULT-VALUE}).")
    int port;

    @Mixin
    ApiSecret secret;

    /** What to start, checked. @throws IllegalArgumentException naming the option at fault */
    public Settings settings(Map<String, String> environment) {
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("--api-port must be between 0 and 65535, was " + port);
        }
        return new Settings(host, port, secret.tokens(environment));
    }

    /** The read API as configured; its tokens print no secret. */
    public record Settings(String host, int port, ApiTokens tokens) {

        public ReadApi start(org.jdbi.v3.core.Jdbi jdbi) {
            return ReadApi.start(jdbi, tokens, host, port);
        }
    }
}
