package dev.syncledger.processor.status;

import dev.syncledger.schemas.ConnectorSyncStatus;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * The run index over two stores whose keys carry the connector, the order and the sync_log_id
 * ({@link RunIndexKeys}); a created run's value is its status, a finished run's its error text (empty for a
 * success). Every read is a range over one connector's prefix.
 *
 * <p>Reads newest first are reverse ranges, and over a cached store (Kafka Streams 4.3) a reverse range can
 * hand back a key deleted in the cache, with a null value: {@link #live} skips those.
 */
public final class StoreRunIndex implements RunIndex {

    private static final byte[] NO_ERROR = new byte[0];

    private final KeyValueStore<Bytes, byte[]> byCreated;
    private final KeyValueStore<Bytes, byte[]> finished;

    public StoreRunIndex(KeyValueStore<Bytes, byte[]> byCreated, KeyValueStore<Bytes, byte[]> finished) {
        this.byCreated = byCreated;
        this.finished = finished;
    }

    @Override
    public void put(UUID connector, CreatedRun run) {
        byCreated.put(RunIndexKeys.created(connector, run), new byte[] {(byte) run.status().ordinal()});
    }

    @Override
    public void remove(UUID connector, CreatedRun run) {
        byCreated.put(RunIndexKeys.created(connector, run), null);
    }

    @Override
    public void put(UUID connector, RunOutcome outcome, FinishedRun run) {
        finished.put(RunIndexKeys.finished(connector, outcome, run),
                run.error() == null ? NO_ERROR : run.error().getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public void remove(UUID connector, RunOutcome outcome, FinishedRun run) {
        finished.put(RunIndexKeys.finished(connector, outcome, run), null);
    }

    @Override
    public Optional<CreatedRun> newest(UUID connector) {
        byte[] prefix = RunIndexKeys.prefix(connector);
        try (KeyValueIterator<Bytes, byte[]> all = byCreated.reverseRange(RunIndexKeys.lowest(prefix), RunIndexKeys.highest(prefix))) {
            Iterator<KeyValue<Bytes, byte[]>> runs = live(all);
            if (!runs.hasNext()) {
                return Optional.empty();
            }
            return Optional.of(createdRun(runs.next()));
        }
    }

    @Override
    public <R> R newestCreatedFirst(UUID connector, Function<Iterator<CreatedRun>, R> reader) {
        byte[] prefix = RunIndexKeys.prefix(connector);
        try (KeyValueIterator<Bytes, byte[]> all = byCreated.reverseRange(RunIndexKeys.lowest(prefix), RunIndexKeys.highest(prefix))) {
            return reader.apply(mapped(live(all), StoreRunIndex::createdRun));
        }
    }

    @Override
    public <R> R newestFirst(UUID connector, RunOutcome outcome, Function<Iterator<FinishedRun>, R> reader) {
        byte[] prefix = RunIndexKeys.prefix(connector, outcome);
        try (KeyValueIterator<Bytes, byte[]> all = finished.reverseRange(RunIndexKeys.lowest(prefix), RunIndexKeys.highest(prefix))) {
            return reader.apply(mapped(live(all), entry -> finishedRun(outcome, entry)));
        }
    }

    @Override
    public int trimCreated(UUID connector, int count, int keep, Instant cutoff) {
        return trim(byCreated, RunIndexKeys.prefix(connector), count, keep, cutoff);
    }

    @Override
    public int trimFinished(UUID connector, RunOutcome outcome, int count, int keep, Instant cutoff) {
        return trim(finished, RunIndexKeys.prefix(connector, outcome), count, keep, cutoff);
    }

    private static int trim(KeyValueStore<Bytes, byte[]> store, byte[] prefix, int count, int keep, Instant cutoff) {
        List<Bytes> oldest = new ArrayList<>();
        try (KeyValueIterator<Bytes, byte[]> all = store.range(RunIndexKeys.lowest(prefix), RunIndexKeys.highest(prefix))) {
            Iterator<KeyValue<Bytes, byte[]>> runs = live(all);
            while (runs.hasNext() && count - oldest.size() > keep) {
                Bytes key = runs.next().key;
                if (!RunIndexKeys.timeOf(key).isBefore(cutoff)) {
                    break;
                }
                oldest.add(key);
            }
        }
        oldest.forEach(key -> store.put(key, null));
        return oldest.size();
    }

    private static <T> Iterator<T> mapped(Iterator<KeyValue<Bytes, byte[]>> entries, Function<KeyValue<Bytes, byte[]>, T> run) {
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                return entries.hasNext();
            }

            @Override
            public T next() {
                return run.apply(entries.next());
            }
        };
    }

    /** The entries that hold a value: a key deleted in the cache is no run. */
    private static Iterator<KeyValue<Bytes, byte[]>> live(KeyValueIterator<Bytes, byte[]> entries) {
        return new Iterator<>() {
            private KeyValue<Bytes, byte[]> next = advance();

            private KeyValue<Bytes, byte[]> advance() {
                while (entries.hasNext()) {
                    KeyValue<Bytes, byte[]> entry = entries.next();
                    if (entry.value != null) {
                        return entry;
                    }
                }
                return null;
            }

            @Override
            public boolean hasNext() {
                return next != null;
            }

            @Override
            public KeyValue<Bytes, byte[]> next() {
                if (next == null) {
                    throw new java.util.NoSuchElementException();
                }
                KeyValue<Bytes, byte[]> current = next;
                next = advance();
                return current;
            }
        };
    }

    private static CreatedRun createdRun(KeyValue<Bytes, byte[]> entry) {
        return new CreatedRun(RunIndexKeys.syncLogIdOf(entry.key), RunIndexKeys.timeOf(entry.key), ConnectorSyncStatus.values()[entry.value[0]]);
    }

    private static FinishedRun finishedRun(RunOutcome outcome, KeyValue<Bytes, byte[]> entry) {
        String error = outcome == RunOutcome.ERROR && entry.value.length > 0 ? new String(entry.value, StandardCharsets.UTF_8) : null;
        return new FinishedRun(RunIndexKeys.syncLogIdOf(entry.key), RunIndexKeys.timeOf(entry.key), error);
    }
}
