package dev.syncledger.processor.ledger;

import dev.syncledger.processor.store.CommitHook;
import dev.syncledger.processor.store.WriteBehindStore;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * The event clock of each input partition a ledger task reads: the greatest event time it has seen
 * ({@link LedgerRules#eventTime}), in whole minutes, which is all a horizon of days needs. A task reads one
 * partition of each input topic, so the topic names the clock. Kept in a store, written once per commit, so
 * that a restart or a new owner of the task goes on with the same clocks.
 */
public final class PartitionClocks {

    private static final WriteBehindStore.Bounds FEW = new WriteBehindStore.Bounds(64, 64 * Long.BYTES);

    private final WriteBehindStore<String, Long> clocks;

    public PartitionClocks(KeyValueStore<String, Long> store, CommitHook hook) {
        this.clocks = WriteBehindStore.over(store, clock -> Long.BYTES, FEW, hook, (topic, before, after) -> { });
    }

    /** The clock of the topic's partition with this event time counted in. */
    public Instant advance(String topic, Instant eventTime) {
        Instant clock = current(topic);
        Instant minute = eventTime.truncatedTo(ChronoUnit.MINUTES);
        if (clock == null || minute.isAfter(clock)) {
            clocks.put(topic, minute.toEpochMilli());
            return minute;
        }
        return clock;
    }

    /** Null until the partition's first event. */
    public Instant current(String topic) {
        Long clock = clocks.get(topic);
        return clock == null ? null : Instant.ofEpochMilli(clock);
    }
}
