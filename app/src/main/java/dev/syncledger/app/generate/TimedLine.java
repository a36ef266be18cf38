package dev.syncledger.app.generate;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * A generated line and when it is delivered. Delivery follows {@code occurred_at} except for the
 * events of a run or collect sent out of order, which swap delivery times among themselves.
 */
record TimedLine(long deliverAt, String type, String line) {

    static final Comparator<TimedLine> BY_DELIVERY = Comparator.comparingLong(TimedLine::deliverAt);

    TimedLine deliveredAt(long newDeliverAt) {
        return new TimedLine(newDeliverAt, type, line);
    }

    /**
     * Adds the events of one run or collect (in their natural order) to {@code into}; when
     * {@code reorder}, delivers them in a random order other than the natural one, each taking the
     * delivery time of another, so they stay in the same stretch of the stream. Says whether it did.
     */
    static boolean deliver(List<TimedLine> events, boolean reorder, Draw draw, List<TimedLine> into) {
        if (!reorder || events.size() < 2) {
            into.addAll(events);
            return false;
        }
        List<TimedLine> order = shuffledOtherThanGiven(events, draw);
        for (int i = 0; i < events.size(); i++) {
            into.add(order.get(i).deliveredAt(events.get(i).deliverAt()));
        }
        return true;
    }

    private static List<TimedLine> shuffledOtherThanGiven(List<TimedLine> events, Draw draw) {
        List<TimedLine> order = new ArrayList<>(events);
        for (int i = order.size() - 1; i > 0; i--) {
            int j = draw.index(i + 1);
            order.set(j, order.set(i, order.get(j)));
        }
        if (order.equals(events)) {
            order.set(0, order.set(1, order.get(0)));
        }
        return order;
    }
}
