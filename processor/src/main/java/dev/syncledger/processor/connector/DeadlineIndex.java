package dev.syncledger.processor.connector;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.NavigableSet;
import java.util.Objects;
import java.util.TreeSet;
import java.util.function.Supplier;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;

/**
 * A task's connectors ordered by freshness deadline, so that the punctuator's cost follows the connectors that are
 * due, not all of them. Held in memory and never written anywhere: every deadline is also in its connector's state,
 * which is changelogged, so the index is derived data. Writing it to its own changelog cost two records per
 * reschedule, more than any other topic the processor wrote (2 per input event at 5,000 events/s). The index is
 * built from the connector store the first time the task uses it, before any deadline moves, and holds one entry
 * per connector that has a status on this task (about 100 bytes each): bounded by the connectors the task owns,
 * like the store it is derived from.
 */
final class DeadlineIndex {

    /** A connector due at a time. */
    record Due(Instant at, String key) {}

    private record Entry(long atMs, String key) {}

    private static final Comparator<Entry> ORDER = Comparator.comparingLong(Entry::atMs).thenComparing(Entry::key);

    private final Supplier<KeyValueIterator<String, ConnectorState>> stored;
    private final NavigableSet<Entry> byDeadline = new TreeSet<>(ORDER);
    private boolean built;

    /** {@code stored} iterates the connector store as committed, before anything of this task's was written over it. */
    DeadlineIndex(Supplier<KeyValueIterator<String, ConnectorState>> stored) {
        this.stored = stored;
    }

    /** Moves a connector from one deadline to another; either may be null (not indexed before, or no longer). */
    void reschedule(String key, Instant from, Instant to) {
        build();
        if (Objects.equals(from, to)) {
            return;
        }
        if (from != null) {
            byDeadline.remove(new Entry(from.toEpochMilli(), key));
        }
        if (to != null) {
            byDeadline.add(new Entry(to.toEpochMilli(), key));
        }
    }

    void remove(Instant at, String key) {
        build();
        byDeadline.remove(new Entry(at.toEpochMilli(), key));
    }

    /** Up to {@code limit} connectors due before {@code cutoff}, earliest first; they stay indexed until moved. */
    List<Due> due(Instant cutoff, int limit) {
        build();
        List<Due> due = new ArrayList<>(Math.min(limit, 1024));
        long cutoffMs = cutoff.toEpochMilli();
        for (Iterator<Entry> it = byDeadline.iterator(); it.hasNext() && due.size() < limit; ) {
            Entry entry = it.next();
            if (entry.atMs() >= cutoffMs) {
                break;
            }
            due.add(new Due(Instant.ofEpochMilli(entry.atMs()), entry.key()));
        }
        return due;
    }

    int size() {
        build();
        return byDeadline.size();
    }

    private void build() {
        if (built) {
            return;
        }
        built = true;
        try (KeyValueIterator<String, ConnectorState> all = stored.get()) {
            while (all.hasNext()) {
                KeyValue<String, ConnectorState> next = all.next();
                ConnectorState state = next.value;
                if (state != null && state.watch() != null && state.watch().deadline() != null) {
                    byDeadline.add(new Entry(state.watch().deadline().toEpochMilli(), next.key));
                }
            }
        }
    }
}
