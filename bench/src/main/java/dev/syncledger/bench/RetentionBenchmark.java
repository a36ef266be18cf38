package dev.syncledger.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Prune time with many live diagnostics and 1% expired, then with ten times as many live and the same
 * number expired (0.1%): if pruning follows the expired rows, the two times match. Runs the real
 * topology in a TopologyTestDriver on RocksDB ({@link DiagnosticPruneBenchmark}); a warm-up run first
 * so that neither measured run pays for class loading and compilation.
 */
final class RetentionBenchmark {

    /** The larger run may take this much longer and still count as flat: timings on a shared machine vary. */
    static final double FLAT_TOLERANCE = 2.0;

    private final BenchSize size;

    RetentionBenchmark(BenchSize size) {
        this.size = size;
    }

    StageResult run() {
        Path work = workFolder();
        try {
            DiagnosticPruneBenchmark prune = new DiagnosticPruneBenchmark();
            int expiring = size.retentionLive() / 100;
            prune.run(Math.min(20_000, size.retentionLive()), Math.max(1, Math.min(20_000, size.retentionLive()) / 100),
                    work.resolve("warm-up"), 1);
            DiagnosticPruneBenchmark.Result small = prune.run(size.retentionLive(), expiring, work.resolve("small"), 2);
            WorkFolder.delete(work.resolve("small"));
            DiagnosticPruneBenchmark.Result large = prune.run(size.retentionLiveLarge(), expiring, work.resolve("large"), 3);
            double growth = (double) Math.max(1, large.pruneCpuMs()) / Math.max(1, small.pruneCpuMs());
            double wallGrowth = (double) Math.max(1, large.pruneMs()) / Math.max(1, small.pruneMs());
            List<ResultRow> rows = List.of(
                    ResultRow.plain("retention", String.format("prune CPU, %,d expired of %,d live", small.rowsPruned(), small.loaded()),
                            Numbers.millis(small.pruneCpuMs())),
                    new ResultRow("retention", String.format("prune CPU, %,d expired of %,d live", large.rowsPruned(), large.loaded()),
                            Numbers.millis(large.pruneCpuMs()), Numbers.millis(small.pruneCpuMs()), Numbers.ratio(growth),
                            "flat " + Numbers.met(growth <= FLAT_TOLERANCE)),
                    new ResultRow("retention", "prune wall clock, same two runs", Numbers.millis(large.pruneMs()),
                            Numbers.millis(small.pruneMs()), Numbers.ratio(wallGrowth), ""));
            Map<String, Object> numbers = new LinkedHashMap<>();
            numbers.put("small", json(small));
            numbers.put("large", json(large));
            numbers.put("cpu_growth", growth);
            numbers.put("wall_growth", wallGrowth);
            return new StageResult("retention", rows, numbers);
        } finally {
            WorkFolder.delete(work);
        }
    }

    private static Map<String, Object> json(DiagnosticPruneBenchmark.Result result) {
        Map<String, Object> numbers = new LinkedHashMap<>();
        numbers.put("live", result.loaded());
        numbers.put("expired", result.rowsPruned());
        numbers.put("kept", result.rowsKept());
        numbers.put("prune_ms", result.pruneMs());
        numbers.put("prune_cpu_ms", result.pruneCpuMs());
        numbers.put("load_ms", result.loadMs());
        return numbers;
    }

    private static Path workFolder() {
        try {
            return Files.createTempDirectory("sync-ledger-bench-retention-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
