package dev.syncledger.sink.write;

import static org.assertj.core.api.Assertions.assertThat;

import dev.syncledger.schemas.ConnectorSyncStatus;
import dev.syncledger.sink.fixtures.SinkRecords;
import dev.syncledger.sink.write.SinkChange.SyncLogDeletion;
import dev.syncledger.sink.write.SinkChange.SyncLogUpsert;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

class SinkBatchTest {

    private final SinkRecords records = new SinkRecords();

    @Test
    void shouldKeepOnlyTheLastValueOfEachSyncLog() {
        UUID id = UUID.randomUUID();
        UUID other = UUID.randomUUID();

        SinkBatch batch = records.batch(
                records.state(records.syncLog(id).setRevision(1)),
                records.state(records.syncLog(other)),
                records.state(records.syncLog(id).setStatus(ConnectorSyncStatus.in_progress).setRevision(2)));

        assertThat(batch.batchSize()).isEqualTo(3);
        assertThat(batch.upserts()).extracting(SyncLogUpsert::syncLogId).containsExactlyInAnyOrder(id, other);
        assertThat(batch.upserts()).filteredOn(u -> u.syncLogId().equals(id))
                .singleElement()
                .satisfies(u -> assertThat(u.row().revision()).isEqualTo(2));
    }

    @Test
    void shouldTurnATombstoneThatComesLastIntoADeletion() {
        UUID id = UUID.randomUUID();

        SinkBatch batch = records.batch(records.state(records.syncLog(id)), records.tombstone(id));

        assertThat(batch.upserts()).isEmpty();
        assertThat(batch.deletions()).extracting(SyncLogDeletion::syncLogId).containsExactly(id);
    }

    @Test
    void shouldOrderUpsertsBySyncLogIdSoThatConcurrentSinksLockRowsInTheSameOrder() {
        SinkBatch batch = records.batch(
                records.state(records.syncLog()), records.state(records.syncLog()), records.state(records.syncLog()));

        assertThat(batch.upserts()).extracting(SyncLogUpsert::syncLogId).isSorted();
    }

    @Test
    void shouldResumeEachPartitionAfterItsLastRecord() {
        records.state(records.syncLog());
        SinkBatch batch = records.batch(
                records.state(records.syncLog()),
                records.record(SinkRecords.STATE_TOPIC, 3, null, null),
                records.rejected(records.rejectedEvent(1)),
                records.state(records.syncLog()));

        assertThat(batch.nextOffsets()).isEqualTo(Map.of(
                new TopicPartition(SinkRecords.STATE_TOPIC, 0), 3L,
                new TopicPartition(SinkRecords.STATE_TOPIC, 3), 1L,
                new TopicPartition(SinkRecords.REJECTED_TOPIC, 0), 1L));
    }

    @Test
    void shouldResumePastTransactionMarkersWhenTheConsumerPositionIsAhead() {
        SinkBatch batch = records.batch(records.state(records.syncLog()), records.state(records.syncLog()))
                .resumingAt(Map.of(
                        new TopicPartition(SinkRecords.STATE_TOPIC, 0), 3L,
                        new TopicPartition(SinkRecords.REJECTED_TOPIC, 1), 7L));

        assertThat(batch.nextOffsets()).isEqualTo(Map.of(
                new TopicPartition(SinkRecords.STATE_TOPIC, 0), 3L,
                new TopicPartition(SinkRecords.REJECTED_TOPIC, 1), 7L));
        assertThat(batch.batchSize()).isEqualTo(2);
        assertThat(batch.upserts()).hasSize(2);
    }

    @Test
    void shouldNeverMoveAnOffsetBackForAStalePosition() {
        SinkBatch batch = records.batch(records.state(records.syncLog()), records.state(records.syncLog()))
                .resumingAt(Map.of(new TopicPartition(SinkRecords.STATE_TOPIC, 0), 1L));

        assertThat(batch.nextOffsets()).containsEntry(new TopicPartition(SinkRecords.STATE_TOPIC, 0), 2L);
    }

    @Test
    void shouldTurnUndecodableRecordsIntoRejections() {
        SinkBatch batch = records.batch(records.rawState("key", new byte[] {1, 2}), records.rawRejected(null));

        assertThat(batch.upserts()).isEmpty();
        assertThat(batch.rejections()).hasSize(2).allSatisfy(r -> assertThat(r.reason()).isEqualTo(SinkRecordReader.UNDECODABLE));
    }
}
