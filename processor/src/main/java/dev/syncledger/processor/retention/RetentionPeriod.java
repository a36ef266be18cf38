package dev.syncledger.processor.retention;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/** How long a row is kept after the time it is dated by; "now" is always given, never read here. */
public record RetentionPeriod(Duration length) {

    public RetentionPeriod {
        Objects.requireNonNull(length, "length");
        if (length.isZero() || length.isNegative()) {
            throw new IllegalArgumentException("a retention period must be positive, was " + length);
        }
    }

    /** The earliest time still retained at {@code nowMs}: anything dated before it has expired. */
    public Instant retainedFrom(long nowMs) {
        return Instant.ofEpochMilli(nowMs).minus(length);
    }
}
