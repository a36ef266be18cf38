package dev.syncledger.processor.store;

import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;

/**
 * Runs a processor's flushers as its task commits, inside the commit's transaction. Kafka Streams has no
 * commit callback for a processor, but it flushes every cached store right before it flushes the producer and
 * commits; this hook keeps a one-entry cached store, marks it whenever a flusher has work, and runs the
 * flushers from that store's flush ({@link CommitFlush}). Whatever they write or forward is sent before the
 * input offsets are committed, so nothing is committed without what it produced.
 *
 * <p>Write-behind stores ({@link WriteBehindStore}) use it instead of Kafka Streams' record cache: the cache keeps
 * serialized values in one sorted map per store, and its lookups, copies and evictions were a quarter of the
 * processor's thread in profiles.
 */
public final class CommitHook {

    private static final Integer MARK = 0;

    private final KeyValueStore<Integer, Integer> marks;
    private final List<Runnable> flushers = new ArrayList<>();
    private boolean marked;

    private CommitHook(KeyValueStore<Integer, Integer> marks) {
        this.marks = marks;
    }

    /** The hook's store: in memory, not logged, cached so that it flushes as the task commits. */
    public static StoreBuilder<KeyValueStore<Integer, Integer>> store(String name) {
        return Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore(name), Serdes.Integer(), Serdes.Integer())
                .withCachingEnabled()
                .withLoggingDisabled();
    }

    /** Called from the processor's {@code init}, so that the flushers forward as that processor. */
    public static CommitHook register(ProcessorContext<?, ?> context, String storeName) {
        CommitHook hook = new CommitHook(context.getStateStore(storeName));
        CommitFlush.register(context, hook.marks, (key, before, after) -> hook.flush());
        return hook;
    }

    /** Adds a flusher; they run in the order they were added. */
    public void onCommit(Runnable flusher) {
        flushers.add(flusher);
    }

    /** Asks for the flushers to run at the next commit. */
    public void mark() {
        if (!marked) {
            marked = true;
            marks.put(MARK, MARK);
        }
    }

    private void flush() {
        marked = false;
        flushers.forEach(Runnable::run);
    }
}
