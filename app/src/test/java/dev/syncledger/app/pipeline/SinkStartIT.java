package dev.syncledger.app.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.syncledger.app.testing.StoredSyncLogs;
import dev.syncledger.app.testing.TestDatabase;
import dev.syncledger.app.testing.TestKafka;
import dev.syncledger.processor.topics.TopicProvisioner;
import dev.syncledger.schemas.ConnectorSyncStatus;
import dev.syncledger.schemas.Topics;
import dev.syncledger.schemas.serde.AvroCodec;
import dev.syncledger.schemas.serde.SerdeConfig;
import dev.syncledger.schemas.state.WorkspaceConnectorSyncLog;
import dev.syncledger.sink.SinkConfig;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A sink starting on a backlog reads it from the poll that assigns its partitions: that poll positions them from
 * sink_offsets and fetches, rather than waiting out its whole timeout with every partition paused.
 */
class SinkStartIT {

    /** Far longer than the wait below: a first poll that waited it out could not pass. */
    private static final Duration POLL_TIMEOUT = Duration.ofMinutes(5);

    @Test
    void shouldWriteABacklogWithoutWaitingOutTheFirstPoll(@TempDir Path dir) throws Exception {
        try (TestKafka broker = TestKafka.start(dir.resolve("kafka"));
             Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()));
             TestDatabase database = TestDatabase.freshSchema()) {
            new TopicProvisioner(admin).ensure(2, (short) 1);
            UUID run = UUID.randomUUID();
            publishSyncLog(broker.bootstrapServers(), run);

            SinkConfig config = SinkConfig.of(broker.bootstrapServers())
                    .withDatabaseUrl(database.url())
                    .withSchema(database.schema())
                    .withPollTimeout(POLL_TIMEOUT);
            try (SinkRunner sink = SinkRunner.start(config)) {
                await().atMost(Duration.ofSeconds(30)).until(() -> StoredSyncLogs.read(database.jdbi()).containsKey(run));
                new CatchUp(admin).awaitSunk(List.of(Topics.SYNC_LOG_STATE.name()), sink::committedOffsets, Duration.ofSeconds(30));
            }
            assertThat(StoredSyncLogs.read(database.jdbi()).get(run).row().status()).isEqualTo(ConnectorSyncStatus.scheduled);
        }
    }

    private static void publishSyncLog(String bootstrapServers, UUID run) throws Exception {
        Instant now = Instant.parse("2026-12-07T00:00:00Z");
        WorkspaceConnectorSyncLog row = WorkspaceConnectorSyncLog.newBuilder()
                .setWorkspaceConnectorSyncLogId(run)
                .setWorkspaceId(UUID.randomUUID())
                .setWorkspaceConnectorId(UUID.randomUUID())
                .setStatus(ConnectorSyncStatus.scheduled)
                .setCreatedAt(now)
                .setUpdatedAt(now)
                .setRevision(1)
                .build();
        String topic = Topics.SYNC_LOG_STATE.name();
        byte[] value = AvroCodec.create(WorkspaceConnectorSyncLog.getClassSchema(), SerdeConfig.withoutRegistry()).encode(topic, row);
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(
                Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers), new StringSerializer(), new ByteArraySerializer())) {
            producer.send(new ProducerRecord<>(topic, run.toString(), value)).get();
        }
    }
}
