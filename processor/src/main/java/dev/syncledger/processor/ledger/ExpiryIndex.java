package dev.syncledger.processor.ledger;

import dev.syncledger.processor.retention.MemoryTimeIndex;
import java.util.function.Supplier;
import org.apache.kafka.streams.state.KeyValueIterator;

import dev.syncledger.processor.retention.TimeOrderedIndex;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Which held entities may expire when: a time-ordered index of keys, so that forgetting costs what it forgets,
 * not what is held. A key is indexed at its latest event's hour plus the horizon, the earliest it can expire: its
 * events within an hour keep its entry in place, so most entities are written to the index once. When the
 * entry comes due and the entity is still open, it goes back in at the time an open entity expires. Forgetting
 * itself is decided exactly, by the fold and the sweep, on the entity's own times; the index only finds
 * candidates.
 */
public final class ExpiryIndex {

    private static final long BUCKET_MILLIS = Duration.ofHours(1).toMillis();

    private final MemoryTimeIndex index;
    private final LedgerRules rules;

    /**
     * Held in memory and loaded from {@code held} (the ledger store as committed) the first time it is used: every
     * entry follows from its ledger, and a changelog of its own cost about one record per held entity.
     */
    public ExpiryIndex(Supplier<? extends KeyValueIterator<String, ? extends LedgerRules.Held>> held, LedgerRules rules) {
        this.rules = rules;
        this.index = new MemoryTimeIndex(index -> {
            try (KeyValueIterator<String, ? extends LedgerRules.Held> all = held.get()) {
                all.forEachRemaining(entry -> index.add(earliestExpiry(entry.value), entry.key));
            }
        });
    }

    /** Moves the key with its ledger's latest event time; either ledger may be null (not held before, or no longer). */
    public void track(String key, LedgerRules.Held before, LedgerRules.Held after) {
        index.reschedule(key, before == null ? null : earliestExpiry(before), after == null ? null : earliestExpiry(after));
    }

    /** Up to {@code limit} entries due at {@code clock}, earliest first. */
    public List<TimeOrderedIndex.Entry> due(Instant clock, int limit) {
        return index.due(clock, limit);
    }

    public void remove(TimeOrderedIndex.Entry entry) {
        index.remove(entry.at(), entry.key());
    }

    /** Puts an entity that came due while still open back in, at the time an open entity expires. */
    public void recheckLater(String key, LedgerRules.Held ledger) {
        index.add(bucket(rules.expiresAt(ledger.lastEventAt(), ledger.settled())), key);
    }

    /** Whether an entry stands for the ledger as it is, or is left from an earlier state of it. */
    public boolean isCurrent(TimeOrderedIndex.Entry entry, LedgerRules.Held ledger) {
        return entry.at().equals(earliestExpiry(ledger)) || entry.at().equals(bucket(rules.expiresAt(ledger.lastEventAt(), false)));
    }

    private Instant earliestExpiry(LedgerRules.Held ledger) {
        return bucket(ledger.lastEventAt()).plus(rules.horizon());
    }

    static Instant bucket(Instant time) {
        long millis = time.toEpochMilli();
        return Instant.ofEpochMilli(Math.floorDiv(millis + BUCKET_MILLIS - 1, BUCKET_MILLIS) * BUCKET_MILLIS);
    }
}
