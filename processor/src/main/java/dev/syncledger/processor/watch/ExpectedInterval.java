package dev.syncledger.processor.watch;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Iterator;

/**
 * How often a connector runs, learned from its own history: the median gap between the created_at of its
 * newest {@value #RUNS} runs. Fewer than {@value #MIN_RUNS} runs, or a median under a second (runs created
 * together), teach nothing: the connector is then expected at the configured default.
 */
public final class ExpectedInterval {

    public static final int RUNS = 20;
    public static final int MIN_RUNS = 3;

    private ExpectedInterval() {}

    /** The learned interval from created_at times newest first (at most {@value #RUNS} are read), or null. */
    public static Duration learn(Iterator<Instant> createdNewestFirst) {
        long[] times = new long[RUNS];
        int count = 0;
        while (count < RUNS && createdNewestFirst.hasNext()) {
            times[count++] = createdNewestFirst.next().toEpochMilli();
        }
        if (count < MIN_RUNS) {
            return null;
        }
        long[] gaps = new long[count - 1];
        for (int i = 1; i < count; i++) {
            gaps[i - 1] = Math.abs(times[i - 1] - times[i]);
        }
        Arrays.sort(gaps);
        int middle = gaps.length / 2;
        long median = gaps.length % 2 == 1 ? gaps[middle] : (gaps[middle - 1] + gaps[middle]) / 2;
        return median < 1_000 ? null : Duration.ofMillis(median);
    }
}
