package dev.syncledger.app.testing;

/**
 * Kafka in Docker for the integration tests, asked for only when {@code sync-ledger.containers} is set. Implemented
 * under src/containers, which only the {@code containers} Maven profile compiles, so the default build neither needs
 * nor downloads Testcontainers; found with ServiceLoader.
 */
public interface ContainerKafka {

    /** Whether a Docker engine answers; when none does, it has said so in one line. */
    boolean available();

    /** A new broker container, configured like the in-process broker; closing the result removes it. */
    TestKafka start();
}
