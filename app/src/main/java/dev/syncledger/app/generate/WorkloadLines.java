package dev.syncledger.app.generate;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.PriorityQueue;

/**
 * The lines of one workload, generated an hour at a time: every connector's events of the hour are
 * gathered, put in delivery order and handed out, and only then is the next hour generated. Memory
 * therefore holds one hour of every connector's events plus the duplicates waiting for their
 * redelivery, whatever the number of runs.
 *
 * <p>A duplicate is an exact copy of a line already handed out, delivered again one second to ten
 * minutes later, as a producer retrying after a lost acknowledgement would.
 */
public final class WorkloadLines implements Iterator<String> {

    private static final long MIN_REDELIVERY_DELAY = 1_000;
    private static final long MAX_REDELIVERY_DELAY = 10 * 60_000;
    private static final Comparator<PendingCopy> BY_DUE_TIME =
            Comparator.comparingLong(PendingCopy::dueAt).thenComparingLong(PendingCopy::sequence);

    private final WorkloadSpec spec;
    private final List<SimulatedConnector> connectors;
    private final Draw delivery;
    private final PriorityQueue<PendingCopy> copies = new PriorityQueue<>(BY_DUE_TIME);
    private final Map<String, Long> eventsByType = new HashMap<>();
    private List<TimedLine> hour = List.of();
    private int position;
    private int nextHour;
    private long copySequence;
    private long duplicates;
    private long reordered;

    WorkloadLines(WorkloadSpec spec) {
        this.spec = spec;
        Draw seed = new Draw(spec.seed());
        this.delivery = seed.split();
        this.connectors = new ArrayList<>(spec.connectors());
        for (int w = 0; w < spec.workspaces(); w++) {
            Draw workspaceDraw = seed.split();
            SimulatedWorkspace workspace = SimulatedWorkspace.draw(workspaceDraw);
            for (Provider provider : Provider.forWorkspace(workspaceDraw, spec.connectorsPerWorkspace())) {
                connectors.add(new SimulatedConnector(spec, workspace, provider, workspaceDraw.split()));
            }
        }
    }

    @Override
    public boolean hasNext() {
        fillHour();
        return position < hour.size() || !copies.isEmpty();
    }

    @Override
    public String next() {
        if (!hasNext()) {
            throw new NoSuchElementException("the workload has no more lines");
        }
        TimedLine original = position < hour.size() ? hour.get(position) : null;
        PendingCopy copy = copies.peek();
        if (copy != null && (original == null || copy.dueAt() <= original.deliverAt())) {
            copies.poll();
            duplicates++;
            return copy.line();
        }
        position++;
        eventsByType.merge(original.type(), 1L, Long::sum);
        if (delivery.chance(spec.duplicateRate())) {
            long dueAt = original.deliverAt() + delivery.between(MIN_REDELIVERY_DELAY, MAX_REDELIVERY_DELAY);
            copies.add(new PendingCopy(dueAt, copySequence++, original.line()));
        }
        return original.line();
    }

    /** What has been handed out so far; after the last line, the whole workload. */
    public WorkloadCounts counts() {
        return new WorkloadCounts(eventsByType, duplicates, reordered);
    }

    private void fillHour() {
        while (position >= hour.size() && nextHour < spec.runsPerConnector()) {
            long hourStart = spec.start().plus(WorkloadSpec.RUN_INTERVAL.multipliedBy(nextHour)).toEpochMilli();
            HourBatch batch = new HourBatch();
            for (SimulatedConnector connector : connectors) {
                connector.simulateHour(hourStart, batch);
            }
            hour = batch.inDeliveryOrder();
            position = 0;
            reordered += batch.reordered();
            nextHour++;
        }
    }

    private record PendingCopy(long dueAt, long sequence, String line) {}
}
