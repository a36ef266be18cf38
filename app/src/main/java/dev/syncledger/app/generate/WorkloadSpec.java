package dev.syncledger.app.generate;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * What to generate: {@code workspaces × connectorsPerWorkspace} connectors, each running
 * {@code runsPerConnector} times, one run per hour from {@code start}. The same spec always gives the
 * same lines, byte for byte.
 *
 * @param seed seeds every random choice
 * @param workspaces how many workspaces
 * @param connectorsPerWorkspace how many connectors each workspace has
 * @param runsPerConnector how many sync runs each connector makes, one per {@link #RUN_INTERVAL}
 * @param start the first hour's start; kept to the millisecond, as the events carry it
 * @param duplicateRate share of lines delivered a second time, an exact copy seconds to minutes later
 * @param outOfOrderRate share of runs and collects whose events are delivered out of their natural order
 * @param rates how often failures, diagnostics, document links, collects and deletions happen
 */
public record WorkloadSpec(
        long seed,
        int workspaces,
        int connectorsPerWorkspace,
        int runsPerConnector,
        Instant start,
        double duplicateRate,
        double outOfOrderRate,
        WorkloadRates rates) {

    /** Connectors run on an hourly Cloud Tasks schedule; every event of a connector's hour falls inside that hour. */
    public static final Duration RUN_INTERVAL = Duration.ofHours(1);

    /** The generator keeps one hour of every connector's events in memory, so their number is bounded. */
    public static final int MAX_CONNECTORS = 10_000;

    public static final double DEFAULT_DUPLICATE_RATE = 0.05;
    public static final double DEFAULT_OUT_OF_ORDER_RATE = 0.05;

    private static final Instant EARLIEST = Instant.EPOCH;
    private static final Instant LATEST = Instant.parse("9999-12-31T23:59:59.999Z");

    public WorkloadSpec {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(rates, "rates");
        requireAtLeastOne("workspaces", workspaces);
        requireAtLeastOne("connectorsPerWorkspace", connectorsPerWorkspace);
        requireAtLeastOne("runsPerConnector", runsPerConnector);
        if ((long) workspaces * connectorsPerWorkspace > MAX_CONNECTORS) {
            throw new IllegalArgumentException("at most " + MAX_CONNECTORS + " connectors in all, not "
                    + workspaces + " workspaces x " + connectorsPerWorkspace + " connectors");
        }
        WorkloadRates.requireProbability("duplicateRate", duplicateRate);
        WorkloadRates.requireProbability("outOfOrderRate", outOfOrderRate);
        start = start.truncatedTo(ChronoUnit.MILLIS);
        if (start.isBefore(EARLIEST) || span(runsPerConnector).compareTo(Duration.between(start, LATEST)) > 0) {
            throw new IllegalArgumentException("the workload must lie within the years 1970 to 9999: " + runsPerConnector
                    + " hourly runs from " + start + " do not");
        }
    }

    /** A spec with the default duplicate and out-of-order rates and {@link WorkloadRates#realistic()} rates. */
    public static WorkloadSpec of(long seed, int workspaces, int connectorsPerWorkspace, int runsPerConnector, Instant start) {
        return new WorkloadSpec(seed, workspaces, connectorsPerWorkspace, runsPerConnector, start,
                DEFAULT_DUPLICATE_RATE, DEFAULT_OUT_OF_ORDER_RATE, WorkloadRates.realistic());
    }

    /** The time {@code runsPerConnector} hourly runs cover: every event lies in {@code [start, start + span)}. */
    public static Duration span(int runsPerConnector) {
        return RUN_INTERVAL.multipliedBy(runsPerConnector);
    }

    public Duration span() {
        return span(runsPerConnector);
    }

    public Instant end() {
        return start.plus(span());
    }

    public int connectors() {
        return workspaces * connectorsPerWorkspace;
    }

    public long runs() {
        return (long) connectors() * runsPerConnector;
    }

    public WorkloadSpec withSeed(long newSeed) {
        return new WorkloadSpec(newSeed, workspaces, connectorsPerWorkspace, runsPerConnector, start, duplicateRate, outOfOrderRate, rates);
    }

    public WorkloadSpec withDuplicateRate(double rate) {
        return new WorkloadSpec(seed, workspaces, connectorsPerWorkspace, runsPerConnector, start, rate, outOfOrderRate, rates);
    }

    public WorkloadSpec withOutOfOrderRate(double rate) {
        return new WorkloadSpec(seed, workspaces, connectorsPerWorkspace, runsPerConnector, start, duplicateRate, rate, rates);
    }

    public WorkloadSpec withRates(WorkloadRates newRates) {
        return new WorkloadSpec(seed, workspaces, connectorsPerWorkspace, runsPerConnector, start, duplicateRate, outOfOrderRate, newRates);
    }

    private static void requireAtLeastOne(String name, int value) {
        if (value < 1) {
            throw new IllegalArgumentException(name + " must be at least 1, not " + value);
        }
    }
}
