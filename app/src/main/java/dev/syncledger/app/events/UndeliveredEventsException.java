package dev.syncledger.app.events;

/** Events the broker did not take within the delivery timeout; the message says how many and the first cause. */
public final class UndeliveredEventsException extends RuntimeException {

    private final long undelivered;

    public UndeliveredEventsException(long undelivered, Exception firstFailure) {
        super(undelivered + " event(s) were not delivered to Kafka: " + firstFailure.getMessage(), firstFailure);
        this.undelivered = undelivered;
    }

    public long undelivered() {
        return undelivered;
    }
}
