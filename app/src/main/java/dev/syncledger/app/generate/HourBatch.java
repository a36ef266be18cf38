package dev.syncledger.app.generate;

import java.util.ArrayList;
import java.util.List;

/** The lines of one hour of every connector, gathered then put in delivery order. */
final class HourBatch {

    private final List<TimedLine> lines = new ArrayList<>();
    private long reordered;

    void add(TimedLine line) {
        lines.add(line);
    }

    /** The events of one run or collect, all keyed the same, delivered out of their natural order when {@code reorder}. */
    void addKeyed(List<TimedLine> events, boolean reorder, Draw draw) {
        if (TimedLine.deliver(events, reorder, draw, lines)) {
            reordered++;
        }
    }

    /** Sorted by delivery time; ties keep the order they were added in, so the result is deterministic. */
    List<TimedLine> inDeliveryOrder() {
        lines.sort(TimedLine.BY_DELIVERY);
        return lines;
    }

    long reordered() {
        return reordered;
    }
}
