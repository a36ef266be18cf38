package dev.syncledger.processor.store;

import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.internals.InternalProcessorContext;
import org.apache.kafka.streams.processor.internals.ProcessorNode;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.internals.CachedStateStore;

/**
 * Emits from a store once per key per commit. Kafka Streams keeps a cached store's writes in its record cache
 * and, right before it commits a task (or when the cache is full), flushes them to the store and its changelog;
 * a listener registered here is called at that moment with each key that changed, its value as of the last
 * flush and its value now. Whatever the listener forwards is sent before the input offsets are committed, in
 * the same transaction under exactly_once_v2, so a row is never committed after, or without, the input that
 * made it; and however often a key changed in between, it is emitted once.
 *
 * <p>This is the mechanism behind KTable's emit-on-commit. Its hooks ({@code CachedStateStore},
 * {@code InternalProcessorContext}) are internal to Kafka Streams, so this class is the only place that
 * touches them; {@code WriteBehindStoreTest}, through {@link CommitHook}, pins the behaviour on the Kafka version
 * the build uses.
 */
public final class CommitFlush {

    /** What changed in one key since the last flush; null values: absent. */
    @FunctionalInterface
    public interface Listener<K, V> {
        void flushed(K key, V before, V after);
    }

    private CommitFlush() {}

    /**
     * Calls {@code listener} for every key of {@code store} written since the last flush, as the processor
     * whose {@code init} this is called from, so that it can forward to its children.
     *
     * @throws IllegalStateException when the store was built without its record cache
     */
    @SuppressWarnings("unchecked")
    public static <K, V> void register(ProcessorContext<?, ?> context, KeyValueStore<K, V> store, Listener<K, V> listener) {
        if (!(context instanceof InternalProcessorContext<?, ?> internal) || !(store instanceof CachedStateStore<?, ?>)) {
            throw new IllegalStateException("store " + store.name() + " cannot report its flushes to this processor");
        }
        ProcessorNode<?, ?, ?, ?> node = internal.currentNode();
        boolean registered = ((CachedStateStore<K, V>) store).setFlushListener(record -> {
            ProcessorNode<?, ?, ?, ?> previous = internal.currentNode();
            internal.setCurrentNode(node);
            try {
                listener.flushed(record.key(), record.value().oldValue, record.value().newValue);
            } finally {
                internal.setCurrentNode(previous);
            }
        }, true);
        if (!registered) {
            throw new IllegalStateException("store " + store.name() + " has no record cache; build it withCachingEnabled()");
        }
    }
}
