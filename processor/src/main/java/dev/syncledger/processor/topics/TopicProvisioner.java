package dev.syncledger.processor.topics;

import dev.syncledger.schemas.Topics;
import dev.syncledger.schemas.Topics.TopicSpec;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.AuthorizationException;
import org.apache.kafka.common.errors.RetriableException;
import org.apache.kafka.common.errors.TopicExistsException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates the topics sync-ledger needs when they are missing, state topics compacted, and refuses to
 * start on a state topic that exists but is not compacted: its rows would silently expire. The processor's
 * internal topic is bounded by size, never by time ({@link #INTERNAL_RETENTION_BYTES}), and an existing one
 * that deletes by time is set so.
 */
public final class TopicProvisioner {

    private static final Logger LOG = LoggerFactory.getLogger(TopicProvisioner.class);
    private static final long TIMEOUT_SECONDS = 30;
    private static final long RETRY_BACKOFF_MS = 100;
    /**
     * Per partition of the internal topic. Its records carry the claiming events' times, weeks old in a replay, so a
     * time retention would delete an owner's answer before the claimant reads it (and the broker would forget the
     * processor's producer with it: out-of-sequence errors for its next write). Answers are read within seconds and
     * are about 100 bytes: this holds millions per partition.
     */
    static final long INTERNAL_RETENTION_BYTES = 256L << 20;
    static final int INTERNAL_SEGMENT_BYTES = 64 << 20;

    private final Admin admin;

    public TopicProvisioner(Admin admin) {
        this.admin = admin;
    }

    public void ensure(int partitions, short replicationFactor) {
        ensure(Topics.ALL, partitions, replicationFactor);
    }

    public void ensure(Collection<TopicSpec> specs, int partitions, short replicationFactor) {
        try {
            Set<String> existing = admin.listTopics().names().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            List<NewTopic> missing = specs.stream()
                    .filter(spec -> !existing.contains(spec.name()))
                    .map(spec -> new NewTopic(spec.name(), partitions, replicationFactor).configs(configOf(spec)))
                    .toList();
            create(missing);
            awaitWritable(missing);
            checkCompacted(specs.stream().filter(spec -> spec.compacted() && existing.contains(spec.name())).toList());
            boundBySize(specs.stream().filter(spec -> spec.role() == TopicSpec.Role.INTERNAL && existing.contains(spec.name())).toList());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while creating topics", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("cannot create the sync-ledger topics: " + rootMessage(e), e);
        }
    }

    private void create(List<NewTopic> missing) throws InterruptedException, ExecutionException, TimeoutException {
        if (missing.isEmpty()) {
            return;
        }
        try {
            admin.createTopics(missing).all().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            // Another instance starting at the same moment may have created them first: that is fine.
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw e;
            }
        }
        LOG.info("created topics {}", missing.stream().map(NewTopic::name).collect(Collectors.joining(", ")));
    }

    /**
     * Returns once every new partition's leader has opened its log. A broker publishes a partition's
     * metadata before it opens the log, and up to Kafka 4.4 an idempotent producer that writes into that
     * gap can lose its first batch: the broker refuses it as not leader, accepts the batch sent after it,
     * then refuses every retry of the first as out of order until the delivery timeout drops it
     * (KAFKA-15591, fixed in 4.5). ListOffsets is answered by the log itself, so once it succeeds for a
     * partition, produce requests to it are taken in order.
     */
    private void awaitWritable(List<NewTopic> created) throws InterruptedException, ExecutionException, TimeoutException {
        if (created.isEmpty()) {
            return;
        }
        Map<TopicPartition, OffsetSpec> partitions = new HashMap<>();
        for (NewTopic topic : created) {
            for (int p = 0; p < topic.numPartitions(); p++) {
                partitions.put(new TopicPartition(topic.name(), p), OffsetSpec.latest());
            }
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(TIMEOUT_SECONDS);
        while (true) {
            try {
                admin.listOffsets(partitions).all().get(remainingMillis(deadline), TimeUnit.MILLISECONDS);
                return;
            } catch (ExecutionException e) {
                // The admin client retries a partition without a leader itself; this covers what it gives up on.
                if (!(e.getCause() instanceof RetriableException) || System.nanoTime() > deadline) {
                    throw e;
                }
                Thread.sleep(RETRY_BACKOFF_MS);
            }
        }
    }

    private static long remainingMillis(long deadlineNanos) {
        return Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadlineNanos - System.nanoTime()));
    }

    private void checkCompacted(List<TopicSpec> stateTopics) throws InterruptedException, ExecutionException, TimeoutException {
        if (stateTopics.isEmpty()) {
            return;
        }
        for (Map.Entry<ConfigResource, Config> entry : configsOf(stateTopics).entrySet()) {
            ConfigEntry policy = entry.getValue().get(TopicConfig.CLEANUP_POLICY_CONFIG);
            if (policy == null || !policy.value().contains(TopicConfig.CLEANUP_POLICY_COMPACT)) {
                throw new IllegalStateException("topic " + entry.getKey().name() + " exists but is not compacted (cleanup.policy="
                        + (policy == null ? "?" : policy.value()) + "); state topics must use cleanup.policy=compact");
            }
        }
    }

    /**
     * An internal topic created before its retention was by size keeps deleting by time: it is set as a new one is.
     * Only when it differs, and a principal without the right to alter topic configs gets a warning saying what to
     * set, not a failed start.
     */
    private void boundBySize(List<TopicSpec> internalTopics) throws InterruptedException, ExecutionException, TimeoutException {
        if (internalTopics.isEmpty()) {
            return;
        }
        Map<ConfigResource, Collection<AlterConfigOp>> changes = new HashMap<>();
        configsOf(internalTopics).forEach((resource, config) -> {
            ConfigEntry retention = config.get(TopicConfig.RETENTION_MS_CONFIG);
            if (retention == null || !"-1".equals(retention.value())) {
                changes.put(resource, internalRetention().entrySet().stream()
                        .map(entry -> new AlterConfigOp(new ConfigEntry(entry.getKey(), entry.getValue()), AlterConfigOp.OpType.SET))
                        .toList());
            }
        });
        if (changes.isEmpty()) {
            return;
        }
        try {
            admin.incrementalAlterConfigs(changes).all().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            LOG.info("internal topics {} now delete by size only", changes.keySet().stream().map(ConfigResource::name).toList());
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof AuthorizationException)) {
                throw e;
            }
            LOG.warn("Internal topics {} delete by time, which can drop an owner's answer when old input is replayed, and this"
                    + " principal may not change that: set {} on them", changes.keySet().stream().map(ConfigResource::name).toList(),
                    internalRetention());
        }
    }

    private Map<ConfigResource, Config> configsOf(List<TopicSpec> topics) throws InterruptedException, ExecutionException, TimeoutException {
        List<ConfigResource> resources = topics.stream()
                .map(spec -> new ConfigResource(ConfigResource.Type.TOPIC, spec.name()))
                .toList();
        return admin.describeConfigs(resources).all().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
    }

    private static Map<String, String> configOf(TopicSpec spec) {
        if (spec.compacted()) {
            return Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT);
        }
        if (spec.role() == TopicSpec.Role.INTERNAL) {
            Map<String, String> config = new HashMap<>(internalRetention());
            config.put(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_DELETE);
            return Map.copyOf(config);
        }
        return Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_DELETE);
    }

    private static Map<String, String> internalRetention() {
        return Map.of(
                TopicConfig.RETENTION_MS_CONFIG, "-1",
                TopicConfig.RETENTION_BYTES_CONFIG, Long.toString(INTERNAL_RETENTION_BYTES),
                TopicConfig.SEGMENT_BYTES_CONFIG, Integer.toString(INTERNAL_SEGMENT_BYTES));
    }

    private static String rootMessage(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
    }
}
