package dev.syncledger.processor.output;

import java.util.Objects;

/**
 * One record a processor sends on, already encoded, and where to: the topology splits the processors' output
 * by destination into its sinks. {@code partition} is only for answers to a claim, which go back to the
 * partition that asked.
 */
public record Emission(Destination destination, byte[] value, int partition) {

    public enum Destination {
        SYNC_LOG_STATE, DIAGNOSTIC_STATE, DOCUMENT_LINK_STATE, COLLECT_STATE, CONNECTOR_STATUS_STATE, REJECTED, ALERT,
        /** To the connector's task, through the repartition by connector. */
        CONNECTOR,
        /** Back from the connector's task to the ledger task that claimed it. */
        CONNECTOR_OWNER
    }

    public Emission {
        Objects.requireNonNull(destination, "destination");
    }

    /** A record for a topic partitioned by key; a null value is a tombstone. */
    public static Emission to(Destination destination, byte[] value) {
        return new Emission(destination, value, -1);
    }

    public boolean goesTo(Destination other) {
        return destination == other;
    }
}
