package dev.syncledger.sink.write;

import static org.assertj.core.api.Assertions.assertThat;

import dev.syncledger.schemas.ConnectorSyncStatus;
import dev.syncledger.schemas.state.ConnectorStatus;
import dev.syncledger.sink.db.ConnectorStatusRow;
import dev.syncledger.sink.db.ConsumerScope;
import dev.syncledger.sink.fixtures.PostgresSchema;
import dev.syncledger.sink.fixtures.SinkRecords;
import dev.syncledger.sink.fixtures.StoredRows;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** connector_status: one version-guarded row per workspace connector. */
class ConnectorStatusSinkIT {

    @RegisterExtension
    static final PostgresSchema POSTGRES = new PostgresSchema();

    private static final String TOPIC = SinkRecords.CONNECTOR_STATUS_TOPIC;
    private static final Instant LAST_RUN = SinkRecords.CREATED_AT.plusSeconds(3600);
    private static final Instant LAST_SUCCESS = SinkRecords.CREATED_AT;

    private SinkRecords records;
    private SinkWriter writer;

    @BeforeEach
    void setUp() {
        records = new SinkRecords();
        writer = new SinkWriter(POSTGRES.database(), new ConsumerScope("test-cluster", "connector-status-sink-test"));
    }

    @Test
    void shouldInsertAConnectorsStatusAndItsParentsOnFirstSight() {
        UUID lastRun = UUID.randomUUID();

        WriteResult result = writer.write(records.batch(records.state(failing(lastRun, 7))));

        assertThat(result).isEqualTo(new WriteResult(1, 0, 0));
        assertThat(stored().workspaceOfConnector(records.connectorId)).contains(records.workspaceId);
        ConnectorStatusRow row = stored().connectorStatus(records.connectorId).orElseThrow();
        assertThat(row.workspaceId()).isEqualTo(records.workspaceId);
        assertThat(row.workspaceConnectorId()).isEqualTo(records.connectorId);
        assertThat(row.lastSyncLogId()).isEqualTo(lastRun);
        assertThat(row.lastSyncStatus()).isEqualTo("error");
        assertThat(row.lastSyncCreatedAt()).isEqualTo(LAST_RUN);
        assertThat(row.lastSuccessAt()).isEqualTo(LAST_SUCCESS);
        assertThat(row.lastErrorAt()).isEqualTo(LAST_RUN.plusSeconds(30));
        assertThat(row.lastError()).isEqualTo("token expired");
        assertThat(row.consecutiveFailures()).isEqualTo(2);
        assertThat(row.totalRuns()).isEqualTo(5);
        assertThat(row.succeededRuns()).isEqualTo(3);
        assertThat(row.failedRuns()).isEqualTo(2);
        assertThat(row.recordsSyncedTotal()).isEqualTo(936);
        assertThat(row.activeFailureDiagnostics()).isEqualTo(4);
        assertThat(row.activeInformationalDiagnostics()).isEqualTo(1);
        assertThat(row.activeInputDocuments()).isEqualTo(12);
        assertThat(row.activeOutputDocuments()).isEqualTo(3);
        assertThat(row.updatedAt()).isEqualTo(LAST_RUN.plusSeconds(30));
        assertThat(row.revision()).isEqualTo(7);
    }

    @Test
    void shouldStoreAConnectorWithoutRunsWithNullsAndZeros() {
        writer.write(records.batch(records.state(records.connectorStatus())));

        ConnectorStatusRow row = stored().connectorStatus(records.connectorId).orElseThrow();
        assertThat(row.lastSyncLogId()).isNull();
        assertThat(row.lastSyncStatus()).isNull();
        assertThat(row.lastSyncCreatedAt()).isNull();
        assertThat(row.lastSuccessAt()).isNull();
        assertThat(row.lastErrorAt()).isNull();
        assertThat(row.lastError()).isNull();
        assertThat(row.totalRuns()).isZero();
        assertThat(row.consecutiveFailures()).isZero();
    }

    @Test
    void shouldUpdateTheRowOnANewerRevision() {
        writer.write(records.batch(records.state(records.connectorStatus())));

        writer.write(records.batch(records.state(failing(UUID.randomUUID(), 2))));

        assertThat(stored().connectorStatus(records.connectorId)).map(ConnectorStatusRow::consecutiveFailures).contains(2);
        assertThat(stored().connectorStatusCount()).isEqualTo(1);
    }

    @Test
    void shouldKeepTheRowWhenAnOlderRevisionArrives() {
        writer.write(records.batch(records.state(failing(UUID.randomUUID(), 9))));
        ConnectorStatusRow newest = stored().connectorStatus(records.connectorId).orElseThrow();

        writer.write(records.batch(records.state(records.connectorStatus().setRevision(8))));
        writer.write(records.batch(records.state(records.connectorStatus().setRevision(9))));

        assertThat(stored().connectorStatus(records.connectorId)).contains(newest);
    }

    @Test
    void shouldWriteOnlyTheLastValueOfAConnectorInABatch() {
        SinkRecords other = new SinkRecords();

        WriteResult result = writer.write(records.batch(
                records.state(records.connectorStatus()),
                records.state(other.connectorStatus()),
                records.state(failing(UUID.randomUUID(), 3)),
                records.state(records.connectorStatus().setTotalRuns(1).setSucceededRuns(1).setRevision(2))));

        assertThat(result.rowsWritten()).isEqualTo(2);
        assertThat(stored().connectorStatus(records.connectorId)).map(ConnectorStatusRow::revision).contains(2L);
        assertThat(stored().connectorStatus(other.connectorId)).isPresent();
    }

    @Test
    void shouldShareTheConnectorAndWorkspaceWithTheConnectorsOtherRows() {
        writer.write(records.batch(records.state(records.syncLog()), records.state(records.diagnostic())));

        writer.write(records.batch(records.state(records.connectorStatus())));

        assertThat(stored().connectorCount()).isEqualTo(1);
        assertThat(stored().workspaceIds()).containsExactly(records.workspaceId);
    }

    @Test
    void shouldDeleteTheRowOnTombstone() {
        writer.write(records.batch(records.state(records.connectorStatus())));

        WriteResult result = writer.write(records.batch(records.tombstone(TOPIC, records.connectorId)));

        assertThat(result).isEqualTo(new WriteResult(0, 1, 0));
        assertThat(stored().connectorStatus(records.connectorId)).isEmpty();
        assertThat(stored().connectorCount()).isEqualTo(1);
    }

    @Test
    void shouldChangeNothingWhenABatchIsReplayed() {
        SinkRecords other = new SinkRecords();
        writer.write(records.batch(records.state(other.connectorStatus())));
        List<ConsumerRecord<byte[], byte[]>> batch = List.of(
                records.state(failing(UUID.randomUUID(), 2)),
                records.tombstone(TOPIC, other.connectorId));
        writer.write(records.batch(batch));
        List<String> before = stored().snapshot();

        replayingGroup().write(records.batch(batch));

        assertThat(stored().snapshot()).containsExactlyElementsOf(before);
    }

    @Test
    void shouldSetAsideAStatusWhoseCountsDoNotAddUp() {
        ConsumerRecord<byte[], byte[]> impossible = records.state(records.connectorStatus().setTotalRuns(1).setFailedRuns(2));

        WriteResult result = writer.write(records.batch(impossible, records.state(new SinkRecords().connectorStatus())));

        assertThat(result).isEqualTo(new WriteResult(1, 0, 1));
        assertThat(stored().connectorStatus(records.connectorId)).isEmpty();
        assertThat(stored().rejectedEvents()).singleElement().satisfies(rejection -> {
            assertThat(rejection.reason()).isEqualTo(SinkRefusals.UNWRITABLE);
            assertThat(rejection.message())
                    .startsWith("PostgreSQL refused connector status " + records.connectorId + " revision 1: ")
                    .contains("connector_status_runs_add_up");
        });
    }

    private ConnectorStatus.Builder failing(UUID lastRun, long revision) {
        return records.connectorStatus()
                .setLastSyncLogId(lastRun)
                .setLastSyncStatus(ConnectorSyncStatus.error)
                .setLastSyncCreatedAt(LAST_RUN)
                .setLastSuccessAt(LAST_SUCCESS)
                .setLastErrorAt(LAST_RUN.plusSeconds(30))
                .setLastError("token expired")
                .setConsecutiveFailures(2)
                .setTotalRuns(5)
                .setSucceededRuns(3)
                .setFailedRuns(2)
                .setRecordsSyncedTotal(936)
                .setActiveFailureDiagnostics(4)
                .setActiveInformationalDiagnostics(1)
                .setActiveInputDocuments(12)
                .setActiveOutputDocuments(3)
                .setUpdatedAt(LAST_RUN.plusSeconds(30))
                .setRevision(revision);
    }

    private StoredRows stored() {
        return POSTGRES.jdbi().onDemand(StoredRows.class);
    }

    /** A writer of another consumer group re-reading the topic from the start: its offsets cannot stop a replay, only the rows' guards can. */
    private SinkWriter replayingGroup() {
        return new SinkWriter(POSTGRES.database(), new ConsumerScope("test-cluster", "replaying-" + UUID.randomUUID()));
    }
}
