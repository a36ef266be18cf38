package dev.syncledger.bench;

import java.time.Duration;
import java.util.Locale;

/**
 * How big each benchmark is. {@code full} is the size the issue names and is run by hand; {@code quick}
 * runs the same code at a size a test can afford, so that the harness cannot rot unnoticed.
 *
 * @param processorEvents events in the processor and sink workloads
 * @param offeredRate events per second offered in the end-to-end run
 * @param offeredFor how long the end-to-end run offers them
 * @param retentionLive live diagnostics in the first prune run, 1% of them expiring
 * @param retentionLiveLarge live diagnostics in the second prune run, with as many expiring as in the first
 * @param memoryRuns live runs the processor holds when its memory is read
 * @param naiveSliceRows rows in each slice of the naive sink's sample: it is slow enough that a sample gives its rate
 * @param stateEvents events the state run spreads over its days, at least (whole connectors' days)
 * @param stateDays days of event time the state run covers
 * @param peerKeys run keys of the peer workload, each updated four times
 */
record BenchSize(String name, int processorEvents, int offeredRate, Duration offeredFor, int retentionLive,
                 int retentionLiveLarge, int memoryRuns, int naiveSliceRows, long stateEvents, int stateDays, int peerKeys) {

    static final BenchSize QUICK = new BenchSize("quick", 2_000, 200, Duration.ofSeconds(3), 2_000, 20_000, 1_000, 10, 4_000, 9, 500);
    static final BenchSize FULL = new BenchSize("full", 1_000_000, 5_000, Duration.ofSeconds(60), 1_000_000, 10_000_000,
            1_000_000, 25_700, 10_000_000, 30, 50_000);

    /** The same size, offering the end-to-end run another rate: to find the latency at a rate the pipeline sustains. */
    BenchSize withOfferedRate(int rate) {
        if (rate < 1) {
            throw new IllegalArgumentException("--rate must be at least 1 event per second, not " + rate);
        }
        return new BenchSize(name, processorEvents, rate, offeredFor, retentionLive, retentionLiveLarge, memoryRuns, naiveSliceRows,
                stateEvents, stateDays, peerKeys);
    }

    /** The same size with another event count in the processor and sink workloads: a shorter loop while profiling. */
    BenchSize withProcessorEvents(int events) {
        if (events < 1) {
            throw new IllegalArgumentException("--events must be at least 1, not " + events);
        }
        return new BenchSize(name, events, offeredRate, offeredFor, retentionLive, retentionLiveLarge, memoryRuns, naiveSliceRows,
                stateEvents, stateDays, peerKeys);
    }

    static BenchSize named(String name) {
        return switch (name.toLowerCase(Locale.ROOT)) {
            case "quick" -> QUICK;
            case "full" -> FULL;
            default -> throw new IllegalArgumentException("--size must be quick or full, not " + name);
        };
    }
}
