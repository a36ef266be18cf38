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
import dev.syncledger.sink.SyncLedgerSink;
import dev.syncledger.sink.write.SinkFaultHook;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerInterceptor;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * While a batch commits, the sink keeps polling and hands everything gathered to the writer as the next batch, as
 * large as maxBatchRecords allows; behind a backlog, even an idle writer waits for a full batch. Either way a key's
 * updates fold into one row.
 */
class SinkBatchGatheringIT {

    private static final int RUNS = 100;
    private static final int REVISIONS = 4;
    /** Small polls, so that the batch after the held one can only be gathered from several. */
    private static final int POLL_RECORDS = 50;
    private static final String TOPIC = Topics.SYNC_LOG_STATE.name();
    private static final AvroCodec<WorkspaceConnectorSyncLog> CODEC =
            AvroCodec.create(WorkspaceConnectorSyncLog.getClassSchema(), SerdeConfig.withoutRegistry());

    @Test
    void shouldGatherEveryPollMadeWhileABatchCommitsIntoTheNext(@TempDir Path dir) throws Exception {
        List<Integer> batches = runWithTheFirstBatchHeld(dir, 100_000);

        assertThat(batches).as("the held batch, then all %d records polled meanwhile in one", RUNS * REVISIONS)
                .containsExactly(1, RUNS * REVISIONS);
    }

    @Test
    void shouldNeverGatherMoreThanMaxBatchRecords(@TempDir Path dir) throws Exception {
        List<Integer> batches = runWithTheFirstBatchHeld(dir, 120);

        assertThat(batches.get(0)).isEqualTo(1);
        assertThat(batches.subList(1, batches.size())).allSatisfy(size -> assertThat(size).isBetween(1, 120));
        assertThat(batches.stream().mapToInt(Integer::intValue).sum()).isEqualTo(1 + RUNS * REVISIONS);
    }

    @Test
    void shouldWaitForAFullBatchWhenItStartsBehindABacklog(@TempDir Path dir) throws Exception {
        assertThat(runBehindABacklog(dir, 100_000)).as("the whole backlog, polled %d records at a time, in one batch", POLL_RECORDS)
                .containsExactly(RUNS * REVISIONS);

        List<Integer> capped = runBehindABacklog(dir.resolve("capped"), 120);
        assertThat(capped).allSatisfy(size -> assertThat(size).isBetween(1, 120));
        assertThat(capped.get(0)).as("a full first batch: more than one poll, no more than one poll short of the cap")
                .isGreaterThan(120 - POLL_RECORDS);
        assertThat(capped.stream().mapToInt(Integer::intValue).sum()).isEqualTo(RUNS * REVISIONS);
    }

    @Test
    void shouldBoundATransactionByItsRowsNotItsRecords(@TempDir Path dir) throws Exception {
        List<SinkFaultHook.UncommittedBatch> batches = new CopyOnWriteArrayList<>();
        runBehindABacklog(dir, config -> config.withMaxBatchRows(RUNS), batches::add, true);

        assertThat(batches).allSatisfy(batch -> assertThat(batch.rows()).isBetween(1, RUNS));
        assertThat(batches).as("a batch folds each run's revisions, so it holds more records than rows")
                .anySatisfy(batch -> assertThat(batch.batchSize()).isGreaterThan(RUNS));
        assertThat(batches.stream().mapToInt(SinkFaultHook.UncommittedBatch::batchSize).sum()).isEqualTo(RUNS * REVISIONS);
    }

    /** Publishes every record before the sink starts; returns each batch's record count once all are stored. */
    private static List<Integer> runBehindABacklog(Path dir, int maxBatchRecords) throws Exception {
        List<Integer> batches = new CopyOnWriteArrayList<>();
        runBehindABacklog(dir, config -> config.withMaxBatchRecords(maxBatchRecords), batch -> batches.add(batch.batchSize()), false);
        return List.copyOf(batches);
    }

    /**
     * Publishes every record before the sink starts, each run's revisions one after another or each revision of every
     * run in turn, and hands each batch with records to {@code batches} until all are stored.
     */
    private static void runBehindABacklog(Path dir, UnaryOperator<SinkConfig> configured, Consumer<SinkFaultHook.UncommittedBatch> batches,
                                          boolean runByRun) throws Exception {
        try (Rig rig = Rig.start(dir)) {
            TestKafka broker = rig.broker();
            TestDatabase database = rig.database();
            KafkaProducer<String, byte[]> producer = rig.producer();
            List<UUID> runs = runByRun ? publishRunByRun(producer) : publishEveryRevision(producer);
            SinkFaultHook count = batch -> {
                if (batch.batchSize() > 0) {
                    batches.accept(batch);
                }
            };
            try (SyncLedgerSink sink = SyncLedgerSink.withFaultHook(configured.apply(config(broker, database, 100_000)), count)) {
                new Thread(sink, "backlog-sink").start();
                await().atMost(Duration.ofSeconds(60)).until(() -> {
                    Map<UUID, StoredSyncLogs.Stored> stored = StoredSyncLogs.read(database.jdbi());
                    return runs.stream().allMatch(run -> stored.containsKey(run) && stored.get(run).revision() == REVISIONS);
                });
            }
        }
    }

    /** A broker with the sink's topics on one partition each, a fresh schema, and a producer to it. */
    private record Rig(TestKafka broker, TestDatabase database, KafkaProducer<String, byte[]> producer) implements AutoCloseable {

        static Rig start(Path dir) {
            TestKafka broker = TestKafka.start(dir.resolve("kafka"));
            try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()))) {
                new TopicProvisioner(admin).ensure(1, (short) 1);
            }
            return new Rig(broker, TestDatabase.freshSchema(), new KafkaProducer<>(
                    Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()), new StringSerializer(),
                    new ByteArraySerializer()));
        }

        @Override
        public void close() {
            producer.close();
            database.close();
            broker.close();
        }
    }

    private static List<UUID> publishRunByRun(KafkaProducer<String, byte[]> producer) {
        List<UUID> runs = Stream.generate(UUID::randomUUID).limit(RUNS).toList();
        for (UUID run : runs) {
            for (int revision = 1; revision <= REVISIONS; revision++) {
                producer.send(record(run, revision));
            }
        }
        producer.flush();
        return runs;
    }

    private static List<UUID> publishEveryRevision(KafkaProducer<String, byte[]> producer) {
        List<UUID> runs = Stream.generate(UUID::randomUUID).limit(RUNS).toList();
        for (int revision = 1; revision <= REVISIONS; revision++) {
            for (UUID run : runs) {
                producer.send(record(run, revision));
            }
        }
        producer.flush();
        return runs;
    }

    private static SinkConfig config(TestKafka broker, TestDatabase database, int maxBatchRecords) {
        return SinkConfig.of(broker.bootstrapServers())
                .withDatabaseUrl(database.url())
                .withSchema(database.schema())
                .withMaxBatchRecords(maxBatchRecords)
                .withConsumerOverrides(Map.of(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, POLL_RECORDS,
                        ConsumerConfig.INTERCEPTOR_CLASSES_CONFIG, CountingInterceptor.class.getName()));
    }

    /**
     * Publishes one run, holds the sink's first batch in its transaction until every later record has been polled (or,
     * with a small maxBatchRecords, until a batch is full), then lets it go; returns each batch's record count.
     */
    private static List<Integer> runWithTheFirstBatchHeld(Path dir, int maxBatchRecords) throws Exception {
        try (Rig rig = Rig.start(dir)) {
            TestKafka broker = rig.broker();
            TestDatabase database = rig.database();
            KafkaProducer<String, byte[]> producer = rig.producer();
            List<Integer> batches = new CopyOnWriteArrayList<>();
            CountDownLatch release = new CountDownLatch(1);
            SinkFaultHook holdTheFirst = batch -> {
                if (batch.batchSize() == 0) {
                    return; // positions only, past the partitions' starts
                }
                batches.add(batch.batchSize());
                if (batches.size() == 1) {
                    awaitRelease(release);
                }
            };
            CountingInterceptor.POLLED.set(0);
            SinkConfig config = config(broker, database, maxBatchRecords);
            UUID first = UUID.randomUUID();
            producer.send(record(first, 1)).get();
            try (SyncLedgerSink sink = SyncLedgerSink.withFaultHook(config, holdTheFirst)) {
                Thread thread = new Thread(sink, "gathering-sink");
                thread.start();
                await().atMost(Duration.ofSeconds(30)).until(() -> batches.size() == 1);

                List<UUID> runs = publishEveryRevision(producer);
                long expectPolled = maxBatchRecords >= RUNS * REVISIONS ? 1 + RUNS * REVISIONS : 1 + maxBatchRecords - POLL_RECORDS + 1;
                await().atMost(Duration.ofSeconds(30)).until(CountingInterceptor.POLLED::get, polled -> polled >= expectPolled);
                release.countDown();

                await().atMost(Duration.ofSeconds(60)).until(() -> {
                    Map<UUID, StoredSyncLogs.Stored> stored = StoredSyncLogs.read(database.jdbi());
                    return stored.containsKey(first)
                            && runs.stream().allMatch(run -> stored.containsKey(run) && stored.get(run).revision() == REVISIONS);
                });
                assertThat(StoredSyncLogs.read(database.jdbi()).get(runs.get(0)).row().status()).isEqualTo(ConnectorSyncStatus.success);
            }
            return List.copyOf(batches);
        }
    }

    private static ProducerRecord<String, byte[]> record(UUID run, int revision) {
        Instant created = Instant.parse("2026-12-07T00:00:00Z");
        WorkspaceConnectorSyncLog row = WorkspaceConnectorSyncLog.newBuilder()
                .setWorkspaceConnectorSyncLogId(run)
                .setWorkspaceId(new UUID(1, 1))
                .setWorkspaceConnectorId(new UUID(2, 2))
                .setStatus(revision == REVISIONS ? ConnectorSyncStatus.success : ConnectorSyncStatus.in_progress)
                .setCreatedAt(created)
                .setUpdatedAt(created.plusSeconds(revision))
                .setRevision(revision)
                .build();
        return new ProducerRecord<>(TOPIC, run.toString(), CODEC.encode(TOPIC, row));
    }

    /**
     * Counts the records each of the sink's polls returns, before the sink sees them. The consumer's own
     * records-consumed-total can miss the last poll before the sink blocks on a full batch.
     */
    public static final class CountingInterceptor implements ConsumerInterceptor<byte[], byte[]> {
        static final AtomicLong POLLED = new AtomicLong();

        @Override
        public ConsumerRecords<byte[], byte[]> onConsume(ConsumerRecords<byte[], byte[]> records) {
            POLLED.addAndGet(records.count());
            return records;
        }

        @Override
        public void onCommit(Map<TopicPartition, OffsetAndMetadata> offsets) {}

        @Override
        public void close() {}

        @Override
        public void configure(Map<String, ?> configs) {}
    }

    private static void awaitRelease(CountDownLatch release) {
        try {
            if (!release.await(60, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the test never released the first batch");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
