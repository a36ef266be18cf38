package dev.syncledger.processor.retention;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * A store of (time, row key) pairs ordered by time, so that finding the rows dated before a cutoff is
 * a range scan over exactly those rows instead of a scan over every row kept. The store key is the
 * time in epoch milliseconds as 8 big-endian bytes followed by the row key's UTF-8 bytes: byte order
 * is time order because every time is at or after 1970 (FieldChecks rejects earlier ones), so the
 * sign bit is never set. Removal writes a null instead of calling delete(), which would first read
 * the value back: a random read per removed row, dearer the larger the store.
 */
public final class TimeOrderedIndex implements TimeIndex {

    private static final byte[] PRESENT = new byte[0];

    private final KeyValueStore<Bytes, byte[]> store;
    /**
     * No entry is dated before this, as far as this instance knows (null: unknown, scan from the start).
     * Starting each scan here skips the deletion markers that earlier prunes left at the front of
     * RocksDB until compaction removes them.
     */
    private Instant lowerBound;

    public TimeOrderedIndex(KeyValueStore<Bytes, byte[]> store) {
        this.store = store;
    }

    /** An indexed key, dated, with what its owner stored beside it (empty when nothing). */
    public record Entry(Instant at, String key, byte[] value) {

        public Entry(Instant at, String key) {
            this(at, key, PRESENT);
        }
    }

    @Override
    public void add(Instant at, String key) {
        add(at, key, PRESENT);
    }

    /** Indexes the key at a time, with a small value the one who prunes it will need (so it need not read the row). */
    public void add(Instant at, String key, byte[] value) {
        store.put(storeKey(at, key), value);
        if (lowerBound != null && at.isBefore(lowerBound)) {
            lowerBound = at;
        }
    }

    @Override
    public void remove(Instant at, String key) {
        store.put(storeKey(at, key), null);
    }

    /** Moves a row from one time to another, with its value; a no-op when neither changed. */
    public void move(String key, Instant from, Instant to, byte[] value) {
        if (!from.equals(to)) {
            remove(from, key);
        }
        add(to, key, value);
    }

    /**
     * Up to {@code limit} entries due at {@code cutoff} (dated before it), earliest first; when fewer came, the index
     * remembers that nothing before the cutoff is left, so the caller must re-add what is still due at the cutoff or
     * later, never before it.
     */
    public List<Entry> due(Instant cutoff, int limit) {
        List<Entry> due = before(cutoff, limit);
        if (due.size() < limit) {
            prunedBefore(cutoff);
        }
        return due;
    }

    /**
     * Up to {@code limit} entries dated before {@code cutoff}, earliest first. The iterator is closed
     * before returning, so the caller may delete what it got.
     */
    public List<Entry> before(Instant cutoff, int limit) {
        List<Entry> found = new ArrayList<>(Math.min(limit, 1024));
        // Rows are dated 1970 or later, and a time before it is a negative key prefix, which sorts after
        // every row's: such a cutoff (a retention longer than the time since 1970) must expire nothing.
        if (!cutoff.isAfter(Instant.EPOCH) || lowerBound != null && !lowerBound.isBefore(cutoff)) {
            return found;
        }
        // The bare 8-byte time sorts before every full key with that time, so an inclusive upper bound of it
        // takes exactly the entries dated before the cutoff.
        Bytes from = lowerBound == null ? null : timePrefix(lowerBound);
        try (KeyValueIterator<Bytes, byte[]> range = store.range(from, timePrefix(cutoff))) {
            while (found.size() < limit && range.hasNext()) {
                KeyValue<Bytes, byte[]> next = range.next();
                found.add(entryOf(next.key, next.value));
            }
        }
        return found;
    }

    /** Called once everything dated before {@code cutoff} has been removed. */
    public void prunedBefore(Instant cutoff) {
        if (cutoff.isAfter(Instant.EPOCH) && (lowerBound == null || lowerBound.isBefore(cutoff))) {
            lowerBound = cutoff;
        }
    }

    static Bytes storeKey(Instant at, String key) {
        byte[] keyBytes = key.getBytes(StandardCharsets.UTF_8);
        return Bytes.wrap(ByteBuffer.allocate(Long.BYTES + keyBytes.length).putLong(at.toEpochMilli()).put(keyBytes).array());
    }

    private static Bytes timePrefix(Instant at) {
        return Bytes.wrap(ByteBuffer.allocate(Long.BYTES).putLong(at.toEpochMilli()).array());
    }

    static Entry entryOf(Bytes storeKey, byte[] value) {
        ByteBuffer buffer = ByteBuffer.wrap(storeKey.get());
        Instant at = Instant.ofEpochMilli(buffer.getLong());
        return new Entry(at, StandardCharsets.UTF_8.decode(buffer).toString(), value);
    }
}
