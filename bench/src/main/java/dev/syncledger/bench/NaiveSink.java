package dev.syncledger.bench;

import dev.syncledger.schemas.serde.UndecodableRecordException;
import dev.syncledger.sink.db.ParentDao;
import dev.syncledger.sink.table.ParentCache;
import dev.syncledger.sink.table.ParentKeys;
import dev.syncledger.sink.table.ParentRequest;
import dev.syncledger.sink.table.StateTable;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
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

    /**
     * Timed slices at least, before the precision is judged: with fewer, the sample's own spread says little about the
     * rate's. Then one more slice at a time until {@link #TARGET_PRECISION} is reached or {@link #MAX_SLICES} run.
     */
    static final int MIN_SLICES = 5;
    /**
     * Timed slices at most: the sample holds this many (and the warm-up's), about 11 s each on a quiet machine, so a
     * noisy machine's sink stage takes up to about five minutes more rather than reporting a reference it cannot trust.
     */
    static final int MAX_SLICES = 28;
    /**
     * The half-width of the 95% confidence interval of the mean slice rate, relative to that mean, that ends the
     * sampling: the reference is known to ±5%. Its rate is mostly the disk's flush latency (a commit per row), which on
     * this machine wanders by ±4% between slices in a quiet hour and ±15% in a busy one; a longer sample narrows what we
     * know of the mean, never the slices' own range.
     */
    static final double TARGET_PRECISION = 0.05;
    /**
     * Untimed slices first. With one, the first timed slice was still the slowest of five in two runs of three (by 5-9%)
     * after the sink stage's own writes; with two the JIT and the disk have settled.
     */
    static final int WARM_UP_SLICES = 2;

    /** Student's t at 97.5% for 1 to {@value #MAX_SLICES} - 1 degrees of freedom: two-sided 95% intervals. */
    private static final double[] T_975 = {12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228, 2.201, 2.179,
            2.160, 2.145, 2.131, 2.120, 2.110, 2.101, 2.093, 2.086, 2.080, 2.074, 2.069, 2.064, 2.060, 2.056, 2.052};

    /**
     * @param sliceRates rows per second of each timed slice
     */
    record Result(long rows, long nanos, List<Double> sliceRates) {
        double rowsPerSecond() {
            return Numbers.perSecond(rows, nanos);
        }

        /** How well the sample knows the rate: the 95% confidence half-width of the mean slice rate, relative to it (0.05 is ±5%). */
        double precision() {
            return NaiveSink.precision(sliceRates);
        }

        /** Half the range of the slices' rates, relative to their mean: how much the rate wandered while sampled. */
        double range() {
            double mean = mean(sliceRates);
            double max = sliceRates.stream().mapToDouble(Double::doubleValue).max().orElse(0);
            double min = sliceRates.stream().mapToDouble(Double::doubleValue).min().orElse(0);
            return mean == 0 ? 0 : (max - min) / 2 / mean;
        }
    }

    static double precision(List<Double> rates) {
        int n = rates.size();
        double mean = mean(rates);
        if (n < 2 || mean == 0) {
            return Double.POSITIVE_INFINITY;
        }
        double squares = rates.stream().mapToDouble(rate -> (rate - mean) * (rate - mean)).sum();
        double standardError = Math.sqrt(squares / (n - 1) / n);
        return T_975[Math.min(n - 1, T_975.length) - 1] * standardError / mean;
    }

    private static double mean(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).average().orElse(0);
    }

    /** Slices the sample is dealt into: the warm-up's and as many timed ones as the sampling may need. */
    static int sampleSlices() {
        return WARM_UP_SLICES + MAX_SLICES;
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
        for (int slice = 0; slice < sampleSlices() && !preciseEnough(sliceRates); slice++) {
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

    private static boolean preciseEnough(List<Double> sliceRates) {
        return sliceRates.size() >= MIN_SLICES && precision(sliceRates) <= TARGET_PRECISION;
    }

    /**
     * The rows whose keys were dealt to {@code slice}: every version of a key in one slice, in topic order, so each slice
     * inserts, updates and meets the version guard in the same proportions (a shuffle of all rows had later slices
     * meet more of their keys already written, and ran faster). The tables are interleaved by a fixed shuffle.
     */
    private static List<Consumer<Handle>> slice(List<Prepared<?>> prepared, ParentKeys parents, int slice) {
        List<Iterator<Consumer<Handle>>> tables = new ArrayList<>();
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

    /** One table's sample, decoded, its rows already dealt to the slices. */
    private record Prepared<R>(StateTable<?, R> table, List<List<R>> slices) {

        static <R> Prepared<R> of(StateTable<?, R> table, List<byte[]> values, ParentRequest parents) {
            List<List<R>> slices = new ArrayList<>();
            for (int slice = 0; slice < sampleSlices(); slice++) {
                slices.add(new ArrayList<>());
            }
            // Keys are dealt to the slices in the order they first appear, so every slice has as many of this table's keys.
            Map<Object, Integer> dealt = new HashMap<>();
            for (byte[] value : values) {
                try {
                    R row = table.decode(value);
                    table.requireParents(row, parents);
                    slices.get(dealt.computeIfAbsent(table.keyOf(row), key -> dealt.size() % sampleSlices())).add(row);
                } catch (UndecodableRecordException e) {
                    throw new IllegalStateException("the processor wrote a state record the sink cannot read: " + e.getMessage(), e);
                }
            }
            return new Prepared<>(table, slices);
        }

        List<Consumer<Handle>> writes(ParentKeys parents, int slice) {
            List<Consumer<Handle>> writes = new ArrayList<>();
            for (R row : slices.get(slice)) {
                writes.add(handle -> table.write(handle, List.of(row), parents));
            }
            return writes;
        }
    }
}
