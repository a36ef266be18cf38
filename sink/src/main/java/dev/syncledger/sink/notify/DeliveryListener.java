package dev.syncledger.sink.notify;

import java.time.Duration;

/** What the notifier tells metrics about each attempt; called on the delivering threads, so it must be quick. */
public interface DeliveryListener {

    DeliveryListener NONE = new DeliveryListener() {};

    /** How an attempt ended. */
    enum Outcome {
        /** A 2xx answer: the delivery is done. */
        DELIVERED,
        /** No 2xx answer (or none at all): tried again later. */
        FAILED,
        /** 410 Gone: the receiver asked not to be called again for it. */
        GONE,
        /** Failed, and the next try would be past the retry window: given up. */
        EXPIRED
    }

    /**
     * @param requestTime how long the request took
     * @param sinceRecorded for a delivered one, from when the notifier recorded the transition to the 2xx answer
     */
    default void attempted(Outcome outcome, Duration requestTime, Duration sinceRecorded) {}
}
