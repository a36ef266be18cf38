package dev.syncledger.sink.write;

import static org.assertj.core.api.Assertions.assertThat;

import dev.syncledger.schemas.ConnectorSyncStatus;
import dev.syncledger.sink.fixtures.SinkRecords;
import dev.syncledger.sink.db.SyncLogRow;
import java.util.List;
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
        assertThat(syncLogs(batch)).extracting(SyncLogRow::workspaceConnectorSyncLogId).containsExactlyInAnyOrder(id, other);
        assertThat(syncLogs(batch)).filteredOn(row -> row.workspaceConnectorSyncLogId().equals(id))
                .singleElement()
                .satisfies(row -> assertThat(row.revision()).isEqualTo(2));
    }

    @Test
    void shouldTurnATombstoneThatComesLastIntoADeletion() {
        UUID id = UUID.randomUUID();

        SinkBatch batch = records.batch(records.state(records.syncLog(id)), records.tombstone(id));

        assertThat(syncLogs(batch)).isEmpty();
        assertThat(List.<Object>copyOf(batch.table(SinkRecords.STATE_TOPIC).deletions())).containsExactly(id);
    }

    @Test
    void shouldOrderUpsertsBySyncLogIdSoThatConcurrentSinksLockRowsInTheSameOrder() {
        SinkBatch batch = records.batch(
                records.state(records.syncLog()), records.state(records.syncLog()), records.state(records.syncLog()));

        assertThat(syncLogs(batch)).extracting(SyncLogRow::workspaceConnectorSyncLogId).isSorted();
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
        assertThat(syncLogs(batch)).hasSize(2);
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

        assertThat(syncLogs(batch)).isEmpty();
        assertThat(batch.rejections()).hasSize(2).allSatisfy(r -> assertThat(r.reason()).isEqualTo(SinkRefusals.UNDECODABLE));
    }

    private static List<SyncLogRow> syncLogs(SinkBatch batch) {
        return batch.table(SinkRecords.STATE_TOPIC).rows().stream().map(SyncLogRow.class::cast).toList();
    }
}
