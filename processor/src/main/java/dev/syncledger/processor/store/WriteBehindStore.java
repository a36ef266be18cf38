package dev.syncledger.processor.store;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.ToIntFunction;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * A store's values held decoded in memory: the keys written since the last commit, and the most recently used
 * ones. Writes reach the store, its changelog and the listener once per key per commit, through a
 * {@link CommitHook}; reads of a recent key cost a map lookup. Both maps are bounded by count and by the values'
 * estimated size: the recent ones by evicting the least recently used, the written ones by writing them through
 * early, which emits as a commit would, only sooner.
 *
 * <p>The listener sees every value a key reached: a key deleted after a write since the last commit (a ledger
 * folded and then forgotten by the horizon before the task commits) is reported first with the value it reached,
 * then with its deletion. The store and its changelog see only the net change.
 *
 * <p>The store behind it must be built without Kafka Streams' record cache: this class is that cache.
 *
 * @param <K> the store's key
 * @param <V> the store's value, immutable
 */
public final class WriteBehindStore<K, V> {

    /** What changed in one key since the last flush; null: absent. */
    @FunctionalInterface
    public interface Listener<K, V> {
        void flushed(K key, V before, V after);
    }

    /** How many keys, and how many estimated bytes, each of the two maps holds at most. */
    public record Bounds(int entries, long bytes) {
        public static final Bounds DEFAULT = new Bounds(8_192, 16L << 20);
    }

    private final KeyValueStore<K, V> store;
    private final ToIntFunction<V> weigher;
    private final Bounds bounds;
    private final CommitHook hook;
    private final Listener<K, V> listener;
    private Map<K, Pending<V>> written = new LinkedHashMap<>();
    private long writtenBytes;
    private final Map<K, V> recent;
    private long recentBytes;

    private WriteBehindStore(KeyValueStore<K, V> store, ToIntFunction<V> weigher, Bounds bounds, CommitHook hook,
                             Listener<K, V> listener) {
        this.store = store;
        this.weigher = weigher;
        this.bounds = bounds;
        this.hook = hook;
        this.listener = listener;
        this.recent = new LinkedHashMap<>(16, 0.75f, true);
    }

    /** Holds {@code store}'s writes until {@code hook} fires, and then hands each key's change to {@code listener}. */
    public static <K, V> WriteBehindStore<K, V> over(KeyValueStore<K, V> store, ToIntFunction<V> weigher, Bounds bounds,
                                                     CommitHook hook, Listener<K, V> listener) {
        WriteBehindStore<K, V> behind = new WriteBehindStore<>(store, weigher, bounds, hook, listener);
        hook.onCommit(behind::flush);
        return behind;
    }

    public V get(K key) {
        Pending<V> pending = written.get(key);
        return pending != null ? pending.after : stored(key);
    }

    /** Writes {@code value} (null: deletes) as of the next commit. */
    public void put(K key, V value) {
        Pending<V> pending = written.get(key);
        if (pending == null) {
            written.put(key, new Pending<>(stored(key), value));
            hook.mark();
        } else {
            writtenBytes -= weight(pending.after);
            pending.after = value;
            if (value != null) {
                pending.reached = value;
            }
        }
        writtenBytes += weight(value);
        if (written.size() > bounds.entries() || writtenBytes > bounds.bytes()) {
            flush();
        }
    }

    /** The value as of the last flush. */
    private V stored(K key) {
        V value = recent.get(key);
        if (value == null) {
            value = store.get(key);
            if (value != null) {
                remember(key, value);
            }
        }
        return value;
    }

    private void flush() {
        if (written.isEmpty()) {
            return;
        }
        // A listener may write to another store, never to this one; a fresh map keeps the iteration safe regardless.
        Map<K, Pending<V>> changes = written;
        written = new LinkedHashMap<>(Math.max(16, changes.size() * 4 / 3 + 1)); // sized as the last commit's: no rehashing
        writtenBytes = 0;
        for (Map.Entry<K, Pending<V>> change : changes.entrySet()) {
            K key = change.getKey();
            V before = change.getValue().before;
            V after = change.getValue().after;
            V reached = change.getValue().reached;
            if (after == null && reached != null) {
                // Written, then deleted, since the last commit: what it reached must still be seen.
                listener.flushed(key, before, reached);
                if (before == null) {
                    listener.flushed(key, reached, null); // the store never had it
                    continue;
                }
                before = reached;
            }
            if (before == null && after == null) {
                continue;
            }
            if (after == null) {
                store.delete(key);
                forget(key);
            } else {
                store.put(key, after);
                remember(key, after);
            }
            listener.flushed(key, before, after);
        }
    }

    private void remember(K key, V value) {
        V previous = recent.put(key, value);
        recentBytes += weight(value) - weight(previous);
        var eldest = recent.entrySet().iterator();
        while ((recent.size() > bounds.entries() || recentBytes > bounds.bytes()) && eldest.hasNext()) {
            recentBytes -= weight(eldest.next().getValue());
            eldest.remove();
        }
    }

    private void forget(K key) {
        recentBytes -= weight(recent.remove(key));
    }

    private int weight(V value) {
        return value == null ? 0 : weigher.applyAsInt(value);
    }

    private static final class Pending<V> {
        final V before;
        V after;
        /** The last value written since the last commit that was not a deletion; null if none. */
        V reached;

        Pending(V before, V after) {
            this.before = before;
            this.after = after;
            this.reached = after;
        }
    }
}
