package dev.syncledger.bench;

import java.util.Arrays;

/** Percentiles of a set of latencies, nearest rank. */
record Latencies(long count, double p50Ms, double p95Ms, double p99Ms, double maxMs) {

    static Latencies of(long[] nanos) {
        if (nanos.length == 0) {
            return new Latencies(0, 0, 0, 0, 0);
        }
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        return new Latencies(sorted.length, rankMs(sorted, 0.50), rankMs(sorted, 0.95), rankMs(sorted, 0.99),
                sorted[sorted.length - 1] / 1e6);
    }

    private static double rankMs(long[] sorted, double quantile) {
        int rank = (int) Math.ceil(quantile * sorted.length);
        return sorted[Math.max(0, rank - 1)] / 1e6;
    }
}
