package dev.syncledger.sink.write;

import dev.syncledger.sink.db.RejectedEventRow;
import dev.syncledger.sink.write.SinkChange.Rejection;
import dev.syncledger.sink.write.SinkChange.SyncLogChange;
import dev.syncledger.sink.write.SinkChange.SyncLogDeletion;
import dev.syncledger.sink.write.SinkChange.SyncLogUpsert;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;

/**
 * The records of one poll, reduced to what the database needs: the last change per sync log (as
 * compaction would keep it), every rejection, and where each partition resumes once this batch is
 * committed.
 */
public final class SinkBatch {

    private final int batchSize;
    private final List<SyncLogUpsert> upserts;
    private final List<SyncLogDeletion> deletions;
    private final List<RejectedEventRow> rejections;
    private final Map<TopicPartition, Long> nextOffsets;

    private SinkBatch(int batchSize, List<SyncLogUpsert> upserts, List<SyncLogDeletion> deletions,
                      List<RejectedEventRow> rejections, Map<TopicPartition, Long> nextOffsets) {
        this.batchSize = batchSize;
        this.upserts = upserts;
        this.deletions = deletions;
        this.rejections = rejections;
        this.nextOffsets = nextOffsets;
    }

    /** Records in poll order; within a partition, a later record for a sync log replaces an earlier one. */
    public static SinkBatch of(Iterable<ConsumerRecord<byte[], byte[]>> records, SinkRecordReader reader) {
        int batchSize = 0;
        // The state topic's key is the sync log id, so this is "last value per (topic, key)".
        Map<UUID, SyncLogChange> lastChanges = new HashMap<>();
        List<RejectedEventRow> rejections = new ArrayList<>();
        Map<TopicPartition, Long> nextOffsets = new HashMap<>();
        for (ConsumerRecord<byte[], byte[]> record : records) {
            batchSize++;
            nextOffsets.merge(new TopicPartition(record.topic(), record.partition()), record.offset() + 1, Math::max);
            SinkChange change = reader.read(record);
            if (change instanceof SyncLogChange syncLogChange) {
                lastChanges.put(syncLogChange.syncLogId(), syncLogChange);
            } else if (change instanceof Rejection rejection) {
                rejections.add(rejection.row());
            }
        }
        List<SyncLogUpsert> upserts = new ArrayList<>();
        List<SyncLogDeletion> deletions = new ArrayList<>();
        for (SyncLogChange change : lastChanges.values()) {
            if (change instanceof SyncLogUpsert upsert) {
                upserts.add(upsert);
            } else if (change instanceof SyncLogDeletion deletion) {
                deletions.add(deletion);
            }
        }
        // One lock order for every sink instance, so two writing the same rows wait instead of deadlocking.
        upserts.sort(Comparator.comparing(SyncLogUpsert::syncLogId));
        deletions.sort(Comparator.comparing(SyncLogDeletion::syncLogId));
        rejections.sort(Comparator.comparing(RejectedEventRow::sourceTopic)
                .thenComparingInt(RejectedEventRow::sourcePartition)
                .thenComparingLong(RejectedEventRow::sourceOffset));
        return new SinkBatch(batchSize, List.copyOf(upserts), List.copyOf(deletions), List.copyOf(rejections),
                Map.copyOf(nextOffsets));
    }

    /**
     * The same batch, resuming at least at these consumer positions: with read_committed a position can
     * be past the last record returned (transaction markers, aborted records).
     */
    public SinkBatch resumingAt(Map<TopicPartition, Long> positions) {
        Map<TopicPartition, Long> merged = new HashMap<>(nextOffsets);
        positions.forEach((partition, position) -> merged.merge(partition, position, Math::max));
        return new SinkBatch(batchSize, upserts, deletions, rejections, Map.copyOf(merged));
    }

    /** How many consumer records went into this batch. */
    public int batchSize() {
        return batchSize;
    }

    public boolean isEmpty() {
        return batchSize == 0;
    }

    /** Per partition, the offset after the batch's last record: where to resume once it is committed. */
    public Map<TopicPartition, Long> nextOffsets() {
        return nextOffsets;
    }

    List<SyncLogUpsert> upserts() {
        return upserts;
    }

    List<SyncLogDeletion> deletions() {
        return deletions;
    }

    List<RejectedEventRow> rejections() {
        return rejections;
    }

    @Override
    public String toString() {
        return "SinkBatch[" + batchSize + " records: " + upserts.size() + " upserts, " + deletions.size()
                + " deletions, " + rejections.size() + " rejections]";
    }
}
