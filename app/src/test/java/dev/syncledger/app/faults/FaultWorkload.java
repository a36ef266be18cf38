package dev.syncledger.app.faults;

import dev.syncledger.app.events.EventLineParser;
import dev.syncledger.app.events.InvalidEventLineException;
import dev.syncledger.app.generate.WorkloadGenerator;
import dev.syncledger.app.generate.WorkloadRates;
import dev.syncledger.app.generate.WorkloadSpec;
import dev.syncledger.app.testing.PublishedRecord;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** A seeded, generated workload with duplicates and out-of-order events, as the records that go on the topics. */
final class FaultWorkload {

    static final Instant START = Instant.parse("2026-01-05T00:00:00Z");
    private static final int WORKSPACES = 20;
    private static final int CONNECTORS_PER_WORKSPACE = 10;
    /** Fewer events than that per run never happen, so this many runs always give enough lines. */
    private static final int LEAST_EVENTS_PER_RUN = 3;
    private static final double DUPLICATE_RATE = 0.10;
    private static final double OUT_OF_ORDER_RATE = 0.10;

    private FaultWorkload() {}

    static List<PublishedRecord> records(long seed, int events) {
        return records(seed, events, START);
    }

    /** The same workload, its runs starting at {@code start}. */
    static List<PublishedRecord> records(long seed, int events, Instant start) {
        int connectors = WORKSPACES * CONNECTORS_PER_WORKSPACE;
        int runs = Math.max(2, events / (connectors * LEAST_EVENTS_PER_RUN) + 1);
        WorkloadSpec spec = new WorkloadSpec(seed, WORKSPACES, CONNECTORS_PER_WORKSPACE, runs, start, DUPLICATE_RATE, OUT_OF_ORDER_RATE,
                WorkloadRates.realistic());
        EventLineParser parser = new EventLineParser();
        List<PublishedRecord> records = new ArrayList<>(events);
        for (String line : (Iterable<String>) new WorkloadGenerator(spec).lines().limit(events)::iterator) {
            try {
                records.add(PublishedRecord.of(parser.parse(line)));
            } catch (InvalidEventLineException e) {
                throw new IllegalStateException("the generator wrote a line the CLI cannot read: " + line, e);
            }
        }
        if (records.size() < events) {
            throw new IllegalStateException("the workload has " + records.size() + " events, fewer than the " + events + " asked for");
        }
        return records;
    }

    /** The records cut into {@code parts} consecutive slices, so that faults can fall between them. */
    static List<List<PublishedRecord>> slices(List<PublishedRecord> records, int parts) {
        List<List<PublishedRecord>> slices = new ArrayList<>();
        for (int i = 0; i < parts; i++) {
            slices.add(records.subList(records.size() * i / parts, records.size() * (i + 1) / parts));
        }
        return slices;
    }
}
