package dev.syncledger.sink.write;

import java.util.Set;
import org.apache.kafka.common.TopicPartition;

/**
 * The database already holds offsets past where this batch starts: another consumer of the group (the
 * partitions' new owner) has written them since this one read its records, so this one is a zombie
 * for those partitions. Its batch is rolled back; the consumer must read its positions again.
 */
public final class SinkFencedException extends RuntimeException {

    private final Set<TopicPartition> partitions;

    public SinkFencedException(Set<TopicPartition> partitions) {
        super("sink_offsets is already past this batch on " + partitions + ": another consumer of the group wrote them; batch rolled back");
        this.partitions = Set.copyOf(partitions);
    }

    public Set<TopicPartition> partitions() {
        return partitions;
    }
}
