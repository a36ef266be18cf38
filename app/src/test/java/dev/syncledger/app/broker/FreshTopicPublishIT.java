package dev.syncledger.app.broker;

import static org.assertj.core.api.Assertions.assertThat;

import dev.syncledger.app.testing.TestKafka;
import dev.syncledger.processor.topics.TopicProvisioner;
import dev.syncledger.schemas.Topics.TopicSpec;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An idempotent producer that starts sending the moment the provisioner returns must lose nothing.
 *
 * <p>Up to Kafka 4.4 a broker that has published a new partition's metadata but not yet opened its log
 * answers the first produce NOT_LEADER_OR_FOLLOWER, accepts the next in-flight request with any first
 * sequence, and then refuses every retry of the first one as out of order until the delivery timeout
 * drops it (KAFKA-15591, fixed in 4.5). The benchmark lost records to exactly this.
 */
class FreshTopicPublishIT {

    private static final int ROUNDS = 4;
    private static final int TOPICS = 6;
    private static final int PARTITIONS = 12;
    private static final int RECORDS_PER_PARTITION = 200;

    @TempDir
    Path dataDir;

    @Test
    void shouldDeliverEveryRecordSentRightAfterTheTopicsAreCreated() throws Exception {
        try (TestKafka broker = TestKafka.start(dataDir);
                Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()))) {
            TopicProvisioner provisioner = new TopicProvisioner(admin);
            for (int round = 0; round < ROUNDS; round++) {
                List<TopicSpec> specs = new ArrayList<>();
                for (int t = 0; t < TOPICS; t++) {
                    specs.add(new TopicSpec("fresh-" + round + "-" + t, false, TopicSpec.Role.INPUT));
                }
                provisioner.ensure(specs, PARTITIONS, (short) 1);

                assertThat(sendToEveryPartition(broker, specs)).as("records not delivered in round %d", round).isZero();
                assertThat(endOffsets(admin, specs).values())
                        .as("records per partition in round %d", round)
                        .containsOnly((long) RECORDS_PER_PARTITION);
            }
        }
    }

    private static int sendToEveryPartition(TestKafka broker, List<TopicSpec> specs) {
        AtomicInteger undelivered = new AtomicInteger();
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(producerProps(broker), new StringSerializer(), new StringSerializer())) {
            for (int i = 0; i < RECORDS_PER_PARTITION; i++) {
                for (TopicSpec spec : specs) {
                    for (int p = 0; p < PARTITIONS; p++) {
                        producer.send(new ProducerRecord<>(spec.name(), p, "k", "v" + i), (metadata, e) -> {
                            if (e != null) {
                                undelivered.incrementAndGet();
                            }
                        });
                    }
                }
            }
            producer.flush();
        }
        return undelivered.get();
    }

    private static Properties producerProps(TestKafka broker) {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5);
        props.put(ProducerConfig.LINGER_MS_CONFIG, 0);
        // Small batches make several produce requests per partition in flight at once, as a busy publisher does.
        props.put(ProducerConfig.BATCH_SIZE_CONFIG, 256);
        props.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000);
        props.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 15_000);
        return props;
    }

    private static Map<TopicPartition, Long> endOffsets(Admin admin, List<TopicSpec> specs) throws Exception {
        Map<TopicPartition, OffsetSpec> request = new HashMap<>();
        for (TopicSpec spec : specs) {
            for (int p = 0; p < PARTITIONS; p++) {
                request.put(new TopicPartition(spec.name(), p), OffsetSpec.latest());
            }
        }
        Map<TopicPartition, Long> offsets = new HashMap<>();
        admin.listOffsets(request).all().get(30, TimeUnit.SECONDS).forEach((tp, info) -> offsets.put(tp, info.offset()));
        return offsets;
    }
}
