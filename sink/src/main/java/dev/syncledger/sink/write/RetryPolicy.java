package dev.syncledger.sink.write;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;

/**
 * How often and how patiently to redo work that failed for a reason that passes: exponential
 * backoff from {@code firstDelay}, capped at {@code maxDelay}, with jitter so that several sinks do
 * not retry in step.
 */
public record RetryPolicy(int maxAttempts, Duration firstDelay, Duration maxDelay) {

    /** For a batch transaction: a deadlock or a dropped connection gets a few quick retries. */
    public static final RetryPolicy TRANSACTION = new RetryPolicy(5, Duration.ofMillis(100), Duration.ofSeconds(2));

    /** For waiting out a database outage: no limit, up to 30 s between attempts. */
    public static final RetryPolicy OUTAGE = new RetryPolicy(Integer.MAX_VALUE, Duration.ofMillis(500), Duration.ofSeconds(30));

    public RetryPolicy {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1, was " + maxAttempts);
        }
        Objects.requireNonNull(firstDelay, "firstDelay");
        Objects.requireNonNull(maxDelay, "maxDelay");
        if (firstDelay.isNegative() || maxDelay.compareTo(firstDelay) < 0) {
            throw new IllegalArgumentException("need 0 <= firstDelay <= maxDelay, got " + firstDelay + " and " + maxDelay);
        }
    }

    /** The wait after the given number of failed attempts (1 for the first failure): between half and all of the backoff. */
    public Duration delayAfter(int failedAttempts) {
        long first = firstDelay.toMillis();
        int doublings = Math.min(Math.max(failedAttempts - 1, 0), 30);
        long backoff = Math.min(maxDelay.toMillis(), first << doublings);
        if (backoff < 2) {
            return Duration.ofMillis(backoff);
        }
        return Duration.ofMillis(backoff / 2 + ThreadLocalRandom.current().nextLong(backoff / 2 + 1));
    }
}
