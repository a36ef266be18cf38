package dev.syncledger.app.testing;

import dev.syncledger.app.broker.EmbeddedKafkaBroker;
import dev.syncledger.sink.fixtures.TestPostgres;
import java.nio.file.Path;
import java.util.Optional;
import java.util.ServiceLoader;

/**
 * A Kafka broker of one test's own, for tests that need only its address: the in-process broker, or, in a build with
 * {@code -Pcontainers} and a Docker engine, a container. Tests that stop, restart or cut the broker, read its cluster
 * id, or test the in-process broker itself use {@link EmbeddedKafkaBroker} directly.
 */
public final class TestKafka implements AutoCloseable {

    private final String bootstrapServers;
    private final AutoCloseable broker;

    private TestKafka(String bootstrapServers, AutoCloseable broker) {
        this.bootstrapServers = bootstrapServers;
        this.broker = broker;
    }

    /** @param dataDir the in-process broker's log directory; a container keeps its own */
    public static TestKafka start(Path dataDir) {
        return Containers.KAFKA.map(ContainerKafka::start)
                .orElseGet(() -> {
                    EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(dataDir);
                    return new TestKafka(broker.bootstrapServers(), broker);
                });
    }

    /** For a {@link ContainerKafka}: a broker at this address, stopped by closing {@code broker}. */
    public static TestKafka of(String bootstrapServers, AutoCloseable broker) {
        return new TestKafka(bootstrapServers, broker);
    }

    public String bootstrapServers() {
        return bootstrapServers;
    }

    @Override
    public void close() {
        try {
            broker.close();
        } catch (Exception e) {
            throw new IllegalStateException("cannot stop the test broker at " + bootstrapServers, e);
        }
    }

    @Override
    public String toString() {
        return "TestKafka[" + bootstrapServers + "]";
    }

    /** Decided on first use, once per JVM. */
    private static final class Containers {
        static final Optional<ContainerKafka> KAFKA = (Boolean.getBoolean(TestPostgres.CONTAINERS_PROPERTY)
                        ? ServiceLoader.load(ContainerKafka.class).findFirst() : Optional.<ContainerKafka>empty())
                .filter(ContainerKafka::available);
    }
}
