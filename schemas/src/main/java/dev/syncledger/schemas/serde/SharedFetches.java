package dev.syncledger.schemas.serde;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Threads that need the same key at once share one fetch; threads that need different keys never wait for each
 * other. The fetch runs on the thread that asked first, so no pool is needed and at most one fetch per asking
 * thread is in flight.
 */
final class SharedFetches<K, V> {

    @FunctionalInterface
    interface Fetch<V> {
        V fetch() throws UnresolvableSchemaIdException;
    }

    private final ConcurrentHashMap<K, CompletableFuture<V>> inFlight = new ConcurrentHashMap<>();

    V fetch(K key, Fetch<V> fetch) throws UnresolvableSchemaIdException {
        CompletableFuture<V> mine = new CompletableFuture<>();
        CompletableFuture<V> running = inFlight.putIfAbsent(key, mine);
        if (running != null) {
            return awaitOther(running);
        }
        try {
            V value = fetch.fetch();
            mine.complete(value);
            return value;
        } catch (UnresolvableSchemaIdException | RuntimeException | Error e) {
            mine.completeExceptionally(e);
            throw e;
        } finally {
            inFlight.remove(key, mine);
        }
    }

    int inFlight() {
        return inFlight.size();
    }

    // The fetch is bounded by the client's request timeout, and always completes the future: joining cannot hang.
    private static <V> V awaitOther(CompletableFuture<V> running) throws UnresolvableSchemaIdException {
        try {
            return running.join();
        } catch (CompletionException e) {
            Throwable cause = e.getCause();
            // New exceptions so that each waiting thread's stack shows where it waited.
            if (cause instanceof UnresolvableSchemaIdException unresolvable) {
                throw new UnresolvableSchemaIdException(unresolvable.schemaId(), unresolvable.getMessage(), unresolvable);
            }
            if (cause instanceof SchemaRegistryException registry) {
                throw new SchemaRegistryException(registry.getMessage(), registry);
            }
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (cause instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException("a shared registry fetch failed", cause);
        }
    }
}
