package dev.syncledger.sink.notify;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.function.DoubleSupplier;

/**
 * When a failed delivery is tried again: exponential backoff from {@code first}, doubled per attempt up to
 * {@code longest}, each wait drawn uniformly from its upper half (jitter, so that receivers coming back are not
 * hit by every notifier at once); no attempt is scheduled past {@code giveUpAfter} from the delivery's creation.
 */
public record RetrySchedule(Duration first, Duration longest, Duration giveUpAfter) {

    public static final RetrySchedule DEFAULT = new RetrySchedule(Duration.ofSeconds(1), Duration.ofHours(1), Duration.ofHours(24));

    public RetrySchedule {
        Objects.requireNonNull(first, "first");
        Objects.requireNonNull(longest, "longest");
        Objects.requireNonNull(giveUpAfter, "giveUpAfter");
    }

    /**
     * When attempt {@code attemptsMade + 1} is due, or null when that would be past the give-up time.
     *
     * @param random uniform in [0, 1)
     */
    public Instant next(Instant createdAt, int attemptsMade, Instant now, DoubleSupplier random) {
        int doublings = Math.min(Math.max(attemptsMade - 1, 0), 40);
        long ceiling = Math.min(longest.toMillis(), first.toMillis() << Math.min(doublings, 30));
        long wait = ceiling / 2 + (long) (random.getAsDouble() * (ceiling - ceiling / 2));
        Instant next = now.plusMillis(Math.max(wait, 1));
        return next.isAfter(createdAt.plus(giveUpAfter)) ? null : next;
    }
}
