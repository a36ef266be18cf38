package dev.syncledger.bench;

import dev.syncledger.schemas.serde.UndecodableRecordException;
import dev.syncledger.sink.db.ParentDao;
import dev.syncledger.sink.table.ParentCache;
import dev.syncledger.sink.table.ParentKeys;
import dev.syncledger.sink.table.ParentRequest;
import dev.syncledger.sink.table.StateTable;
import java.util.ArrayList;
import java.util.List;
import org.jdbi.v3.core.Jdbi;

/**
 * The sink as one would first write it: one upsert statement per row, each committed on its own
 * (auto-commit). It uses the sink's own upserts, version guard included, so only the batching differs.
 * Parents are created beforehand and untimed: the comparison is about the state rows.
 */
final class NaiveSink {

    record Result(long rows, long nanos) {
        double rowsPerSecond() {
            return Numbers.perSecond(rows, nanos);
        }
    }

    private NaiveSink() {}

    /** Values of one state topic, tombstones left out: the naive sink only upserts. */
    record TopicValues(StateTable<?, ?> table, List<byte[]> values) {}

    static Result write(Jdbi jdbi, List<TopicValues> input) {
        List<Prepared<?>> prepared = new ArrayList<>();
        ParentRequest request = new ParentRequest();
        for (TopicValues topic : input) {
            prepared.add(Prepared.of(topic.table(), topic.values(), request));
        }
        ParentKeys parents = jdbi.inTransaction(handle -> request.createMissing(handle.attach(ParentDao.class), new ParentCache(0)));
        long rows = 0;
        long started = System.nanoTime();
        for (Prepared<?> table : prepared) {
            rows += table.writeEach(jdbi, parents);
        }
        return new Result(rows, System.nanoTime() - started);
    }

    private record Prepared<R>(StateTable<?, R> table, List<R> rows) {

        static <R> Prepared<R> of(StateTable<?, R> table, List<byte[]> values, ParentRequest parents) {
            List<R> rows = new ArrayList<>();
            for (byte[] value : values) {
                try {
                    R row = table.decode(value);
                    table.requireParents(row, parents);
                    rows.add(row);
                } catch (UndecodableRecordException e) {
                    throw new IllegalStateException("the processor wrote a state record the sink cannot read: " + e.getMessage(), e);
                }
            }
            return new Prepared<>(table, rows);
        }

        long writeEach(Jdbi jdbi, ParentKeys parents) {
            // One handle in auto-commit mode: every statement is its own transaction, as in a naive sink.
            return jdbi.withHandle(handle -> {
                for (R row : rows) {
                    table.write(handle, List.of(row), parents);
                }
                return (long) rows.size();
            });
        }
    }
}
