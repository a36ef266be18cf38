package dev.syncledger.app.generate;

import java.time.Instant;
import picocli.CommandLine.Option;

/** The shape of a generated workload, shared by every command that generates one (generate, demo). */
public final class WorkloadOptions {

    @Option(names = "--seed", paramLabel = "N", defaultValue = "1", description = "Seeds every random choice (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--workspaces", paramLabel = "N", defaultValue = "10", description = "Workspaces (default: ${DEFAULT-VALUE}).")
    int workspaces;

    @Option(names = "--connectors", paramLabel = "M", defaultValue = "4", description = "Connectors per workspace (default: ${DEFAULT-VALUE}).")
    int connectors;

    @Option(names = "--runs", paramLabel = "R", defaultValue = "24",
            description = "Sync runs per connector, one per hour (default: ${DEFAULT-VALUE}).")
    int runs;

    @Option(names = "--duplicates", paramLabel = "RATE", defaultValue = "0.05",
            description = "Share of lines delivered twice, the copy seconds to minutes later, 0 to 1 (default: ${DEFAULT-VALUE}).")
    double duplicates;

    @Option(names = "--out-of-order", paramLabel = "RATE", defaultValue = "0.05",
            description = "Share of runs and collects whose events are delivered out of order, 0 to 1 (default: ${DEFAULT-VALUE}).")
    double outOfOrder;

    @Option(names = "--silent-connectors", paramLabel = "RATE",
            description = "Share of connectors whose scheduler dies in the second half: they go delayed, then overdue, 0 to 1"
                    + " (default: 0; demo: 0.05).")
    Double silentConnectors;

    @Option(names = "--failure-streaks", paramLabel = "RATE",
            description = "Share of connectors that fail in streaks of 3 to 6 runs, 0 to 1 (default: 0; demo: 0.1).")
    Double failureStreaks;

    public WorkloadSpec spec(Instant start, Instant now) {
        return spec(start, now, 0, 0);
    }

    /**
     * The workload these options describe, its first hour at {@code start}, or ending at {@code now} when
     * {@code start} is null; the silent and streaky shares the command defaults to unless given.
     *
     * @throws IllegalArgumentException naming the option that is out of range
     */
    public WorkloadSpec spec(Instant start, Instant now, double defaultSilentConnectors, double defaultFailureStreaks) {
        double silent = silentConnectors != null ? silentConnectors : defaultSilentConnectors;
        double streaks = failureStreaks != null ? failureStreaks : defaultFailureStreaks;
        requireRate("--silent-connectors", silent);
        requireRate("--failure-streaks", streaks);
        requireAtLeastOne("--workspaces", workspaces);
        requireAtLeastOne("--connectors", connectors);
        requireAtLeastOne("--runs", runs);
        requireRate("--duplicates", duplicates);
        requireRate("--out-of-order", outOfOrder);
        if ((long) workspaces * connectors > WorkloadSpec.MAX_CONNECTORS) {
            throw new IllegalArgumentException("--workspaces x --connectors must be at most " + WorkloadSpec.MAX_CONNECTORS + ", not "
                    + ((long) workspaces * connectors) + "; raise --runs instead for a longer workload");
        }
        Instant first = start != null ? start : now.minus(WorkloadSpec.span(runs)).truncatedTo(java.time.temporal.ChronoUnit.MINUTES);
        return new WorkloadSpec(seed, workspaces, connectors, runs, first, duplicates, outOfOrder,
                WorkloadRates.realistic().withSilentConnectors(silent).withFailureStreaks(streaks));
    }

    private static void requireAtLeastOne(String option, int value) {
        if (value < 1) {
            throw new IllegalArgumentException(option + " must be at least 1, not " + value);
        }
    }

    private static void requireRate(String option, double value) {
        if (!(value >= 0 && value <= 1)) {
            throw new IllegalArgumentException(option + " must be a rate between 0 and 1, not " + value);
        }
    }
}
