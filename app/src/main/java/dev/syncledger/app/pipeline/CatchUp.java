package dev.syncledger.app.pipeline;

import dev.syncledger.processor.SyncLedgerTopology;
import dev.syncledger.schemas.Topics;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;

/**
 * Answers "has everything published so far reached PostgreSQL?" in two steps: the processor has
 * committed past the end of every input partition, then the sink has stored offsets past the last
 * committed record of every state and rejected partition.
 */
public final class CatchUp {

    private static final long ADMIN_TIMEOUT_SECONDS = 30;

    private final Admin admin;

    public CatchUp(Admin admin) {
        this.admin = admin;
    }

    /**
     * Waits until the processor has folded everything published so far: committed past every input, then through
     * the hops that follow (the repartition to a connector's task and the owner answers that release parked events),
     * whose rows go out in later transactions than their inputs' offsets.
     */
    public void awaitFolded(String applicationId, Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        awaitProcessed(applicationId, Topics.INPUTS.stream().map(Topics.TopicSpec::name).toList(), timeout);
        awaitSettled(applicationId, SyncLedgerTopology.internalTopics(applicationId), Duration.between(Instant.now(), deadline));
    }

    public void awaitProcessed(String applicationId, Collection<String> inputTopics, Duration timeout) {
        Map<TopicPartition, Long> ends = logEnds(inputTopics);
        awaitReached("the processor", ends, () -> groupOffsets(applicationId), timeout);
    }

    /**
     * Waits until the processor has committed past the end of every one of {@code topics} and no new record has
     * come to any of them meanwhile: for topics it both reads and writes, such as its repartition by connector
     * and the owners that come back from it, one pass may feed the next.
     */
    public void awaitSettled(String applicationId, Collection<String> topics, Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        Map<TopicPartition, Long> ends = logEnds(topics);
        while (true) {
            awaitReached("the processor", ends, () -> groupOffsets(applicationId), Duration.between(Instant.now(), deadline));
            Map<TopicPartition, Long> now = logEnds(topics);
            if (now.equals(ends)) {
                return;
            }
            ends = now;
        }
    }

    public void awaitSunk(Collection<String> outputTopics, Supplier<Map<TopicPartition, Long>> sinkOffsets, Duration timeout) {
        awaitReached("the sink", logEnds(outputTopics), sinkOffsets, timeout);
    }

    /**
     * The log end offset of every partition. Not the last stable offset: a transaction's commit
     * markers are written after the commit returns, so right after the processor commits, the LSO of
     * an output topic can still stand before the records it just committed, and a wait on it would end
     * early. A read_committed consumer's position always ends up at or past the log end, over markers
     * and aborted records alike, so the log end is a target it reaches exactly when it has read it all.
     */
    public Map<TopicPartition, Long> logEnds(Collection<String> topics) {
        try {
            Map<String, TopicDescription> descriptions = admin.describeTopics(topics).allTopicNames()
                    .get(ADMIN_TIMEOUT_SECONDS, TimeUnit.SECONDS);
            Map<TopicPartition, OffsetSpec> request = new HashMap<>();
            descriptions.values().forEach(topic -> topic.partitions().forEach(
                    p -> request.put(new TopicPartition(topic.name(), p.partition()), OffsetSpec.latest())));
            return admin.listOffsets(request, new ListOffsetsOptions(IsolationLevel.READ_UNCOMMITTED)).all()
                    .get(ADMIN_TIMEOUT_SECONDS, TimeUnit.SECONDS)
                    .entrySet().stream()
                    .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().offset()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new PipelineException("cannot read topic offsets from the broker: " + e.getMessage(), e);
        }
    }

    private Map<TopicPartition, Long> groupOffsets(String groupId) {
        try {
            Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(groupId)
                    .partitionsToOffsetAndMetadata().get(ADMIN_TIMEOUT_SECONDS, TimeUnit.SECONDS);
            Map<TopicPartition, Long> offsets = new HashMap<>();
            committed.forEach((tp, om) -> {
                if (om != null) {
                    offsets.put(tp, om.offset());
                }
            });
            return offsets;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new PipelineException("cannot read the processor's committed offsets: " + e.getMessage(), e);
        }
    }

    private static void awaitReached(String who, Map<TopicPartition, Long> targets, Supplier<Map<TopicPartition, Long>> progress,
                                     Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        while (!reached(targets, progress.get())) {
            if (Instant.now().isAfter(deadline)) {
                throw new PipelineException(who + " did not catch up within " + timeout.toSeconds()
                        + " s; raise --timeout or look at the log lines above");
            }
            Pause.briefly();
        }
    }

    static boolean reached(Map<TopicPartition, Long> targets, Map<TopicPartition, Long> progress) {
        return targets.entrySet().stream()
                .allMatch(target -> target.getValue() == 0 || progress.getOrDefault(target.getKey(), 0L) >= target.getValue());
    }
}
