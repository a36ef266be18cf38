package dev.syncledger.app.observability;

import java.util.Optional;

/**
 * One thing the process needs to do its work: PostgreSQL, the broker, the processor. {@code /health/ready}
 * answers 200 only while every registered check passes. A check that holds resources (a Kafka Admin, a
 * thread) is also {@link AutoCloseable}; the server closes it when it stops.
 */
public interface Readiness {

    /** A short stable name, the key in the health body: {@code database}, {@code broker}, {@code processor}. */
    String name();

    /** Empty while ready; otherwise one line saying what is wrong and what to do. Must return within a few seconds. */
    Optional<String> problem();
}
