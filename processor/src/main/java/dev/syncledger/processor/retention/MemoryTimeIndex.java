package dev.syncledger.processor.retention;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NavigableSet;
import java.util.TreeSet;
import java.util.function.Consumer;

/**
 * Keys ordered by a time, held in memory, for an index whose every entry can be derived from a changelogged store
 * (a connector's deadline from its state, a ledger's expiry from the ledger): writing such an index to a changelog
 * of its own cost the processor one or two records per change for nothing a restore could not rebuild. The index is
 * loaded once, from that store, the first time it is used, which the owner must make happen before it writes any
 * entry (every method loads first). One entry per indexed key, about 180 bytes (the bench's state stage: +190 MiB of
 * heap for 1.1 million held ledgers): bounded by the store it derives from.
 */
public final class MemoryTimeIndex implements TimeIndex {

    /**
     * Ordered by time, then by the key's hash, then by the key: a total order that does not depend on insertion (a
     * restore rebuilds the same one), and that settles most ties without reading the key. Ties are the rule: the
     * ledgers' expiries are bucketed by the hour, and comparing the keys' characters was most of the index's cost
     * (String.compareTo was the top frame under a stream thread's 13% in it).
     */
    private record Slot(long atMs, int keyHash, String key) implements Comparable<Slot> {

        Slot(long atMs, String key) {
            this(atMs, key.hashCode(), key);
        }

        @Override
        public int compareTo(Slot other) {
            if (atMs != other.atMs) {
                return Long.compare(atMs, other.atMs);
            }
            if (keyHash != other.keyHash) {
                return Integer.compare(keyHash, other.keyHash);
            }
            return key.compareTo(other.key);
        }
    }

    private final Consumer<MemoryTimeIndex> loader;
    private final NavigableSet<Slot> slots = new TreeSet<>();
    private boolean loaded;

    /** {@code loader} adds what the store it derives from holds, as committed, before this task wrote over it. */
    public MemoryTimeIndex(Consumer<MemoryTimeIndex> loader) {
        this.loader = loader;
    }

    @Override
    public void add(Instant at, String key) {
        load();
        slots.add(new Slot(at.toEpochMilli(), key));
    }

    @Override
    public void remove(Instant at, String key) {
        load();
        slots.remove(new Slot(at.toEpochMilli(), key));
    }

    /** Up to {@code limit} entries dated before {@code cutoff}, earliest first; they stay indexed until removed. */
    public List<TimeOrderedIndex.Entry> due(Instant cutoff, int limit) {
        load();
        List<TimeOrderedIndex.Entry> due = new ArrayList<>(Math.min(limit, 1024));
        long cutoffMs = cutoff.toEpochMilli();
        for (Iterator<Slot> it = slots.iterator(); it.hasNext() && due.size() < limit; ) {
            Slot slot = it.next();
            if (slot.atMs() >= cutoffMs) {
                break;
            }
            due.add(new TimeOrderedIndex.Entry(Instant.ofEpochMilli(slot.atMs()), slot.key()));
        }
        return due;
    }

    public int size() {
        load();
        return slots.size();
    }

    private void load() {
        if (!loaded) {
            loaded = true; // before the loader runs: it adds through this index
            loader.accept(this);
        }
    }
}
