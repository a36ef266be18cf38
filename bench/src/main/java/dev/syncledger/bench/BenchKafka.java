package dev.syncledger.bench;

import dev.syncledger.app.broker.EmbeddedKafkaBroker;
import dev.syncledger.app.events.EventPublisher;
import dev.syncledger.app.events.OutgoingEvent;
import dev.syncledger.app.pipeline.CatchUp;
import dev.syncledger.processor.StreamsSettings;
import dev.syncledger.processor.TopologyConfig;
import dev.syncledger.processor.topics.TopicProvisioner;
import dev.syncledger.schemas.Topics;
import dev.syncledger.schemas.Topics.TopicSpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.TreeMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;

/**
 * The in-process broker the stages share, and the work folder their processors keep state in;
 * closing stops the broker and deletes the folder. Each stage starts from fresh topics: the
 * processor's topic names are fixed, and one stage's records must not be the next one's input.
 */
final class BenchKafka implements AutoCloseable {

    static final int PARTITIONS = 4;
    static final Duration CATCH_UP_TIMEOUT = Duration.ofMinutes(30);
    static final Duration START_TIMEOUT = Duration.ofSeconds(120);
    private static final long ADMIN_TIMEOUT_SECONDS = 60;

    private final Path work;
    private final EmbeddedKafkaBroker broker;
    private final Admin admin;
    private final TopologyConfig topology = TopologyConfig.defaults();

    private BenchKafka(Path work, EmbeddedKafkaBroker broker, Admin admin) {
        this.work = work;
        this.broker = broker;
        this.admin = admin;
    }

    static BenchKafka start() {
        Path work;
        try {
            work = Files.createTempDirectory("sync-ledger-bench-kafka-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(work.resolve("kafka"));
        Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()));
        return new BenchKafka(work, broker, admin);
    }

    /**
     * Deletes one topic and creates it again, empty: for a topic a topology reads under every application id (the
     * connector owners), so that one run does not start from the answers another wrote.
     */
    void freshTopic(TopicSpec spec) {
        deleteAndAwait(Set.of(spec.name()));
        new TopicProvisioner(admin).ensure(List.of(spec), PARTITIONS, (short) 1);
    }

    /** Deletes every topic the previous stage left, then creates sync-ledger's topics and {@code more}, empty. */
    void freshTopics(List<TopicSpec> more) {
        try {
            deleteAndAwait(admin.listTopics().names().get(ADMIN_TIMEOUT_SECONDS, TimeUnit.SECONDS));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("cannot list the topics: " + e.getMessage(), e);
        }
        TopicProvisioner provisioner = new TopicProvisioner(admin);
        provisioner.ensure(PARTITIONS, (short) 1);
        if (!more.isEmpty()) {
            provisioner.ensure(more, PARTITIONS, (short) 1);
        }
    }

    /** Deletes the topics and waits until the broker no longer lists any of them: deletion completes asynchronously. */
    private void deleteAndAwait(Set<String> topics) {
        if (topics.isEmpty()) {
            return;
        }
        try {
            admin.deleteTopics(topics).all().get(ADMIN_TIMEOUT_SECONDS, TimeUnit.SECONDS);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(ADMIN_TIMEOUT_SECONDS);
            while (admin.listTopics().names().get(ADMIN_TIMEOUT_SECONDS, TimeUnit.SECONDS).stream().anyMatch(topics::contains)) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("topics " + topics + " were not deleted in time");
                }
                ProcessorBenchmark.sleep(Duration.ofMillis(50));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("cannot delete topics " + topics + ": " + e.getMessage(), e);
        }
    }

    /** Input topics that never delete: the state run stamps records with event times weeks old. */
    void keepInputsForever() {
        Map<ConfigResource, Collection<AlterConfigOp>> forever = new HashMap<>();
        for (TopicSpec input : Topics.INPUTS) {
            forever.put(new ConfigResource(ConfigResource.Type.TOPIC, input.name()),
                    List.of(new AlterConfigOp(new ConfigEntry(TopicConfig.RETENTION_MS_CONFIG, "-1"), AlterConfigOp.OpType.SET)));
        }
        try {
            admin.incrementalAlterConfigs(forever).all().get(ADMIN_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("cannot keep the input topics forever: " + e.getMessage(), e);
        }
    }

    String bootstrapServers() {
        return broker.bootstrapServers();
    }

    Admin admin() {
        return admin;
    }

    TopologyConfig topology() {
        return topology;
    }

    /**
     * Settings for one processor run; every run has its own application id and state folder. The system property
     * {@code bench.commitMs} overrides the commit interval, for experiments.
     */
    StreamsSettings streams(String applicationId, String guarantee) {
        StreamsSettings defaults = StreamsSettings.defaults(bootstrapServers(), work.resolve("streams-" + applicationId));
        Duration commitInterval = Duration.ofMillis(Long.getLong("bench.commitMs", defaults.commitInterval().toMillis()));
        return new StreamsSettings(applicationId, defaults.kafka(), defaults.stateDir(), guarantee,
                Integer.getInteger("bench.threads", defaults.threads()), commitInterval, defaults.replicationFactor(), defaults.storeMemoryBytes(), Map.of());
    }

    EventPublisher publisher() {
        return new EventPublisher(bootstrapServers(), topology.serde());
    }

    /** Publishes every event and waits until the broker has them all. */
    long publishAll(Iterable<OutgoingEvent> events) {
        long published = 0;
        try (EventPublisher publisher = publisher()) {
            for (OutgoingEvent event : events) {
                publisher.publish(event);
                published++;
            }
            publisher.flush();
        }
        return published;
    }

    /** Until the processor has committed past every input and through its second hop, the status topology. */
    void awaitFolded(String applicationId) {
        new CatchUp(admin).awaitFolded(applicationId, CATCH_UP_TIMEOUT);
    }

    /** The sum over partitions of each topic's end offset. */
    Map<String, Long> endOffsets() {
        try {
            Set<String> names = admin.listTopics().names().get(ADMIN_TIMEOUT_SECONDS, TimeUnit.SECONDS);
            Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
            admin.describeTopics(names).allTopicNames().get(ADMIN_TIMEOUT_SECONDS, TimeUnit.SECONDS).values()
                    .forEach(topic -> topic.partitions().forEach(
                            partition -> latest.put(new TopicPartition(topic.name(), partition.partition()), OffsetSpec.latest())));
            Map<String, Long> ends = new TreeMap<>();
            admin.listOffsets(latest).all().get(ADMIN_TIMEOUT_SECONDS, TimeUnit.SECONDS)
                    .forEach((partition, info) -> ends.merge(partition.topic(), info.offset(), Long::sum));
            return ends;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("cannot read the topics' end offsets: " + e.getMessage(), e);
        }
    }

    void awaitProcessed(String applicationId, List<String> topics) {
        new CatchUp(admin).awaitProcessed(applicationId, topics, CATCH_UP_TIMEOUT);
    }

    static List<String> names(List<TopicSpec> specs) {
        return specs.stream().map(TopicSpec::name).toList();
    }

    @Override
    public void close() {
        admin.close();
        broker.close();
        WorkFolder.delete(work);
    }
}
