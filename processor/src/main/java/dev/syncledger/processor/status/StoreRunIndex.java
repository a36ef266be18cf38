package dev.syncledger.processor.status;

import dev.syncledger.processor.status.store.IndexedRunState;
import dev.syncledger.schemas.ConnectorSyncStatus;
import java.util.Iterator;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/** The run index over the status stage's two stores; every read is a reverse range over one connector's prefix. */
final class StoreRunIndex implements RunIndex {

    private final KeyValueStore<Bytes, IndexedRunState> byCreated;
    private final KeyValueStore<Bytes, IndexedRunState> finished;

    StoreRunIndex(KeyValueStore<Bytes, IndexedRunState> byCreated, KeyValueStore<Bytes, IndexedRunState> finished) {
        this.byCreated = byCreated;
        this.finished = finished;
    }

    @Override
    public void put(UUID connector, CreatedRun run) {
        byCreated.put(RunIndexKeys.created(connector, run), new IndexedRunState(run.status().name(), null));
    }

    @Override
    public void remove(UUID connector, CreatedRun run) {
        byCreated.delete(RunIndexKeys.created(connector, run));
    }

    @Override
    public void put(UUID connector, RunOutcome outcome, FinishedRun run) {
        finished.put(RunIndexKeys.finished(connector, outcome, run), new IndexedRunState(outcome.name(), run.error()));
    }

    @Override
    public void remove(UUID connector, RunOutcome outcome, FinishedRun run) {
        finished.delete(RunIndexKeys.finished(connector, outcome, run));
    }

    @Override
    public Optional<CreatedRun> newest(UUID connector) {
        byte[] prefix = RunIndexKeys.prefix(connector);
        try (KeyValueIterator<Bytes, IndexedRunState> runs =
                     byCreated.reverseRange(RunIndexKeys.lowest(prefix), RunIndexKeys.highest(prefix))) {
            if (!runs.hasNext()) {
                return Optional.empty();
            }
            KeyValue<Bytes, IndexedRunState> entry = runs.next();
            return Optional.of(new CreatedRun(RunIndexKeys.syncLogIdOf(entry.key), RunIndexKeys.timeOf(entry.key),
                    ConnectorSyncStatus.valueOf(entry.value.getStatus())));
        }
    }

    @Override
    public <R> R newestFirst(UUID connector, RunOutcome outcome, Function<Iterator<FinishedRun>, R> reader) {
        byte[] prefix = RunIndexKeys.prefix(connector, outcome);
        try (KeyValueIterator<Bytes, IndexedRunState> runs =
                     finished.reverseRange(RunIndexKeys.lowest(prefix), RunIndexKeys.highest(prefix))) {
            return reader.apply(new Iterator<>() {
                @Override
                public boolean hasNext() {
                    return runs.hasNext();
                }

                @Override
                public FinishedRun next() {
                    KeyValue<Bytes, IndexedRunState> entry = runs.next();
                    return new FinishedRun(RunIndexKeys.syncLogIdOf(entry.key), RunIndexKeys.timeOf(entry.key), entry.value.getError());
                }
            });
        }
    }
}
