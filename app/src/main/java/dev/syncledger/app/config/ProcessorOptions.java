package dev.syncledger.app.config;

import dev.syncledger.processor.StreamsSettings;
import dev.syncledger.processor.ledger.LedgerRules;
import dev.syncledger.processor.watch.WatchRules;
import java.time.Duration;
import picocli.CommandLine.Option;

/**
 * How the processor runs: its Kafka Streams application id, its threads, the diagnostics' retention, its ledgers' bounds,
 * and when connectors count as late and alerts open.
 */
public final class ProcessorOptions {

    @Option(names = "--application-id", paramLabel = "ID", defaultValue = StreamsSettings.DEFAULT_APPLICATION_ID,
            description = "Kafka Streams application id; instances with the same id share the work. The sink's consumer group is"
                    + " this id with -sink appended (default: ${DEFAULT-VALUE}).")
    String applicationId;

    @Option(names = "--threads", paramLabel = "N", defaultValue = "" + StreamsSettings.DEFAULT_THREADS,
            description = "Kafka Streams threads of this instance (default: ${DEFAULT-VALUE}).")
    int threads;

    @Option(names = "--diagnostic-retention", paramLabel = "DURATION", defaultValue = "30d", converter = DurationConverter.class,
            description = "Diagnostics older than this are pruned, and not stored when they arrive that old (default: ${DEFAULT-VALUE}).")
    Duration diagnosticRetention;

    @Option(names = "--ledger-horizon", paramLabel = "DURATION", defaultValue = "7d", converter = DurationConverter.class,
            description = "How long, in event time, the processor holds a run, collect or link after its latest event once it has ended;"
                    + " a later event for it is rejected as arrived_after_horizon (default: ${DEFAULT-VALUE}).")
    Duration ledgerHorizon;

    @Option(names = "--max-events-per-run", paramLabel = "N", defaultValue = "" + LedgerRules.DEFAULT_MAX_EVENTS_PER_RUN,
            description = "Distinct events a run or collect may take in; the next is rejected as too_many_events (default: ${DEFAULT-VALUE}).")
    int maxEventsPerRun;

    @Option(names = "--expected-interval", paramLabel = "DURATION", defaultValue = "1h", converter = DurationConverter.class,
            description = "How often a connector with fewer than 3 runs is expected to run; one with more is expected at the median gap"
                    + " of its last 20 runs. Delayed past 1x since its latest success, overdue past 2x (default: ${DEFAULT-VALUE}).")
    Duration expectedInterval;

    @Option(names = "--alert-after-failures", paramLabel = "N", defaultValue = "" + WatchRules.DEFAULT_ALERT_AFTER_FAILURES,
            description = "Consecutive failed runs that open a consecutive_failures alert; the next success resolves it"
                    + " (default: ${DEFAULT-VALUE}).")
    int alertAfterFailures;

    @Option(names = "--alert-diagnostics", paramLabel = "N", defaultValue = "" + WatchRules.DEFAULT_BURST_DIAGNOSTICS,
            description = "Failure diagnostics within an hour that open a failure_diagnostics_burst alert; a quiet hour resolves it"
                    + " (default: ${DEFAULT-VALUE}, at most " + WatchRules.MAX_BURST_DIAGNOSTICS + ").")
    int alertDiagnostics;

    /**
     * @throws IllegalArgumentException naming the option whose value cannot work
     */
    public WatchRules watch() {
        if (expectedInterval == null || expectedInterval.compareTo(Duration.ofSeconds(1)) < 0) {
            throw new IllegalArgumentException("--expected-interval must be at least 1s, was " + expectedInterval);
        }
        if (alertAfterFailures < 1) {
            throw new IllegalArgumentException("--alert-after-failures must be at least 1, was " + alertAfterFailures);
        }
        if (alertDiagnostics < 1 || alertDiagnostics > WatchRules.MAX_BURST_DIAGNOSTICS) {
            throw new IllegalArgumentException("--alert-diagnostics must be between 1 and " + WatchRules.MAX_BURST_DIAGNOSTICS
                    + ", was " + alertDiagnostics);
        }
        return WatchRules.defaults().withDefaultInterval(expectedInterval).withAlertAfterFailures(alertAfterFailures)
                .withBurstDiagnostics(alertDiagnostics);
    }

    public String applicationId() {
        return applicationId;
    }

    public int threads() {
        return threads;
    }

    public Duration diagnosticRetention() {
        return diagnosticRetention;
    }

    public Duration ledgerHorizon() {
        return ledgerHorizon;
    }

    public int maxEventsPerRun() {
        return maxEventsPerRun;
    }
}
