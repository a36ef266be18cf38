package dev.syncledger.sink.write;

import dev.syncledger.sink.db.ConsumerScope;

import static org.assertj.core.api.Assertions.assertThat;

import dev.syncledger.schemas.ConnectorSyncStatus;
import dev.syncledger.schemas.TriggerType;
import dev.syncledger.sink.db.SyncLogRow;
import dev.syncledger.sink.fixtures.PostgresSchema;
import dev.syncledger.sink.fixtures.SinkRecords;
import dev.syncledger.sink.fixtures.StoredRows;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class SinkWriterIT {

    @RegisterExtension
    static final PostgresSchema POSTGRES = new PostgresSchema();

    private SinkRecords records;
    private SinkWriter writer;

    @BeforeEach
    void setUp() {
        records = new SinkRecords();
        writer = new SinkWriter(POSTGRES.database(), new ConsumerScope("test-cluster", "sink-writer-test"));
    }

    @Test
    void shouldShareParentsWithAnotherSinkThatCreatedThemFirst() {
        SinkWriter other = new SinkWriter(POSTGRES.database(), new ConsumerScope("test-cluster", "another-group"));
        UUID first = UUID.randomUUID();
        UUID second = UUID.randomUUID();

        other.write(records.batch(records.state(records.syncLog(first))));
        writer.write(records.batch(records.state(records.syncLog(second))));

        assertThat(stored().workspaceIds()).containsExactly(records.workspaceId);
        assertThat(stored().connectorCount()).isEqualTo(1);
        assertThat(stored().syncLog(first)).isPresent();
        assertThat(stored().syncLog(second)).isPresent();
    }

    @Test
    void shouldCreateAParentAgainWhenItsRowWasDeletedByHandAfterThisSinkCachedIt() {
        UUID first = UUID.randomUUID();
        UUID second = UUID.randomUUID();
        writer.write(records.batch(records.state(records.syncLog(first))));
        POSTGRES.jdbi().useHandle(handle -> handle.execute(
                "TRUNCATE workspaces, workspace_connectors, workspace_connector_sync_logs, connector_status CASCADE"));

        WriteResult result = writer.write(records.batch(records.state(records.syncLog(second))));

        assertThat(result).isEqualTo(new WriteResult(1, 0, 0));
        assertThat(stored().syncLog(second)).get().extracting(SyncLogRow::workspaceId).isEqualTo(records.workspaceId);
        assertThat(stored().rejectedEvents()).isEmpty();
    }

    @Test
    void shouldCreateParentsAndRowOnFirstSight() {
        UUID id = UUID.randomUUID();
        Instant started = SinkRecords.CREATED_AT.plusSeconds(1);
        Instant completed = started.plusMillis(45_000);
        Instant deleted = completed.plusSeconds(60);

        WriteResult result = writer.write(records.batch(records.state(records.syncLog(id)
                .setStatus(ConnectorSyncStatus.error)
                .setTriggerType(TriggerType.oauth_callback)
                .setCloudTaskId("projects/well-prod/locations/europe-west1/queues/connector-sync/tasks/task-7f3b91c2")
                .setStartedAt(started)
                .setCompletedAt(completed)
                .setDurationMs(45_000)
                .setError("token expired")
                .setMetadata("{\"connector_slug\": \"pennylane\"}")
                .setUpdatedAt(completed)
                .setDeletedAt(deleted)
                .setRevision(7))));

        assertThat(result).isEqualTo(new WriteResult(1, 0, 0));
        assertThat(stored().workspaceIds()).containsExactly(records.workspaceId);
        assertThat(stored().workspaceOfConnector(records.connectorId)).contains(records.workspaceId);
        SyncLogRow row = stored().syncLog(id).orElseThrow();
        assertThat(row.workspaceConnectorSyncLogId()).isEqualTo(id);
        assertThat(row.workspaceId()).isEqualTo(records.workspaceId);
        assertThat(row.workspaceConnectorId()).isEqualTo(records.connectorId);
        assertThat(row.status()).isEqualTo("error");
        assertThat(row.triggerType()).isEqualTo("oauth_callback");
        assertThat(row.cloudTaskId()).isEqualTo("projects/well-prod/locations/europe-west1/queues/connector-sync/tasks/task-7f3b91c2");
        assertThat(row.startedAt()).isEqualTo(started);
        assertThat(row.completedAt()).isEqualTo(completed);
        assertThat(row.durationMs()).isEqualTo(45_000);
        assertThat(row.error()).isEqualTo("token expired");
        assertThat(row.metadata()).isEqualTo("{\"connector_slug\": \"pennylane\"}");
        assertThat(row.createdAt()).isEqualTo(SinkRecords.CREATED_AT);
        assertThat(row.updatedAt()).isEqualTo(completed);
        assertThat(row.deletedAt()).isEqualTo(deleted);
        assertThat(row.revision()).isEqualTo(7);
    }

    @Test
    void shouldStoreAbsentOptionalFieldsAsNull() {
        UUID id = UUID.randomUUID();

        writer.write(records.batch(records.state(records.syncLog(id).setTriggerType(null))));

        SyncLogRow row = stored().syncLog(id).orElseThrow();
        assertThat(row.status()).isEqualTo("scheduled");
        assertThat(row.triggerType()).isNull();
        assertThat(row.cloudTaskId()).isNull();
        assertThat(row.startedAt()).isNull();
        assertThat(row.completedAt()).isNull();
        assertThat(row.durationMs()).isNull();
        assertThat(row.error()).isNull();
        assertThat(row.metadata()).isNull();
        assertThat(row.deletedAt()).isNull();
    }

    @Test
    void shouldReuseParentsForLaterRunsOfTheSameConnector() {
        writer.write(records.batch(records.state(records.syncLog())));
        writer.write(records.batch(records.state(records.syncLog()), records.state(records.syncLog())));

        assertThat(stored().syncLogCount()).isEqualTo(3);
        assertThat(stored().workspaceIds()).hasSize(1);
        assertThat(stored().connectorCount()).isEqualTo(1);
    }

    @Test
    void shouldUpdateRowOnNewerRevision() {
        UUID id = UUID.randomUUID();
        writer.write(records.batch(records.state(records.syncLog(id).setRevision(1))));

        writer.write(records.batch(records.state(records.succeeded(id, 2))));

        SyncLogRow row = stored().syncLog(id).orElseThrow();
        assertThat(row.status()).isEqualTo("success");
        assertThat(row.durationMs()).isEqualTo(45_000);
        assertThat(row.revision()).isEqualTo(2);
    }

    @Test
    void shouldKeepRowWhenAnOlderRevisionArrives() {
        UUID id = UUID.randomUUID();
        writer.write(records.batch(records.state(records.succeeded(id, 5))));

        writer.write(records.batch(records.state(records.syncLog(id).setStatus(ConnectorSyncStatus.in_progress).setRevision(4))));
        writer.write(records.batch(records.state(records.syncLog(id).setStatus(ConnectorSyncStatus.in_progress).setRevision(5))));

        SyncLogRow row = stored().syncLog(id).orElseThrow();
        assertThat(row.status()).isEqualTo("success");
        assertThat(row.revision()).isEqualTo(5);
    }

    @Test
    void shouldWriteTheLastValueWhenABatchHoldsAKeySeveralTimes() {
        UUID id = UUID.randomUUID();

        WriteResult result = writer.write(records.batch(
                records.state(records.syncLog(id).setRevision(1)),
                records.state(records.syncLog(id).setStatus(ConnectorSyncStatus.in_progress).setRevision(2)),
                records.state(records.succeeded(id, 3))));

        assertThat(result.rowsWritten()).isEqualTo(1);
        SyncLogRow row = stored().syncLog(id).orElseThrow();
        assertThat(row.status()).isEqualTo("success");
        assertThat(row.revision()).isEqualTo(3);
    }

    @Test
    void shouldDeleteRowOnTombstone() {
        UUID deleted = UUID.randomUUID();
        UUID kept = UUID.randomUUID();
        writer.write(records.batch(records.state(records.syncLog(deleted)), records.state(records.syncLog(kept))));

        WriteResult result = writer.write(records.batch(records.tombstone(deleted)));

        assertThat(result.rowsDeleted()).isEqualTo(1);
        assertThat(stored().syncLog(deleted)).isEmpty();
        assertThat(stored().syncLog(kept)).isPresent();
    }

    @Test
    void shouldDeleteWhenTheLastValueInTheBatchIsATombstone() {
        UUID id = UUID.randomUUID();
        writer.write(records.batch(records.state(records.syncLog(id))));

        writer.write(records.batch(records.state(records.succeeded(id, 2)), records.tombstone(id)));

        assertThat(stored().syncLog(id)).isEmpty();
    }

    @Test
    void shouldWriteAValueThatFollowsATombstoneInTheSameBatch() {
        UUID id = UUID.randomUUID();

        writer.write(records.batch(records.state(records.syncLog(id)), records.tombstone(id), records.state(records.succeeded(id, 2))));

        assertThat(stored().syncLog(id)).map(SyncLogRow::status).contains("success");
    }

    @Test
    void shouldStoreMetadataAsJsonb() {
        UUID id = UUID.randomUUID();

        writer.write(records.batch(records.state(records.succeeded(id, 2)
                .setMetadata("{\"records_synced\": 312, \"pages_fetched\": 4, \"connector_slug\": \"pennylane\"}"))));

        assertThat(stored().metadataType(id)).isEqualTo("object");
        assertThat(stored().recordsSynced(id)).isEqualTo("312");
    }

    @Test
    void shouldStoreTheNextOffsetOfEachPartitionWithTheRows() {
        writer.write(records.batch(
                records.state(records.syncLog()),
                records.state(records.syncLog()),
                records.rejected(records.rejectedEvent(10))));

        assertThat(writer.committedOffsets()).isEqualTo(Map.of(
                new TopicPartition(SinkRecords.STATE_TOPIC, 0), 2L,
                new TopicPartition(SinkRecords.REJECTED_TOPIC, 0), 1L));

        writer.write(records.batch(records.state(records.syncLog())));

        assertThat(writer.committedOffsets()).containsEntry(new TopicPartition(SinkRecords.STATE_TOPIC, 0), 3L);
    }

    @Test
    void shouldKeepTheOffsetsOfEachConsumerGroupApart() {
        SinkWriter otherGroup = new SinkWriter(POSTGRES.database(), new ConsumerScope("test-cluster", "another-group"));
        writer.write(records.batch(records.state(records.syncLog()), records.state(records.syncLog())));

        otherGroup.write(records.batch(records.state(records.syncLog())));

        assertThat(writer.committedOffsets()).containsEntry(new TopicPartition(SinkRecords.STATE_TOPIC, 0), 2L);
        assertThat(otherGroup.committedOffsets()).containsEntry(new TopicPartition(SinkRecords.STATE_TOPIC, 0), 3L);
    }

    private StoredRows stored() {
        return POSTGRES.jdbi().onDemand(StoredRows.class);
    }
}
