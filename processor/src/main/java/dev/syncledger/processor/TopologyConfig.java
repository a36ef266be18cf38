package dev.syncledger.processor;

import dev.syncledger.schemas.serde.SerdeConfig;
import java.time.Duration;
import java.util.Objects;

/**
 * What the topology itself needs to know; Kafka Streams settings live in {@link StreamsSettings}.
 *
 * @param diagnosticRetention how long a diagnostic is kept after its occurred_at
 * @param pruneInterval how often, in wall-clock time, expired diagnostics are removed
 */
public record TopologyConfig(SerdeConfig serde, Duration diagnosticRetention, Duration pruneInterval) {

    public static final Duration DEFAULT_DIAGNOSTIC_RETENTION = Duration.ofDays(30);
    public static final Duration DEFAULT_PRUNE_INTERVAL = Duration.ofMinutes(1);

    public TopologyConfig {
        Objects.requireNonNull(serde, "serde");
        requirePositive("diagnosticRetention", diagnosticRetention);
        requirePositive("pruneInterval", pruneInterval);
    }

    public TopologyConfig(SerdeConfig serde) {
        this(serde, DEFAULT_DIAGNOSTIC_RETENTION, DEFAULT_PRUNE_INTERVAL);
    }

    public static TopologyConfig defaults() {
        return new TopologyConfig(SerdeConfig.withoutRegistry());
    }

    public TopologyConfig withDiagnosticRetention(Duration retention) {
        return new TopologyConfig(serde, retention, pruneInterval);
    }

    public TopologyConfig withPruneInterval(Duration interval) {
        return new TopologyConfig(serde, diagnosticRetention, interval);
    }

    private static void requirePositive(String name, Duration value) {
        Objects.requireNonNull(value, name);
        if (value.isZero() || value.isNegative()) {
            throw new IllegalArgumentException(name + " must be positive, was " + value);
        }
    }
}
