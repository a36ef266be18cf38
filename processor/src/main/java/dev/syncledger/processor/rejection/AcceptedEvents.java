package dev.syncledger.processor.rejection;

import dev.syncledger.processor.LedgerSensors;
import java.util.Collection;
import java.util.List;
import org.apache.kafka.common.metrics.Sensor;
import org.apache.kafka.streams.processor.api.ProcessorContext;

/**
 * Counts the input events a fold accepted when they arrived, as the Kafka Streams metric
 * {@code <entity>-events-accepted-total} in {@link LedgerSensors#GROUP}. A redelivery that changes nothing
 * is accepted; an event a later one displaces was accepted on arrival and is counted again, as a rejection,
 * when it is displaced: the two counters answer "what came in" and "what was refused", not a partition of it.
 */
public final class AcceptedEvents {

    /** The entities whose input events are counted, as named in the metric. */
    public static final List<String> ENTITIES = List.of("sync-run", "diagnostic", "document-link", "collect");

    private final ProcessorContext<?, ?> context;
    private final Sensor accepted;

    private AcceptedEvents(ProcessorContext<?, ?> context, Sensor accepted) {
        this.context = context;
        this.accepted = accepted;
    }

    /** The counter of one entity's processor in this task; {@link #close()} it with the processor. */
    public static AcceptedEvents register(ProcessorContext<?, ?> context, String entity) {
        if (!ENTITIES.contains(entity)) {
            throw new IllegalArgumentException("not a counted entity: " + entity + "; one of " + ENTITIES);
        }
        return new AcceptedEvents(context, LedgerSensors.counter(context, entity + "-events-accepted"));
    }

    /** The metric whose value counts one entity's accepted events. */
    public static String metricName(String entity) {
        return entity + "-events-accepted-total";
    }

    /** Counts the event at {@code arrived} unless one of the rejections its fold decided is its own. */
    public void record(EventOrigin arrived, Collection<Rejection> rejections) {
        for (Rejection rejection : rejections) {
            if (sameRecord(rejection.origin(), arrived)) {
                return;
            }
        }
        accepted.record();
    }

    public void close() {
        context.metrics().removeSensor(accepted);
    }

    private static boolean sameRecord(EventOrigin a, EventOrigin b) {
        return a.offset() == b.offset() && a.partition() == b.partition() && a.topic().equals(b.topic());
    }
}
