package dev.syncledger.schemas.serde;

import java.time.Duration;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongSupplier;

/**
 * Schema ids the registry could not give as Avro, each remembered for a period with the reason, so that records
 * carrying a foreign id (the id comes from the record's bytes, which anyone can write) cost the registry one request
 * per id and period, not one per record. Known ids never get here, so the lock is off the hot path; it is never held
 * across a request.
 */
final class RecentMisses {

    private final long periodNanos;
    private final int capacity;
    private final LongSupplier nanoClock;
    // Every miss lives for the same period, so insertion order is expiry order: the eldest goes first.
    private final LinkedHashMap<Integer, Miss> byId = new LinkedHashMap<>();

    private record Miss(String reason, long expiresAtNanos) {}

    RecentMisses(Duration period, int capacity, LongSupplier nanoClock) {
        this.periodNanos = period.toNanos();
        this.capacity = capacity;
        this.nanoClock = nanoClock;
    }

    /** Why the id was missed, if it was within the period. */
    synchronized Optional<String> reasonFor(int schemaId) {
        Miss miss = byId.get(schemaId);
        if (miss == null) {
            return Optional.empty();
        }
        if (nanoClock.getAsLong() - miss.expiresAtNanos >= 0) {
            byId.remove(schemaId);
            return Optional.empty();
        }
        return Optional.of(miss.reason);
    }

    synchronized void remember(int schemaId, String reason) {
        if (periodNanos == 0) {
            return;
        }
        long now = nanoClock.getAsLong();
        byId.remove(schemaId);
        byId.put(schemaId, new Miss(reason, now + periodNanos));
        Iterator<Map.Entry<Integer, Miss>> eldest = byId.entrySet().iterator();
        while (eldest.hasNext()) {
            Miss next = eldest.next().getValue();
            if (byId.size() <= capacity && now - next.expiresAtNanos < 0) {
                break;
            }
            eldest.remove();
        }
    }

    synchronized int size() {
        return byId.size();
    }
}
