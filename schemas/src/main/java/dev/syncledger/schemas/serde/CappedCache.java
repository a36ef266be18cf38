package dev.syncledger.schemas.serde;

import java.util.Iterator;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A map that holds at most about {@code capacity} entries (a few more while threads insert at once). Reads take no
 * lock, as they sit on the path of every record. When full, an arbitrary entry makes room: a process uses a handful
 * of schemas, so the cap only matters under a flood of ids, where any victim is as good as another.
 */
final class CappedCache<K, V> {

    private final ConcurrentHashMap<K, V> entries = new ConcurrentHashMap<>();
    private final int capacity;

    CappedCache(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1, was " + capacity);
        }
        this.capacity = capacity;
    }

    V get(K key) {
        return entries.get(key);
    }

    /** The value now held for the key: the one already there, or this one. */
    V putIfAbsent(K key, V value) {
        if (entries.size() >= capacity && !entries.containsKey(key)) {
            Iterator<K> keys = entries.keySet().iterator();
            if (keys.hasNext()) {
                entries.remove(keys.next());
            }
        }
        V raced = entries.putIfAbsent(key, value);
        return raced != null ? raced : value;
    }

    int size() {
        return entries.size();
    }
}
