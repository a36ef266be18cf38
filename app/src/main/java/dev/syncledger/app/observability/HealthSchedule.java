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

    /** A result counts as stale after this, or after two intervals and two timeouts when that is longer. */
    private static final Duration MIN_STALE_AFTER = Duration.ofSeconds(10);

    public static final HealthSchedule DEFAULT = of(Duration.ofSeconds(2), Duration.ofSeconds(2));

    public HealthSchedule {
        if (interval.isNegative() || interval.isZero() || checkTimeout.isNegative() || checkTimeout.isZero()) {
            throw new IllegalArgumentException("--health-interval and --health-timeout must be positive, were " + interval + " and "
                    + checkTimeout);
        }
        if (staleAfter.compareTo(interval.plus(checkTimeout)) <= 0) {
            throw new IllegalArgumentException("a health result may only count as stale after more than one interval plus one timeout ("
                    + interval.plus(checkTimeout) + "), not " + staleAfter);
        }
    }

    /** With the stale bound that tolerates a missed round: max(10 s, 2 x (interval + timeout)). */
    public static HealthSchedule of(Duration interval, Duration checkTimeout) {
        Duration twoRounds = interval.plus(checkTimeout).multipliedBy(2);
        return new HealthSchedule(interval, checkTimeout, twoRounds.compareTo(MIN_STALE_AFTER) > 0 ? twoRounds : MIN_STALE_AFTER);
    }
}
