package dev.syncledger.app.faults;

import dev.syncledger.app.broker.EmbeddedKafkaBroker;
import dev.syncledger.app.pipeline.CatchUp;
import dev.syncledger.app.pipeline.ProcessorRunner;
import dev.syncledger.app.testing.LedgerOracle;
import dev.syncledger.app.testing.PublishedRecord;
import dev.syncledger.app.testing.TestDatabase;
import dev.syncledger.processor.StreamsSettings;
import dev.syncledger.processor.TopologyConfig;
import dev.syncledger.processor.SyncLedgerTopology;
import dev.syncledger.processor.topics.TopicProvisioner;
import dev.syncledger.schemas.Topics;
import dev.syncledger.schemas.Topics.TopicSpec;
import dev.syncledger.sink.SinkConfig;
import dev.syncledger.sink.write.SinkFaultHook;
import dev.syncledger.sink.db.ConsumerScope;
import dev.syncledger.sink.db.SinkDao;
import dev.syncledger.sink.db.SinkOffset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.TransactionListing;
import org.apache.kafka.clients.admin.TransactionState;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsConfig;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One scenario's world: an in-process broker with the topics, a schema of its own in the real
 * PostgreSQL, and the processors and sinks the scenario starts, all closed at the end, newest first.
 */
final class FaultPipeline implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(FaultPipeline.class);

    static final String APPLICATION_ID = "faults";
    static final String SINK_GROUP = "faults-sink";
    static final int PARTITIONS = 3;
    /** A retention no generated diagnostic ever reaches: only the retention scenario prunes. */
    static final Duration KEEP_EVERYTHING = Duration.ofDays(36_500);

    /**
     * A killed instance's partitions move to the survivors within seconds rather than after Kafka's
     * default 45 s session, and a frozen one's open transaction is aborted after 5 s rather than 60.
     */
    static final Duration TRANSACTION_TIMEOUT = Duration.ofSeconds(5);
    private static final Map<String, Object> FAST_FAILOVER = Map.of(
            StreamsConfig.consumerPrefix(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG), 3_000,
            StreamsConfig.consumerPrefix(ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG), 500,
            StreamsConfig.producerPrefix(ProducerConfig.TRANSACTION_TIMEOUT_CONFIG), (int) TRANSACTION_TIMEOUT.toMillis());
    private static final Map<String, Object> SINK_FAILOVER = Map.of(
            ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG, 3_000,
            ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG, 500,
            ConsumerConfig.MAX_POLL_INTERVAL_MS_CONFIG, 4_000);

    final FaultSize size;
    final TopologyConfig topology;
    /** In-process under -Pcontainers too (not a TestKafka): the scenarios stop and restart it and read its cluster id. */
    final EmbeddedKafkaBroker broker;
    final Admin admin;
    final TestDatabase database;
    final Jdbi jdbi;
    private final Path dir;
    private final Deque<AutoCloseable> started = new ArrayDeque<>();

    private FaultPipeline(Path dir, FaultSize size, TopologyConfig topology, EmbeddedKafkaBroker broker, Admin admin, TestDatabase database) {
        this.dir = dir;
        this.size = size;
        this.topology = topology;
        this.broker = broker;
        this.admin = admin;
        this.database = database;
        this.jdbi = database.jdbi();
    }

    static FaultPipeline start(Path dir, FaultSize size, TopologyConfig topology) {
        TestDatabase database = TestDatabase.freshSchema();
        EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(dir.resolve("kafka"));
        Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()));
        new TopicProvisioner(admin).ensure(PARTITIONS, (short) 1);
        return new FaultPipeline(dir, size, topology, broker, admin, database);
    }

    static StreamsSettings streamsSettings(String bootstrapServers, Path stateDir, String applicationId) {
        return StreamsSettings.defaults(bootstrapServers, stateDir).withApplicationId(applicationId).withOverrides(FAST_FAILOVER);
    }

    Path stateDir(String instance) {
        return dir.resolve("state-" + instance);
    }

    ProcessorRunner startProcessor(String instance) {
        return keep(ProcessorRunner.start(streamsSettings(broker.bootstrapServers(), stateDir(instance), APPLICATION_ID), topology,
                size.timeout()));
    }

    /** A processor in a JVM of its own, for the scenarios that kill or freeze it; the same instance name keeps its state directory. */
    ChildProcessor startChildProcessor(String instance) {
        return keep(ChildProcessor.start(instance, dir.resolve(instance + "-" + System.nanoTime() + ".log"), List.of(
                broker.bootstrapServers(), stateDir(instance).toString(), APPLICATION_ID,
                Long.toString(topology.diagnosticRetention().toMillis()), Long.toString(topology.pruneInterval().toMillis())),
                size.timeout()));
    }

    SinkConfig sinkConfig() {
        return SinkConfig.of(broker.bootstrapServers())
                .withDatabaseUrl(database.url())
                .withSchema(database.schema())
                .withGroupId(SINK_GROUP)
                .withMaxBatchRecords(500)
                .withConsumerOverrides(SINK_FAILOVER);
    }

    SinkInstance startSink(String name, SinkConfig config) {
        return startSink(name, config, SinkFaultHook.NONE);
    }

    SinkInstance startSink(String name, SinkConfig config, SinkFaultHook faultHook) {
        return keep(SinkInstance.start(name, config, faultHook));
    }

    SinkInstance startSink(String name) {
        return startSink(name, sinkConfig());
    }

    /** Sends the records in order and waits until the broker has them all; returns where each landed. */
    List<RecordMetadata> publish(List<PublishedRecord> records) {
        Map<String, Object> config = Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.LINGER_MS_CONFIG, 5);
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer())) {
            List<Future<RecordMetadata>> sent = new ArrayList<>(records.size());
            for (PublishedRecord record : records) {
                sent.add(producer.send(new ProducerRecord<>(record.topic(), record.key(), record.value())));
            }
            producer.flush();
            List<RecordMetadata> landed = new ArrayList<>(sent.size());
            for (Future<RecordMetadata> future : sent) {
                landed.add(future.get(size.timeout().toMillis(), TimeUnit.MILLISECONDS));
            }
            return landed;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while publishing", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("cannot publish: " + e.getMessage(), e);
        }
    }

    /**
     * Waits until everything published so far is in PostgreSQL: the processor has committed past every
     * input, then past its own state topics and the status contributions, then the sink's offsets stored
     * with the rows are past every state and rejected partition.
     */
    Duration awaitCaughtUp() {
        Instant began = Instant.now();
        CatchUp catchUp = new CatchUp(admin);
        catchUp.awaitProcessed(APPLICATION_ID, names(Topics.INPUTS), size.timeout());
        Instant inputsDone = Instant.now();
        catchUp.awaitSettled(APPLICATION_ID, SyncLedgerTopology.internalTopics(APPLICATION_ID), size.timeout());
        Instant processorDone = Instant.now();
        List<TopicSpec> outputs = new ArrayList<>(Topics.TABLES);
        outputs.add(Topics.REJECTED);
        catchUp.awaitSunk(names(outputs), this::storedSinkOffsets, size.timeout());
        Duration took = Duration.between(began, Instant.now());
        LOG.info("caught up in {} ms: inputs after {} ms, the processor's own topics after {} ms more, the sink after {} ms more",
                took.toMillis(), Duration.between(began, inputsDone).toMillis(), Duration.between(inputsDone, processorDone).toMillis(),
                Duration.between(processorDone, Instant.now()).toMillis());
        return took;
    }

    /** The sink group's offsets as committed with the rows, whichever instance wrote them. */
    Map<TopicPartition, Long> storedSinkOffsets() {
        ConsumerScope scope = new ConsumerScope(broker.clusterId(), SINK_GROUP);
        return jdbi.withExtension(SinkDao.class, dao -> dao.offsets(scope)).stream()
                .collect(Collectors.toMap(o -> new TopicPartition(o.topic(), o.partition()), SinkOffset::nextOffset));
    }

    /** How many input records the processor has committed as processed, over all input partitions. */
    long processedInputs() {
        Set<String> inputs = Set.copyOf(names(Topics.INPUTS));
        try {
            Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(APPLICATION_ID)
                    .partitionsToOffsetAndMetadata().get(30, TimeUnit.SECONDS);
            return committed.entrySet().stream()
                    .filter(e -> e.getValue() != null && inputs.contains(e.getKey().topic()))
                    .mapToLong(e -> e.getValue().offset())
                    .sum();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("cannot read the processor's offsets: " + e.getMessage(), e);
        }
    }

    /** Every transactional id the broker's coordinators know, with the state of its current transaction. */
    Map<String, TransactionState> transactions() {
        try {
            return admin.listTransactions().all().get(30, TimeUnit.SECONDS).stream()
                    .collect(Collectors.toMap(TransactionListing::transactionalId, TransactionListing::state));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("cannot list the broker's transactions: " + e.getMessage(), e);
        }
    }

    /** The state of the current transaction of each of these transactional ids. */
    Map<String, TransactionState> transactionsOf(Set<String> transactionalIds) {
        Map<String, TransactionState> states = new HashMap<>(transactions());
        states.keySet().retainAll(transactionalIds);
        return states;
    }

    /** Whether any of these transactional ids has a transaction the coordinator has not yet completed. */
    boolean anyTransactionOpen(Set<String> transactionalIds) {
        Set<TransactionState> open = Set.of(TransactionState.ONGOING, TransactionState.PREPARE_COMMIT,
                TransactionState.PREPARE_ABORT, TransactionState.PREPARE_EPOCH_FENCE);
        return transactionsOf(transactionalIds).values().stream().anyMatch(open::contains);
    }

    /**
     * The last committed value of every key of a topic, read from its beginning to its end; a key whose
     * last record is a tombstone maps to null.
     */
    Map<String, byte[]> latestValues(String topic) {
        Map<String, Object> config = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(),
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        Map<String, byte[]> latest = new HashMap<>();
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(info -> new TopicPartition(topic, info.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            Instant deadline = Instant.now().plus(size.timeout());
            while (partitions.stream().anyMatch(p -> consumer.position(p) < ends.get(p))) {
                if (Instant.now().isAfter(deadline)) {
                    throw new IllegalStateException("could not read " + topic + " to its end within " + size.timeout());
                }
                consumer.poll(Duration.ofMillis(200)).forEach(record ->
                        latest.put(new String(record.key(), StandardCharsets.UTF_8), record.value()));
            }
        }
        return latest;
    }

    /** How many members of the consumer group hold at least one partition. */
    int membersWithPartitions(String group) {
        try {
            return (int) admin.describeConsumerGroups(List.of(group)).all().get(30, TimeUnit.SECONDS).get(group).members().stream()
                    .filter(member -> !member.assignment().topicPartitions().isEmpty())
                    .count();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("cannot describe group " + group + ": " + e.getMessage(), e);
        }
    }

    OracleComparison compare(LedgerOracle oracle) {
        return OracleComparison.of(jdbi, oracle);
    }

    <T extends AutoCloseable> T keep(T resource) {
        started.push(resource);
        return resource;
    }

    @Override
    public void close() throws Exception {
        Exception failure = null;
        while (!started.isEmpty()) {
            try {
                started.pop().close();
            } catch (Exception e) {
                failure = failure == null ? e : failure;
            }
        }
        admin.close();
        broker.close();
        database.close();
        if (failure != null) {
            throw failure;
        }
    }

    static List<String> names(Collection<TopicSpec> topics) {
        return topics.stream().map(TopicSpec::name).toList();
    }
}
