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

    /** Timed slices of the sample (after the untimed ones), each timed on its own, so that the report can say how steady the rate was. */
    static final int SLICES = 5;
    /**
     * Untimed slices first. With one, the first timed slice was still the slowest of five in two runs of three (by 5-9%)
     * after the sink stage's own writes; with two the JIT and the disk have settled.
     */
    static final int WARM_UP_SLICES = 2;

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
        BenchDatabase.checkpoint(jdbi);
        List<Double> sliceRates = new ArrayList<>();
        long rows = 0;
        long nanos = 0;
        // The first slices are untimed: they warm the JIT and PostgreSQL's caches (the first rows after the parents were
        // created ran a fifth slower than the rest), as the sink's own run is warmed by its first batches.
        for (int slice = 0; slice < WARM_UP_SLICES + SLICES; slice++) {
            List<Consumer<Handle>> writes = slice(prepared, parents, slice);
            long started = System.nanoTime();
            // One handle in auto-commit mode: every statement is its own transaction, as in a naive sink.
            jdbi.useHandle(handle -> writes.forEach(write -> write.accept(handle)));
            long took = System.nanoTime() - started;
            if (slice >= WARM_UP_SLICES) {
                rows += writes.size();
                nanos += took;
                sliceRates.add(Numbers.perSecond(writes.size(), took));
            }
        }
        return new Result(rows, nanos, List.copyOf(sliceRates));
    }

    /**
     * The rows whose keys were dealt to {@code slice}: every version of a key in one slice, in topic order, so each slice
     * inserts, updates and meets the version guard in the same proportions (a shuffle of all rows had later slices
     * meet more of their keys already written, and ran faster). The tables are interleaved by a fixed shuffle.
     */
    private static List<Consumer<Handle>> slice(List<Prepared<?>> prepared, ParentKeys parents, int slice) {
        List<java.util.Iterator<Consumer<Handle>>> tables = new ArrayList<>();
        List<Integer> order = new ArrayList<>();
        for (Prepared<?> table : prepared) {
            List<Consumer<Handle>> writes = table.writes(parents, slice);
            tables.add(writes.iterator());
            order.addAll(Collections.nCopies(writes.size(), tables.size() - 1));
        }
        Collections.shuffle(order, new Random(42 + slice));
        List<Consumer<Handle>> interleaved = new ArrayList<>(order.size());
        for (int table : order) {
            interleaved.add(tables.get(table).next());
        }
        return interleaved;
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

        /** Keys are dealt to the slices in the order they first appear, so every slice has as many of this table's keys. */
        List<Consumer<Handle>> writes(ParentKeys parents, int slice) {
            java.util.Map<Object, Integer> dealt = new java.util.HashMap<>();
            List<Consumer<Handle>> writes = new ArrayList<>();
            for (R row : rows) {
                int to = dealt.computeIfAbsent(table.keyOf(row), key -> dealt.size() % (WARM_UP_SLICES + SLICES));
                if (to == slice) {
                    writes.add(handle -> table.write(handle, List.of(row), parents));
                }
            }
            return writes;
        }
    }
}
