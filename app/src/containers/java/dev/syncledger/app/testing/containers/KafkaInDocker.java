package dev.syncledger.app.testing.containers;

import dev.syncledger.app.testing.ContainerKafka;
import dev.syncledger.app.testing.TestKafka;
import dev.syncledger.sink.fixtures.containers.DockerEngine;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.utility.DockerImageName;

/**
 * A broker container per test, as each test had its own in-process broker: the input topics have fixed names, so a
 * shared broker would mix one test's records into another's. The image is the release docker-compose.yml runs.
 */
public final class KafkaInDocker implements ContainerKafka {

    private static final DockerImageName IMAGE = DockerImageName.parse("apache/kafka:4.3.1");

    @Override
    public boolean available() {
        return DockerEngine.available();
    }

    /** The settings of EmbeddedKafkaBroker that tests rely on: short sessions, no topic created by a mere request. */
    @Override
    @SuppressWarnings("resource")
    public TestKafka start() {
        KafkaContainer kafka = new KafkaContainer(IMAGE)
                .withEnv("KAFKA_AUTO_CREATE_TOPICS_ENABLE", "false")
                .withEnv("KAFKA_GROUP_MIN_SESSION_TIMEOUT_MS", "1000")
                .withEnv("KAFKA_GROUP_INITIAL_REBALANCE_DELAY_MS", "0")
                .withEnv("KAFKA_NUM_PARTITIONS", "1")
                .withEnv("KAFKA_OFFSETS_TOPIC_NUM_PARTITIONS", "5")
                .withEnv("KAFKA_TRANSACTION_STATE_LOG_NUM_PARTITIONS", "5")
                .withEnv("KAFKA_TRANSACTION_STATE_LOG_REPLICATION_FACTOR", "1")
                .withEnv("KAFKA_TRANSACTION_STATE_LOG_MIN_ISR", "1");
        kafka.start();
        return TestKafka.of(kafka.getBootstrapServers(), kafka::stop);
    }
}
