package dev.syncledger.app.config;

import dev.syncledger.app.observability.ObservabilitySettings;
import picocli.CommandLine.Option;

/** Where a long-running command serves /metrics and /health. */
public final class HttpOptions {

    @Option(names = "--http-port", paramLabel = "PORT", defaultValue = "8080",
            description = "Serve /metrics and /health on this port; 0 picks a free one (default: ${DEFAULT-VALUE}).")
    int httpPort;

    @Option(names = "--http-host", paramLabel = "ADDRESS", defaultValue = ObservabilitySettings.DEFAULT_HOST,
            description = "The address the HTTP endpoint binds (default: ${DEFAULT-VALUE}; inside a container, the wildcard address).")
    String httpHost;

    public ObservabilitySettings settings() {
        return new ObservabilitySettings(httpHost, httpPort);
    }
}
