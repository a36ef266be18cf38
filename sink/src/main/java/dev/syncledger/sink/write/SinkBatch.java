package dev.syncledger.sink.write;

import dev.syncledger.sink.db.RejectedEventRow;
import dev.syncledger.sink.table.ParentRequest;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;

/**
 * The records of one or more polls, reduced to what the database needs: per state table the last change per
 * key (as compaction would keep it), every rejection, and where each partition resumes once this
 * batch is committed.
 */
public final class SinkBatch {

    private final int batchSize;
    private final List<TableBatch<?, ?>> tables;
    private final List<RejectedEventRow> rejections;
    private final Map<TopicPartition, Long> nextOffsets;
    private final Map<TopicPartition, Long> firstOffsets;
    private final ParentRequest parents;

    private SinkBatch(int batchSize, List<TableBatch<?, ?>> tables, List<RejectedEventRow> rejections,
                      Map<TopicPartition, Long> nextOffsets, Map<TopicPartition, Long> firstOffsets, ParentRequest parents) {
        this.batchSize = batchSize;
        this.tables = tables;
        this.rejections = rejections;
        this.nextOffsets = nextOffsets;
        this.firstOffsets = firstOffsets;
        this.parents = parents;
    }

    /**
     * Records in poll order; within a table, a later record for a key replaces an earlier one.
     *
     * @throws IllegalArgumentException for a record of a topic the sink does not read
     */
    public static SinkBatch of(Iterable<ConsumerRecord<byte[], byte[]>> records, SinkRecordReader reader) {
        Builder builder = builder(reader);
        builder.addAll(records);
        return builder.build();
    }

    /** An empty batch to which the records of several polls can be added, in poll order. */
    public static Builder builder(SinkRecordReader reader) {
        return new Builder(reader);
    }

    /**
     * The same batch, resuming at least at these consumer positions: with read_committed a position can
     * be past the last record returned (transaction markers, aborted records).
     */
    public SinkBatch resumingAt(Map<TopicPartition, Long> positions) {
        Map<TopicPartition, Long> merged = new HashMap<>(nextOffsets);
        positions.forEach((partition, position) -> merged.merge(partition, position, Math::max));
        return new SinkBatch(batchSize, tables, rejections, Map.copyOf(merged), firstOffsets, parents);
    }

    /** How many consumer records went into this batch. */
    public int batchSize() {
        return batchSize;
    }

    public boolean isEmpty() {
        return batchSize == 0;
    }

    /** What its transaction writes: every table's rows and deletions, and the rejections. */
    int rows() {
        return tables.stream().mapToInt(table -> table.rows().size() + table.deletions().size()).sum() + rejections.size();
    }

    /** Per partition, the offset after the batch's last record: where to resume once it is committed. */
    public Map<TopicPartition, Long> nextOffsets() {
        return nextOffsets;
    }

    /**
     * Per partition of {@link #nextOffsets()}, the highest offset the database may already hold for this
     * batch to be the continuation of what is stored: its first record's offset, or for a partition with
     * no record (only markers stepped over), its next offset. A higher stored offset means another
     * consumer has written past this batch's records.
     */
    public Map<TopicPartition, Long> latestContinuableOffsets() {
        Map<TopicPartition, Long> limits = new HashMap<>(nextOffsets);
        limits.putAll(firstOffsets);
        return limits;
    }

    /** Every state table's share, in write order; a table without records has an empty share. */
    List<TableBatch<?, ?>> tables() {
        return tables;
    }

    /** The share of the table filled from this state topic. */
    TableBatch<?, ?> table(String topic) {
        return tables.stream().filter(table -> table.topic().equals(topic)).findFirst()
                .orElseThrow(() -> new NoSuchElementException("no state table for topic " + topic));
    }

    List<RejectedEventRow> rejections() {
        return rejections;
    }

    /** The parent rows the batch's rows point at, gathered as the batch was built, off the writer's critical path. */
    ParentRequest parents() {
        return parents;
    }

    @Override
    public String toString() {
        int rows = tables.stream().mapToInt(table -> table.rows().size()).sum();
        int deletions = tables.stream().mapToInt(table -> table.deletions().size()).sum();
        return "SinkBatch[" + batchSize + " records: " + rows + " rows, " + deletions + " deletions, "
                + rejections.size() + " rejections]";
    }

    /** Decodes records as they are added, keeping per state table only the last change per key. */
    public static final class Builder {

        private final SinkRecordReader reader;
        private final Map<String, TableBatch.Builder<?, ?>> builders;
        private final List<RejectedEventRow> rejections = new ArrayList<>();
        private final Map<TopicPartition, Long> nextOffsets = new HashMap<>();
        private final Map<TopicPartition, Long> firstOffsets = new HashMap<>();
        private int batchSize;
        private long bytes;

        private Builder(SinkRecordReader reader) {
            this.reader = reader;
            this.builders = reader.tableBuilders();
        }

        /** @throws IllegalArgumentException for a record of a topic the sink does not read */
        public void addAll(Iterable<ConsumerRecord<byte[], byte[]>> records) {
            for (ConsumerRecord<byte[], byte[]> record : records) {
                add(record);
            }
        }

        private void add(ConsumerRecord<byte[], byte[]> record) {
            batchSize++;
            bytes += Math.max(0, record.serializedKeySize()) + Math.max(0, record.serializedValueSize());
            TopicPartition partition = new TopicPartition(record.topic(), record.partition());
            nextOffsets.merge(partition, record.offset() + 1, Math::max);
            firstOffsets.merge(partition, record.offset(), Math::min);
            RecordOrigin origin = RecordOrigin.of(record);
            if (reader.isRejectedTopic(record.topic())) {
                rejections.add(reader.readRejected(origin));
                return;
            }
            TableBatch.Builder<?, ?> builder = builders.get(record.topic());
            if (builder == null) {
                throw new IllegalArgumentException("the sink does not read topic " + record.topic());
            }
            builder.add(origin).ifPresent(rejections::add);
        }

        /** Records added so far. */
        public int records() {
            return batchSize;
        }

        /** What the transaction will write: a row or deletion per key of each table, and each rejection. */
        public int rows() {
            int rows = rejections.size();
            for (TableBatch.Builder<?, ?> builder : builders.values()) {
                rows += builder.size();
            }
            return rows;
        }

        /** Their keys' and values' bytes as they came from Kafka. */
        public long bytes() {
            return bytes;
        }

        public SinkBatch build() {
            rejections.sort(Comparator.comparing(RejectedEventRow::sourceTopic)
                    .thenComparingInt(RejectedEventRow::sourcePartition)
                    .thenComparingLong(RejectedEventRow::sourceOffset));
            List<TableBatch<?, ?>> tables = builders.values().stream().<TableBatch<?, ?>>map(TableBatch.Builder::build).toList();
            ParentRequest parents = new ParentRequest();
            tables.forEach(table -> table.requireParents(parents));
            return new SinkBatch(batchSize, tables, List.copyOf(rejections), Map.copyOf(nextOffsets), Map.copyOf(firstOffsets), parents);
        }
    }
}
