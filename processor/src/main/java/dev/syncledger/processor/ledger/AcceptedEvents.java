package dev.syncledger.processor.ledger;

import java.util.List;

/**
 * The entities whose input events the ledger processor counts when it accepts them, as the Kafka Streams metric
 * {@code <entity>-events-accepted-total} in {@link dev.syncledger.processor.LedgerSensors#GROUP}. A redelivery
 * that changes nothing is accepted; an event a later one displaces was accepted on arrival and is counted again,
 * as a rejection, when it is displaced: the two counters answer "what came in" and "what was refused", not a
 * partition of it. An event parked until its connector's owner is known counts when it is let through.
 */
public final class AcceptedEvents {

    public static final List<String> ENTITIES = List.of("sync-run", "diagnostic", "document-link", "collect");

    private AcceptedEvents() {}

    /** The metric whose value counts one entity's accepted events. */
    public static String metricName(String entity) {
        return entity + "-events-accepted-total";
    }

    static String sensorName(String entity) {
        if (!ENTITIES.contains(entity)) {
            throw new IllegalArgumentException("not a counted entity: " + entity + "; one of " + ENTITIES);
        }
        return entity + "-events-accepted";
    }
}
