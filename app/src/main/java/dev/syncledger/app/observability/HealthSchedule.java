package dev.syncledger.app.observability;

import java.time.Duration;

/**
 * How the readiness checks run in the background.
 *
 * @param interval     how often each check is started (a check still running from before is not started again)
 * @param checkTimeout how long one run may take before the check counts as failed with its timeout code
 * @param staleAfter   a check whose latest result is older than this shows {@code stale} and the process not ready:
 *                     the checks themselves have stopped running
 */
public record HealthSchedule(Duration interval, Duration checkTimeout, Duration staleAfter) {

    public static final HealthSchedule DEFAULT = new HealthSchedule(Duration.ofSeconds(2), Duration.ofSeconds(2), Duration.ofSeconds(10));

    public HealthSchedule {
        if (interval.isNegative() || interval.isZero() || checkTimeout.isNegative() || checkTimeout.isZero()) {
            throw new IllegalArgumentException("the health interval and check timeout must be positive: " + interval + ", " + checkTimeout);
        }
        if (staleAfter.compareTo(interval.plus(checkTimeout)) <= 0) {
            throw new IllegalArgumentException("a health result may only count as stale after more than one interval plus one timeout ("
                    + interval.plus(checkTimeout) + "), not " + staleAfter);
        }
    }
}
