package dev.syncledger.app.notify;

import dev.syncledger.schemas.kafka.KafkaConnection;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.syncledger.app.testing.TestDatabase;
import dev.syncledger.app.testing.TestKafka;
import dev.syncledger.processor.topics.TopicProvisioner;
import dev.syncledger.schemas.Topics;
import dev.syncledger.schemas.alert.AlertKind;
import dev.syncledger.schemas.alert.AlertState;
import dev.syncledger.schemas.alert.ConnectorAlert;
import dev.syncledger.schemas.serde.AvroCodec;
import dev.syncledger.schemas.serde.SerdeConfig;
import dev.syncledger.sink.db.Database;
import dev.syncledger.sink.notify.DeliveryListener;
import dev.syncledger.sink.notify.Notifier;
import dev.syncledger.sink.notify.NotifierConfig;
import dev.syncledger.sink.notify.RetrySchedule;
import dev.syncledger.sink.notify.WebhookSignature;
import dev.syncledger.sink.notify.WebhookTargets;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Alert transitions on the topic, a real receiver on 127.0.0.1 that fails the first 3 attempts and then hangs
 * once, and a notifier that dies between a send and its record: every transition arrives, every signature
 * verifies, and a transition arrives twice only with the same idempotency key and body.
 */
class WebhookDeliveryIT {

    private static final WebhookSignature SIGNATURE = new WebhookSignature("a-test-secret-of-32-bytes-length".getBytes(StandardCharsets.UTF_8));
    private static final int TRANSITIONS = 6;

    private final TestDatabase testDatabase = TestDatabase.freshSchema();
    private final List<AutoCloseable> toClose = new ArrayList<>();

    @AfterEach
    void cleanUp() throws Exception {
        for (int i = toClose.size() - 1; i >= 0; i--) {
            toClose.get(i).close();
        }
        testDatabase.close();
    }

    @Test
    void everyTransitionArrivesSignedDespiteFailuresAHangAndACrashBetweenSendAndRecord(@TempDir Path dir) throws Exception {
        TestKafka broker = keep(TestKafka.start(dir.resolve("kafka")));
        Admin admin = keep(Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers())));
        new TopicProvisioner(admin).ensure(List.of(Topics.ALERTS), 3, (short) 1);
        Database database = keep(Database.connect(testDatabase.url(), testDatabase.schema()));
        database.migrate();
        // Requests 1-3 fail with 500, request 4 hangs past the timeout, the rest succeed.
        ScriptedReceiver receiver = keep(new ScriptedReceiver(SIGNATURE, 3, 4));
        NotifierConfig config = NotifierConfig.of(KafkaConnection.to(broker.bootstrapServers()), new WebhookTargets(Optional.of(receiver.url()), Map.of()),
                        SIGNATURE)
                .withGroupId("webhook-it")
                .withRequestTimeout(Duration.ofSeconds(1))
                .withRetry(new RetrySchedule(Duration.ofMillis(100), Duration.ofMillis(500), Duration.ofMinutes(10)));

        List<UUID> transitions = publishTransitions(broker.bootstrapServers());

        // The first notifier freezes right after its first successful send, before recording it, then dies.
        CountDownLatch frozen = new CountDownLatch(1);
        AtomicBoolean froze = new AtomicBoolean();
        java.util.concurrent.atomic.AtomicReference<UUID> crashed = new java.util.concurrent.atomic.AtomicReference<>();
        Notifier doomed = Notifier.start(config, database, DeliveryListener.NONE, transitionId -> {
            if (receiver.received().stream().anyMatch(r -> r.answeredWith() == 204 && r.eventId().equals(transitionId.toString()))
                    && froze.compareAndSet(false, true)) {
                crashed.set(transitionId);
                frozen.countDown();
                try {
                    new CountDownLatch(1).await(30, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                throw new IllegalStateException("killed between send and record");
            }
        });
        assertThat(frozen.await(60, TimeUnit.SECONDS)).as("the first notifier reached a successful send").isTrue();
        doomed.close();

        Notifier notifier = keep(Notifier.start(config, database, DeliveryListener.NONE));
        await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> assertThat(states(database))
                .as("every transition recorded as delivered").containsOnlyKeys(transitions).allSatisfy((id, state) -> assertThat(state).isEqualTo("delivered")));

        List<ScriptedReceiver.Received> received = receiver.received();
        assertThat(received).allSatisfy(r -> assertThat(r.verified()).as("signature of " + r.eventId()).isTrue());
        Set<UUID> delivered = received.stream().filter(r -> r.answeredWith() == 204).map(r -> UUID.fromString(r.eventId()))
                .collect(Collectors.toSet());
        assertThat(delivered).as("every transition answered 204 at least once").containsExactlyInAnyOrderElementsOf(transitions);
        Map<String, List<ScriptedReceiver.Received>> byKey = received.stream().collect(Collectors.groupingBy(ScriptedReceiver.Received::idempotencyKey));
        byKey.forEach((key, copies) -> {
            assertThat(copies).extracting(ScriptedReceiver.Received::eventId).as("event id of key " + key).containsOnly(key);
            assertThat(copies).extracting(ScriptedReceiver.Received::body).as("body of key " + key).containsOnly(copies.get(0).body());
        });
        // Other sends of the dying notifier's last round may also have gone out unrecorded: those come twice too.
        assertThat(received.stream().filter(r -> r.answeredWith() == 204 && r.eventId().equals(crashed.get().toString())).count())
                .as("the send whose record the crash lost arrived again").isEqualTo(2);
        assertThat(notifier.failure()).isEmpty();
        long timedOut = database.jdbi().withHandle(h -> h.createQuery(
                "SELECT count(*) FROM alert_delivery_attempts WHERE error LIKE 'no answer within%'").mapTo(Long.class).one());
        assertThat(timedOut).as("the hanging receiver cost one timed-out attempt").isEqualTo(1L);
    }

    private static Map<UUID, String> states(Database database) {
        return database.jdbi().withHandle(h -> h.createQuery("SELECT transition_id, state FROM alert_deliveries")
                .map((rs, ctx) -> Map.entry(UUID.fromString(rs.getString(1)), rs.getString(2))).list())
                .stream().collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    private static List<UUID> publishTransitions(String bootstrapServers) {
        AvroCodec<ConnectorAlert> codec = AvroCodec.create(ConnectorAlert.getClassSchema(), SerdeConfig.withoutRegistry());
        List<UUID> ids = new ArrayList<>();
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers),
                new StringSerializer(), new ByteArraySerializer())) {
            for (int i = 0; i < TRANSITIONS / 2; i++) {
                UUID connector = UUID.randomUUID();
                UUID alert = UUID.randomUUID();
                Instant opened = Instant.parse("2026-12-06T10:00:00Z").plusSeconds(i);
                for (AlertState state : AlertState.values()) {
                    UUID transition = UUID.randomUUID();
                    ids.add(transition);
                    ConnectorAlert record = new ConnectorAlert(alert, transition, UUID.randomUUID(), connector, AlertKind.consecutive_failures,
                            state, opened, state == AlertState.resolved ? opened.plusSeconds(60) : null, "{\"consecutive_failures\":3}");
                    producer.send(new ProducerRecord<>(Topics.ALERTS.name(), connector.toString(), codec.encode(Topics.ALERTS.name(), record)));
                }
            }
            producer.flush();
        }
        return ids;
    }

    private <T extends AutoCloseable> T keep(T closeable) {
        toClose.add(closeable);
        return closeable;
    }
}
