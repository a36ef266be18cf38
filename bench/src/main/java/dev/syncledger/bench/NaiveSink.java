package dev.syncledger.bench;

import dev.syncledger.schemas.serde.UndecodableRecordException;
import dev.syncledger.sink.db.ParentDao;
import dev.syncledger.sink.table.ParentCache;
import dev.syncledger.sink.table.ParentKeys;
import dev.syncledger.sink.table.ParentRequest;
import dev.syncledger.sink.table.StateTable;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.function.Consumer;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * The sink as one would first write it: one upsert statement per row, each committed on its own
 * (auto-commit). It uses the sink's own upserts, version guard included, so only the batching differs.
 * Parents are created beforehand and untimed: the comparison is about the state rows.
 */
final class NaiveSink {

    /** Slices of the sample, each timed on its own, so that the report can say how steady the rate was. */
    static final int SLICES = 5;

    /**
     * @param sliceRates rows per second of each slice
     */
    record Result(long rows, long nanos, List<Double> sliceRates) {
        double rowsPerSecond() {
            return Numbers.perSecond(rows, nanos);
        }

        /** Half the range of the slices' rates, relative to their mean: 0.05 is ±5%. */
        double spread() {
            double mean = sliceRates.stream().mapToDouble(Double::doubleValue).average().orElse(0);
            double max = sliceRates.stream().mapToDouble(Double::doubleValue).max().orElse(0);
            double min = sliceRates.stream().mapToDouble(Double::doubleValue).min().orElse(0);
            return mean == 0 ? 0 : (max - min) / 2 / mean;
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
        // Every slice has the same mix of tables: the rows are interleaved by a fixed shuffle.
        List<Consumer<Handle>> each = new ArrayList<>();
        for (Prepared<?> table : prepared) {
            each.addAll(table.writes(parents));
        }
        Collections.shuffle(each, new Random(42));
        List<Double> sliceRates = new ArrayList<>();
        long rows = 0;
        long nanos = 0;
        // The first slice is untimed: it warms the JIT and PostgreSQL's plan and buffer caches, as the sink's own
        // run is warmed by its first batches.
        int sliceSize = Math.max(1, (each.size() + SLICES) / (SLICES + 1));
        for (int from = 0; from < each.size(); from += sliceSize) {
            List<Consumer<Handle>> slice = each.subList(from, Math.min(each.size(), from + sliceSize));
            long started = System.nanoTime();
            // One handle in auto-commit mode: every statement is its own transaction, as in a naive sink.
            jdbi.useHandle(handle -> slice.forEach(write -> write.accept(handle)));
            long took = System.nanoTime() - started;
            if (from > 0) {
                rows += slice.size();
                nanos += took;
                sliceRates.add(Numbers.perSecond(slice.size(), took));
            }
        }
        return new Result(rows, nanos, List.copyOf(sliceRates));
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

        List<Consumer<Handle>> writes(ParentKeys parents) {
            return rows.stream().<Consumer<Handle>>map(row -> handle -> table.write(handle, List.of(row), parents)).toList();
        }
    }
}
