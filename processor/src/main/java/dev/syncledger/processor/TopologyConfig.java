package dev.syncledger.processor;

import dev.syncledger.processor.ledger.LedgerRules;
import dev.syncledger.processor.watch.WatchRules;
import dev.syncledger.schemas.serde.SerdeConfig;
import java.time.Duration;
import java.util.Objects;

/**
 * What the topology itself needs to know; Kafka Streams settings live in {@link StreamsSettings}.
 *
 * @param diagnosticRetention how long a diagnostic is kept after its occurred_at
 * @param pruneInterval how often, in wall-clock time, expired diagnostics are removed
 * @param ledger the horizon and caps of run, collect and link ledgers
 * @param forgetInterval how often, in wall-clock time, ledgers the horizon expired are forgotten
 * @param watch when connectors count as late and alerts open
 * @param deadlineCheckInterval how often, in wall-clock time, connectors whose freshness deadline passed are looked at
 */
public record TopologyConfig(SerdeConfig serde, Duration diagnosticRetention, Duration pruneInterval, LedgerRules ledger,
                             Duration forgetInterval, WatchRules watch, Duration deadlineCheckInterval) {

    public static final Duration DEFAULT_DIAGNOSTIC_RETENTION = Duration.ofDays(30);
    public static final Duration DEFAULT_PRUNE_INTERVAL = Duration.ofMinutes(1);
    public static final Duration DEFAULT_FORGET_INTERVAL = Duration.ofSeconds(1);
    public static final Duration DEFAULT_DEADLINE_CHECK_INTERVAL = Duration.ofSeconds(1);

    public TopologyConfig {
        Objects.requireNonNull(serde, "serde");
        Objects.requireNonNull(ledger, "ledger");
        Objects.requireNonNull(watch, "watch");
        requirePositive("deadlineCheckInterval", deadlineCheckInterval);
        requirePositive("diagnosticRetention", diagnosticRetention);
        requirePositive("pruneInterval", pruneInterval);
        requirePositive("forgetInterval", forgetInterval);
    }

    public TopologyConfig(SerdeConfig serde) {
        this(serde, DEFAULT_DIAGNOSTIC_RETENTION, DEFAULT_PRUNE_INTERVAL, LedgerRules.defaults(), DEFAULT_FORGET_INTERVAL, WatchRules.defaults(),
                DEFAULT_DEADLINE_CHECK_INTERVAL);
    }

    public static TopologyConfig defaults() {
        return new TopologyConfig(SerdeConfig.withoutRegistry());
    }

    public TopologyConfig withDiagnosticRetention(Duration retention) {
        return new TopologyConfig(serde, retention, pruneInterval, ledger, forgetInterval, watch, deadlineCheckInterval);
    }

    public TopologyConfig withPruneInterval(Duration interval) {
        return new TopologyConfig(serde, diagnosticRetention, interval, ledger, forgetInterval, watch, deadlineCheckInterval);
    }

    public TopologyConfig withLedger(LedgerRules rules) {
        return new TopologyConfig(serde, diagnosticRetention, pruneInterval, rules, forgetInterval, watch, deadlineCheckInterval);
    }

    public TopologyConfig withForgetInterval(Duration interval) {
        return new TopologyConfig(serde, diagnosticRetention, pruneInterval, ledger, interval, watch, deadlineCheckInterval);
    }

    public TopologyConfig withWatch(WatchRules rules) {
        return new TopologyConfig(serde, diagnosticRetention, pruneInterval, ledger, forgetInterval, rules, deadlineCheckInterval);
    }

    public TopologyConfig withDeadlineCheckInterval(Duration interval) {
        return new TopologyConfig(serde, diagnosticRetention, pruneInterval, ledger, forgetInterval, watch, interval);
    }

    private static void requirePositive(String name, Duration value) {
        Objects.requireNonNull(value, name);
        if (value.isZero() || value.isNegative()) {
            throw new IllegalArgumentException(name + " must be positive, was " + value);
        }
    }
}
