package dev.syncledger.processor.ledger;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * How long the processor holds what it knows about a run, a collect or a document link, and how much it holds.
 *
 * <p>Time here is event time: an event's occurred_at, but never later than its record's timestamp, so that a
 * producer whose clock runs ahead cannot move anything forward. Each input partition has a clock, the
 * greatest event time it has seen; a replay of the same topic gives the same clocks, so the same decisions.
 *
 * <ul>
 *   <li>A settled entity (a run or collect that ended or was deleted, any document link) is forgotten once its
 *       clock has passed its latest event by the horizon; an open run or collect after {@value #OPEN_HOLD_FACTOR}
 *       horizons, since nothing may finish it any more.</li>
 *   <li>An event for an entity the processor does not hold whose event time is more than the horizon behind the
 *       clock is {@code arrived_after_horizon}: a late redelivery of something already forgotten looks like that.</li>
 *   <li>A run or collect takes in at most {@code maxEventsPerRun} distinct events and {@value #MAX_LEDGER_BYTES}
 *       bytes of state; the next event is {@code too_many_events}.</li>
 * </ul>
 */
public record LedgerRules(Duration horizon, int maxEventsPerRun) {

    public static final Duration DEFAULT_HORIZON = Duration.ofDays(7);
    public static final int DEFAULT_MAX_EVENTS_PER_RUN = 1_000;
    public static final int MAX_LEDGER_BYTES = 262_144;
    public static final int OPEN_HOLD_FACTOR = 4;

    public LedgerRules {
        Objects.requireNonNull(horizon, "horizon");
        if (horizon.isNegative() || horizon.isZero()) {
            throw new IllegalArgumentException("the ledger horizon must be positive, was " + horizon);
        }
        if (maxEventsPerRun < 1) {
            throw new IllegalArgumentException("maxEventsPerRun must be at least 1, was " + maxEventsPerRun);
        }
    }

    public static LedgerRules defaults() {
        return new LedgerRules(DEFAULT_HORIZON, DEFAULT_MAX_EVENTS_PER_RUN);
    }

    /** An event's time for these rules: its occurred_at, capped at its record's timestamp when it has one. */
    public static Instant eventTime(Instant occurredAt, long recordTimestamp) {
        return recordTimestamp >= 0 && recordTimestamp < occurredAt.toEpochMilli() ? Instant.ofEpochMilli(recordTimestamp) : occurredAt;
    }

    /** When an entity whose latest event is at {@code lastEventAt} may be forgotten. */
    public Instant expiresAt(Instant lastEventAt, boolean settled) {
        return lastEventAt.plus(settled ? horizon : horizon.multipliedBy(OPEN_HOLD_FACTOR));
    }

    public boolean isExpired(Held held, Instant clock) {
        return clock != null && expiresAt(held.lastEventAt(), held.settled()).isBefore(clock);
    }

    /** An event too old to start anything: whatever it was for has been forgotten, or would have been. */
    public boolean isLate(Instant eventTime, Instant clock) {
        return clock != null && eventTime.plus(horizon).isBefore(clock);
    }

    /** What the rules need to know of something the processor holds. */
    public interface Held {

        /** The greatest event time among the events it took in. */
        Instant lastEventAt();

        /** Ended or deleted: only a late event could still change it. */
        boolean settled();
    }
}
