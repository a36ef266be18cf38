package dev.syncledger.processor.watch;

import java.time.Duration;
import java.util.Objects;

/**
 * When a connector counts as late and when an alert opens.
 *
 * @param defaultInterval the expected interval of a connector with fewer than {@value ExpectedInterval#MIN_RUNS} runs
 * @param alertAfterFailures consecutive failures that open a {@code consecutive_failures} alert
 * @param burstDiagnostics failure diagnostics within {@code burstWindow} that open a {@code failure_diagnostics_burst} alert
 * @param burstWindow how close together those diagnostics must be
 * @param quietPeriod how long without a failure diagnostic resolves the burst
 */
public record WatchRules(Duration defaultInterval, int alertAfterFailures, int burstDiagnostics, Duration burstWindow,
                         Duration quietPeriod) {

    public static final Duration DEFAULT_INTERVAL = Duration.ofHours(1);
    public static final int DEFAULT_ALERT_AFTER_FAILURES = 3;
    public static final int DEFAULT_BURST_DIAGNOSTICS = 20;
    /** A burst is counted from the newest failure diagnostics a connector keeps, so the threshold bounds that memory. */
    public static final int MAX_BURST_DIAGNOSTICS = 1_000;

    public WatchRules {
        Objects.requireNonNull(defaultInterval, "defaultInterval");
        Objects.requireNonNull(burstWindow, "burstWindow");
        Objects.requireNonNull(quietPeriod, "quietPeriod");
        if (defaultInterval.compareTo(Duration.ofSeconds(1)) < 0) {
            throw new IllegalArgumentException("the expected interval must be at least 1s, was " + defaultInterval);
        }
        if (alertAfterFailures < 1) {
            throw new IllegalArgumentException("alerts after failures must be at least 1, was " + alertAfterFailures);
        }
        if (burstDiagnostics < 1 || burstDiagnostics > MAX_BURST_DIAGNOSTICS) {
            throw new IllegalArgumentException("the diagnostics burst threshold must be between 1 and " + MAX_BURST_DIAGNOSTICS
                    + ", was " + burstDiagnostics);
        }
    }

    public static WatchRules defaults() {
        return new WatchRules(DEFAULT_INTERVAL, DEFAULT_ALERT_AFTER_FAILURES, DEFAULT_BURST_DIAGNOSTICS, Duration.ofHours(1),
                Duration.ofHours(1));
    }

    public WatchRules withDefaultInterval(Duration interval) {
        return new WatchRules(interval, alertAfterFailures, burstDiagnostics, burstWindow, quietPeriod);
    }

    public WatchRules withAlertAfterFailures(int failures) {
        return new WatchRules(defaultInterval, failures, burstDiagnostics, burstWindow, quietPeriod);
    }

    public WatchRules withBurstDiagnostics(int diagnostics) {
        return new WatchRules(defaultInterval, alertAfterFailures, diagnostics, burstWindow, quietPeriod);
    }
}
