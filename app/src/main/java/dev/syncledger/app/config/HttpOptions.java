package dev.syncledger.app.config;

import dev.syncledger.app.observability.HealthSchedule;
import dev.syncledger.app.observability.ObservabilitySettings;
import java.time.Duration;
import picocli.CommandLine.Option;

/** Where a long-running command serves /metrics and /health. */
public final class HttpOptions {

    @Option(names = "--http-port", paramLabel = "PORT", defaultValue = "8080",
            description = "Serve /metrics and /health on this port; 0 picks a free one (default: ${DEFAULT-VALUE}).")
    int httpPort;

    @Option(names = "--http-host", paramLabel = "ADDRESS", defaultValue = ObservabilitySettings.DEFAULT_HOST,
            description = "The address the HTTP endpoint binds (default: ${DEFAULT-VALUE}; inside a container, the wildcard address).")
    String httpHost;

    @Option(names = "--health-interval", paramLabel = "DURATION", defaultValue = "2s", converter = DurationConverter.class,
            description = "How often each readiness check behind /health runs, in the background (default: ${DEFAULT-VALUE}).")
    Duration healthInterval;

    @Option(names = "--health-timeout", paramLabel = "DURATION", defaultValue = "2s", converter = DurationConverter.class,
            description = "How long one readiness check may take before /health counts it as failed (default: ${DEFAULT-VALUE}).")
    Duration healthTimeout;

    public ObservabilitySettings settings() {
        return new ObservabilitySettings(httpHost, httpPort, HealthSchedule.of(healthInterval, healthTimeout));
    }
}
