package dev.syncledger.processor.retention;

import java.time.Instant;
import java.util.Objects;

/** Keys dated by a time, so that the ones due can be found without looking at the others. */
public interface TimeIndex {

    void add(Instant at, String key);

    void remove(Instant at, String key);

    /** Moves a key from one time to another; either may be null (not indexed before, or no longer). */
    default void reschedule(String key, Instant from, Instant to) {
        if (Objects.equals(from, to)) {
            return;
        }
        if (from != null) {
            remove(from, key);
        }
        if (to != null) {
            add(to, key);
        }
    }
}
