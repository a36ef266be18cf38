package dev.syncledger.sink.table;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * The pks of parent rows this sink has seen committed. A parent's pk never changes once created, so a batch asks
 * the database only for the ids it has not seen. Bounded: each kind keeps its most recently used entries, a few
 * megabytes at the default capacity. Only what a committed transaction resolved goes in ({@link #remember}), so a
 * rolled-back insert never leaves a pk behind; a refusal that might come from a parent deleted by hand empties it
 * ({@link #forgetAll}).
 */
public final class ParentCache {

    /** Per kind of parent: about 100 bytes each, so 10 MB per kind when full. */
    public static final int DEFAULT_CAPACITY = 100_000;

    enum Kind { WORKSPACE, CONNECTOR, DOCUMENT, PEOPLE, TASK }

    private final Map<Kind, Map<UUID, Long>> pks = new EnumMap<>(Kind.class);

    public ParentCache(int capacityPerKind) {
        if (capacityPerKind < 0) {
            throw new IllegalArgumentException("a cache capacity cannot be negative: " + capacityPerKind);
        }
        for (Kind kind : Kind.values()) {
            pks.put(kind, new LinkedHashMap<>(16, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<UUID, Long> eldest) {
                    return size() > capacityPerKind;
                }
            });
        }
    }

    public static ParentCache withDefaultCapacity() {
        return new ParentCache(DEFAULT_CAPACITY);
    }

    /** Null when this sink has not seen the parent committed. */
    synchronized Long pk(Kind kind, UUID id) {
        return pks.get(kind).get(id);
    }

    /** Takes in the pks a batch resolved; call only once its transaction committed. */
    public synchronized void remember(ParentKeys keys) {
        keys.forEach((kind, resolved) -> pks.get(kind).putAll(resolved));
    }

    public synchronized void forgetAll() {
        pks.values().forEach(Map::clear);
    }

    synchronized int size(Kind kind) {
        return pks.get(kind).size();
    }
}
