package dev.syncledger.app.observability;

import java.util.Objects;

/**
 * Where the metrics and health endpoint listens.
 *
 * @param host the address to bind; {@value #DEFAULT_HOST} by default, so nothing outside the machine sees it unless asked
 *             (inside a container, the wildcard address)
 * @param port the TCP port; {@value #DEFAULT_PORT} by default, 0 picks any free port
 * @param health how the readiness checks behind {@code /health} run
 */
public record ObservabilitySettings(String host, int port, HealthSchedule health) {

    public static final String DEFAULT_HOST = "127.0.0.1";
    public static final int DEFAULT_PORT = 8080;

    public ObservabilitySettings {
        if (host == null || host.isBlank()) {
            throw new IllegalArgumentException("--http-host must not be blank; use 127.0.0.1, or the wildcard address inside a container");
        }
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("--http-port must be between 0 and 65535 (0 picks a free port), was " + port);
        }
        Objects.requireNonNull(health, "health");
    }

    public ObservabilitySettings(String host, int port) {
        this(host, port, HealthSchedule.DEFAULT);
    }

    public ObservabilitySettings withHealth(HealthSchedule schedule) {
        return new ObservabilitySettings(host, port, schedule);
    }

    public static ObservabilitySettings defaults() {
        return new ObservabilitySettings(DEFAULT_HOST, DEFAULT_PORT);
    }

    public static ObservabilitySettings onPort(int port) {
        return new ObservabilitySettings(DEFAULT_HOST, port);
    }
}
