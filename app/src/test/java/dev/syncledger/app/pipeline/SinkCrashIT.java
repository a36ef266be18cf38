package dev.syncledger.app.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.syncledger.app.events.EventLineParser;
import dev.syncledger.app.events.EventPublisher;
import dev.syncledger.app.events.InvalidEventLineException;
import dev.syncledger.app.testing.StoredSyncLogs;
import dev.syncledger.app.testing.SyncLogOracle;
import dev.syncledger.app.testing.TestDatabase;
import dev.syncledger.app.testing.TestKafka;
import dev.syncledger.processor.StreamsSettings;
import dev.syncledger.processor.TopologyConfig;
import dev.syncledger.processor.topics.TopicProvisioner;
import dev.syncledger.schemas.Topics;
import dev.syncledger.schemas.serde.SerdeConfig;
import dev.syncledger.sink.SinkConfig;
import dev.syncledger.sink.SyncLedgerSink;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The sink dies abruptly after writing a batch's rows and offsets but before COMMIT (connection cut,
 * thread gone, consumer never closed). After a restart in the same group the table must equal the
 * expected rows: nothing lost, nothing duplicated, no row at an older revision.
 */
class SinkCrashIT {

    private static final Path SAMPLE = Path.of("..", "samples", "sync-runs.jsonl");
    private static final int CRASH_ON_BATCH = 3;

    private final TestDatabase database = TestDatabase.freshSchema();
    private final List<AutoCloseable> toClose = new ArrayList<>();

    @AfterEach
    void cleanUp() throws Exception {
        for (int i = toClose.size() - 1; i >= 0; i--) {
            toClose.get(i).close();
        }
        database.close();
    }

    @Test
    void shouldEndWithExactlyTheExpectedRowsAfterACrashBetweenWritingABatchAndCommittingIt(@TempDir Path dir) throws Exception {
        List<String> lines = Files.readAllLines(SAMPLE);
        SyncLogOracle oracle = SyncLogOracle.of(lines);
        TestKafka broker = keep(TestKafka.start(dir.resolve("kafka")));
        Admin admin = keep(Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers())));
        new TopicProvisioner(admin).ensure(3, (short) 1);
        StreamsSettings streams = StreamsSettings.defaults(broker.bootstrapServers(), dir.resolve("streams")).withApplicationId("crash-it");
        keep(ProcessorRunner.start(streams, TopologyConfig.defaults(), Duration.ofSeconds(60)));
        publish(lines, broker);
        CatchUp catchUp = new CatchUp(admin);
        catchUp.awaitFolded("crash-it", Duration.ofSeconds(60));

        AtomicInteger batches = new AtomicInteger();
        SinkConfig config = SinkConfig.of(broker.bootstrapServers())
                .withDatabaseUrl(database.url())
                .withSchema(database.schema())
                .withMaxBatchRecords(20)
                .withConsumerOverrides(Map.of(
                        ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG, 2_000,
                        ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG, 500,
                        ConsumerConfig.MAX_POLL_INTERVAL_MS_CONFIG, 4_000));
        SyncLedgerSink doomed = SyncLedgerSink.withFaultHook(config, batch -> {
            if (batches.incrementAndGet() == CRASH_ON_BATCH) {
                batch.abortConnection();
                throw new SimulatedCrash();
            }
        });
        AtomicReference<Throwable> death = new AtomicReference<>();
        Thread doomedThread = new Thread(doomed, "doomed-sink");
        doomedThread.setUncaughtExceptionHandler((thread, e) -> death.set(e));
        doomedThread.start();
        await().atMost(Duration.ofSeconds(60)).until(() -> !doomedThread.isAlive());
        assertThat(death.get()).isInstanceOf(SimulatedCrash.class);
        assertThat(batches.get()).isEqualTo(CRASH_ON_BATCH);
        Jdbi jdbi = database.jdbi();
        int rowsBeforeRestart = StoredSyncLogs.read(jdbi).size();
        assertThat(rowsBeforeRestart).as("two batches committed, the third rolled back").isLessThan(oracle.expectedRows().size());

        SinkRunner restarted = keep(SinkRunner.start(config));
        catchUp.awaitSunk(List.of(Topics.SYNC_LOG_STATE.name(), Topics.REJECTED.name()), restarted::committedOffsets,
                Duration.ofSeconds(90));

        Map<UUID, StoredSyncLogs.Stored> stored = StoredSyncLogs.read(jdbi);
        Map<UUID, StoredSyncLogs.Stored> expected = oracle.expectedRows();
        assertThat(stored.keySet()).containsExactlyInAnyOrderElementsOf(expected.keySet());
        expected.forEach((id, row) -> assertThat(stored.get(id)).as("sync log %s", id).isEqualTo(row));
        long rejected = jdbi.withHandle(h -> h.createQuery("SELECT count(*) FROM rejected_events").mapTo(Long.class).one());
        assertThat(rejected).as("each rejection stored exactly once").isEqualTo(oracle.rejections());
        keep(doomed);
    }

    private static void publish(List<String> lines, TestKafka broker) {
        EventLineParser parser = new EventLineParser();
        try (EventPublisher publisher = new EventPublisher(broker.bootstrapServers(), SerdeConfig.withoutRegistry())) {
            for (String line : lines) {
                try {
                    publisher.publish(parser.parse(line));
                } catch (InvalidEventLineException e) {
                    // the sample file holds two such lines on purpose; the oracle skips them too
                }
            }
            publisher.flush();
        }
    }

    private <T extends AutoCloseable> T keep(T resource) {
        toClose.add(resource);
        return resource;
    }

    private static final class SimulatedCrash extends Error {
        SimulatedCrash() {
            super("simulated crash between writing a batch and committing it");
        }
    }
}
