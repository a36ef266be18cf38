package dev.syncledger.sink.write;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.syncledger.schemas.Topics;
import dev.syncledger.schemas.Topics.TopicSpec;
import dev.syncledger.schemas.serde.SerdeConfig;
import dev.syncledger.sink.db.ConsumerScope;
import dev.syncledger.sink.db.DiagnosticRow;
import dev.syncledger.sink.db.DocumentLinkKey;
import dev.syncledger.sink.db.DocumentLinkRow;
import dev.syncledger.sink.db.RejectedEventRow;
import dev.syncledger.sink.fixtures.PostgresSchema;
import dev.syncledger.sink.fixtures.SinkRecords;
import dev.syncledger.sink.fixtures.StoredRows;
import dev.syncledger.sink.table.StateTable;
import dev.syncledger.sink.table.StateTables;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** One batch holding every state topic: one transaction, one lock order, one set of offsets. */
class AllStateTablesIT {

    @RegisterExtension
    static final PostgresSchema POSTGRES = new PostgresSchema();

    private SinkRecords records;
    private UUID syncLogId;
    private UUID diagnosticId;
    private UUID documentId;
    private UUID collectId;
    private SinkBatch mixed;

    @BeforeEach
    void setUp() {
        records = new SinkRecords();
        syncLogId = UUID.randomUUID();
        diagnosticId = UUID.randomUUID();
        documentId = UUID.randomUUID();
        collectId = UUID.randomUUID();
        mixed = records.batch(
                records.state(records.succeeded(syncLogId, 3)),
                records.state(records.diagnostic(diagnosticId)),
                records.state(records.link(documentId)),
                records.state(records.collect(collectId).setTaskId(UUID.randomUUID())),
                records.state(records.connectorStatus()),
                records.rejected(records.rejectedEvent(4)));
    }

    @Test
    void shouldSubscribeToEveryStateTopicTheAlertsAndTheRejectedTopic() {
        List<String> expected = new ArrayList<>(Topics.TABLES.stream().map(TopicSpec::name).toList());
        expected.add(Topics.REJECTED.name());

        assertThat(SinkRecordReader.TOPICS).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(StateTables.all(SerdeConfig.withoutRegistry())).extracting(StateTable::topic)
                .containsExactlyInAnyOrderElementsOf(Topics.TABLES.stream().map(TopicSpec::name).toList());
    }

    @Test
    void shouldWriteEveryTableRejectionAndOffsetOfABatchInOneTransaction() {
        WriteResult result = writer(SinkFaultHook.NONE).write(mixed);

        assertThat(result).isEqualTo(new WriteResult(5, 0, 1));
        assertThat(stored().syncLog(syncLogId)).isPresent();
        assertThat(stored().diagnostic(diagnosticId)).isPresent();
        assertThat(stored().link(new DocumentLinkKey(documentId, records.connectorId, "input"))).isPresent();
        assertThat(stored().collect(collectId)).isPresent();
        assertThat(stored().connectorStatus(records.connectorId)).isPresent();
        assertThat(stored().rejectedEvents()).hasSize(1);
        assertThat(stored().workspaceIds()).containsExactly(records.workspaceId);
        assertThat(stored().connectorCount()).isEqualTo(1);
        assertThat(writer(SinkFaultHook.NONE).committedOffsets()).isEqualTo(Map.of(
                new TopicPartition(SinkRecords.STATE_TOPIC, 0), 1L,
                new TopicPartition(SinkRecords.DIAGNOSTIC_TOPIC, 0), 1L,
                new TopicPartition(SinkRecords.DOCUMENT_LINK_TOPIC, 0), 1L,
                new TopicPartition(SinkRecords.COLLECT_TOPIC, 0), 1L,
                new TopicPartition(SinkRecords.CONNECTOR_STATUS_TOPIC, 0), 1L,
                new TopicPartition(SinkRecords.REJECTED_TOPIC, 0), 1L));
    }

    @Test
    void shouldLeaveNoRowOfAnyTableWhenTheBatchFailsBeforeCommit() {
        SinkWriter failing = writer(batch -> {
            throw new IllegalStateException("simulated failure before commit");
        });

        assertThatThrownBy(() -> failing.write(mixed)).hasMessage("simulated failure before commit");

        assertThat(stored().snapshot()).isEmpty();
        assertThat(writer(SinkFaultHook.NONE).committedOffsets()).isEmpty();
    }

    @Test
    void shouldKeepTheSameKeyOnDifferentTopicsApart() {
        UUID shared = UUID.randomUUID();

        WriteResult result = writer(SinkFaultHook.NONE).write(records.batch(
                records.state(records.syncLog(shared)),
                records.state(records.diagnostic(shared)),
                records.state(records.collect(shared)),
                records.tombstone(SinkRecords.DIAGNOSTIC_TOPIC, UUID.randomUUID())));

        assertThat(result).isEqualTo(new WriteResult(3, 0, 0));
        assertThat(stored().syncLog(shared)).isPresent();
        assertThat(stored().diagnostic(shared)).isPresent();
        assertThat(stored().collect(shared)).isPresent();
    }

    @Test
    void shouldSetAsideRefusedRowsOfSeveralTablesAndCommitEverythingElse() {
        ConsumerRecord<byte[], byte[]> badDiagnostic = records.state(records.diagnostic().setHttpStatus(42));
        ConsumerRecord<byte[], byte[]> badCollect = records.state(records.collect(UUID.randomUUID()).setStatus("unknown"));
        UUID fineLog = UUID.randomUUID();
        UUID fineDocument = UUID.randomUUID();

        WriteResult result = writer(SinkFaultHook.NONE).write(records.batch(
                badDiagnostic,
                records.state(records.succeeded(fineLog, 2)),
                badCollect,
                records.state(records.link(fineDocument)),
                records.state(records.connectorStatus())));

        assertThat(result).isEqualTo(new WriteResult(3, 0, 2));
        assertThat(stored().syncLog(fineLog)).isPresent();
        assertThat(stored().link(new DocumentLinkKey(fineDocument, records.connectorId, "input"))).isPresent();
        assertThat(stored().connectorStatus(records.connectorId)).isPresent();
        assertThat(stored().diagnosticCount()).isZero();
        assertThat(stored().collectCount()).isZero();
        assertThat(stored().rejectedEvents()).extracting(RejectedEventRow::sourceTopic)
                .containsExactly(SinkRecords.COLLECT_TOPIC, SinkRecords.DIAGNOSTIC_TOPIC);
    }

    @Test
    void shouldCountRowsPerTableAndRejectionsPerReasonForMetrics() {
        WriteCounts counts = writer(SinkFaultHook.NONE).writeCounted(mixed);

        assertThat(counts.totals()).isEqualTo(new WriteResult(5, 0, 1));
        assertThat(counts.rowsWrittenByTable()).isEqualTo(Map.of(
                "workspace_connector_sync_logs", 1,
                "connector_sync_diagnostics", 1,
                "document_workspace_connectors", 1,
                "collects", 1,
                "connector_status", 1));
        assertThat(counts.rejectedByReason()).isEqualTo(Map.of("malformed", 1));
    }

    @Test
    void shouldCountRefusedRowsAsUnwritableRejectionsNotAsRowsOfTheirTable() {
        WriteCounts counts = writer(SinkFaultHook.NONE).writeCounted(records.batch(
                records.state(records.diagnostic().setHttpStatus(42)),
                records.state(records.succeeded(UUID.randomUUID(), 2)),
                records.rejected(records.rejectedEvent(7))));

        assertThat(counts.rowsWrittenByTable()).isEqualTo(Map.of("workspace_connector_sync_logs", 1));
        assertThat(counts.rejectedByReason()).isEqualTo(Map.of(SinkRefusals.UNWRITABLE, 1, "malformed", 1));
    }

    @Test
    void shouldNameEveryStateTableItsPostgresTable() {
        assertThat(StateTables.all(SerdeConfig.withoutRegistry())).extracting(StateTable::tableName).containsExactly(
                "workspace_connector_sync_logs", "connector_sync_diagnostics", "document_workspace_connectors", "collects",
                "connector_status", "connector_alerts");
    }

    @Test
    void shouldOrderEachTablesRowsByKeySoThatConcurrentSinksLockInTheSameOrder() {
        SinkBatch batch = records.batch(
                records.state(records.link(UUID.randomUUID())),
                records.state(records.link(UUID.randomUUID()).setDirection("output")),
                records.state(records.link(UUID.randomUUID())),
                records.state(records.diagnostic()),
                records.state(records.diagnostic()),
                records.state(records.diagnostic()));

        assertThat(batch.table(SinkRecords.DOCUMENT_LINK_TOPIC).rows())
                .extracting(row -> ((DocumentLinkRow) row).key())
                .isSorted();
        assertThat(batch.table(SinkRecords.DIAGNOSTIC_TOPIC).rows())
                .extracting(row -> ((DiagnosticRow) row).diagnosticId())
                .isSorted();
        assertThat(batch.tables()).extracting(TableBatch::topic).containsExactly(
                SinkRecords.STATE_TOPIC, SinkRecords.DIAGNOSTIC_TOPIC, SinkRecords.DOCUMENT_LINK_TOPIC,
                SinkRecords.COLLECT_TOPIC, SinkRecords.CONNECTOR_STATUS_TOPIC, Topics.ALERTS.name());
    }

    @Test
    void shouldRefuseARecordOfATopicTheSinkDoesNotRead() {
        ConsumerRecord<byte[], byte[]> input = records.record(Topics.SYNC_RUNS.name(), 0, null, new byte[] {1});

        assertThatThrownBy(() -> records.batch(input))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("the sink does not read topic connector-sync.sync-runs");
    }

    private SinkWriter writer(SinkFaultHook hook) {
        return new SinkWriter(POSTGRES.database(), new ConsumerScope("test-cluster", "all-state-tables-test"), hook,
                RetryPolicy.TRANSACTION);
    }

    private StoredRows stored() {
        return POSTGRES.jdbi().onDemand(StoredRows.class);
    }
}
