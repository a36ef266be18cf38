package dev.syncledger.app.pipeline;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Objects;

/**
 * How often a failed stream thread is replaced: at most {@code attempts} times within a sliding {@code window},
 * each after a pause that doubles from {@code firstPause}; past that, none. A failure that a restart cannot cure
 * (a record the producer refuses, a store it cannot open) then ends the instance in minutes instead of looping.
 */
public final class ThreadReplacements {

    /** How many replacements within how long, and the first pause. */
    public record Budget(int attempts, Duration window, Duration firstPause) {

        public Budget {
            Objects.requireNonNull(window, "window");
            Objects.requireNonNull(firstPause, "firstPause");
            if (attempts < 0) {
                throw new IllegalArgumentException("attempts must not be negative, was " + attempts);
            }
        }

        /** This budget for each of {@code threads} stream threads, drawn from together. */
        public Budget forThreads(int threads) {
            return new Budget(Math.multiplyExact(attempts, threads), window, firstPause);
        }
    }

    /** Per stream thread: a failure of the infrastructure (a broker away) fails every thread of the instance. */
    public static final Budget DEFAULT = new Budget(3, Duration.ofMinutes(10), Duration.ofSeconds(1));

    private final Budget budget;
    private final Deque<Instant> recent = new ArrayDeque<>();
    private long count;

    public ThreadReplacements(Budget budget) {
        this.budget = budget;
    }

    /** The pause before the next replacement, or null when the budget is spent. */
    public synchronized Duration next(Instant now) {
        while (!recent.isEmpty() && recent.peekFirst().isBefore(now.minus(budget.window()))) {
            recent.removeFirst();
        }
        if (recent.size() >= budget.attempts()) {
            return null;
        }
        Duration pause = budget.firstPause().multipliedBy(1L << Math.min(recent.size(), 10));
        recent.addLast(now);
        count++;
        return pause;
    }

    public synchronized long count() {
        return count;
    }

    public Budget budget() {
        return budget;
    }
}
