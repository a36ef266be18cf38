package dev.syncledger.sink.write;

import static org.assertj.core.api.Assertions.assertThat;

import dev.syncledger.sink.db.ConsumerScope;
import dev.syncledger.sink.db.DiagnosticRow;
import dev.syncledger.sink.db.RejectedEventRow;
import dev.syncledger.sink.fixtures.PostgresSchema;
import dev.syncledger.sink.fixtures.SinkRecords;
import dev.syncledger.sink.fixtures.StoredRows;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** connector_sync_diagnostics: insert-only, deleted by the tombstones retention sends. */
class DiagnosticSinkIT {

    @RegisterExtension
    static final PostgresSchema POSTGRES = new PostgresSchema();

    private static final String TOPIC = SinkRecords.DIAGNOSTIC_TOPIC;

    private SinkRecords records;
    private SinkWriter writer;

    @BeforeEach
    void setUp() {
        records = new SinkRecords();
        writer = new SinkWriter(POSTGRES.database(), new ConsumerScope("test-cluster", "diagnostic-sink-test"));
    }

    @Test
    void shouldInsertADiagnosticAndItsParentsOnFirstSight() {
        UUID id = UUID.randomUUID();
        Instant occurred = Instant.parse("2026-06-01T14:32:07Z");
        Instant processed = occurred.plusMillis(250);

        WriteResult result = writer.write(records.batch(records.state(records.diagnostic(id)
                .setTargetModel("journal_entry")
                .setToolName("pennylane_get_journal_entries")
                .setReason("auth_scope_insufficient")
                .setHttpStatus(403)
                .setDetail("scope journal:read missing")
                .setOccurredAt(occurred)
                .setCreatedAt(processed)
                .setUpdatedAt(processed))));

        assertThat(result).isEqualTo(new WriteResult(1, 0, 0));
        assertThat(stored().workspaceIds()).containsExactly(records.workspaceId);
        assertThat(stored().workspaceOfConnector(records.connectorId)).contains(records.workspaceId);
        DiagnosticRow row = stored().diagnostic(id).orElseThrow();
        assertThat(row.diagnosticId()).isEqualTo(id);
        assertThat(row.workspaceId()).isEqualTo(records.workspaceId);
        assertThat(row.workspaceConnectorId()).isEqualTo(records.connectorId);
        assertThat(row.targetModel()).isEqualTo("journal_entry");
        assertThat(row.toolName()).isEqualTo("pennylane_get_journal_entries");
        assertThat(row.reason()).isEqualTo("auth_scope_insufficient");
        assertThat(row.httpStatus()).isEqualTo(403);
        assertThat(row.detail()).isEqualTo("scope journal:read missing");
        assertThat(row.occurredAt()).isEqualTo(occurred);
        assertThat(row.createdAt()).isEqualTo(processed);
        assertThat(row.updatedAt()).isEqualTo(processed);
        assertThat(stored().softDeletedDiagnosticCount()).isZero();
    }

    @Test
    void shouldStoreAbsentOptionalFieldsAsNull() {
        UUID id = UUID.randomUUID();

        writer.write(records.batch(records.state(records.diagnostic(id).setToolName(null).setHttpStatus(null))));

        DiagnosticRow row = stored().diagnostic(id).orElseThrow();
        assertThat(row.toolName()).isNull();
        assertThat(row.httpStatus()).isNull();
    }

    @Test
    void shouldTakeTheNewStateWhenTheProcessorReplacesADiagnostic() {
        UUID id = UUID.randomUUID();
        writer.write(records.batch(records.state(records.diagnostic(id))));
        DiagnosticRow first = stored().diagnostic(id).orElseThrow();

        WriteResult again = writer.write(records.batch(records.state(records.diagnostic(id)
                .setReason("jury_run")
                .setDetail("a different detail under the same id")
                .setUpdatedAt(SinkRecords.CREATED_AT.plusSeconds(60)))));

        assertThat(again.rowsWritten()).isEqualTo(1);
        DiagnosticRow replaced = stored().diagnostic(id).orElseThrow();
        assertThat(replaced).isNotEqualTo(first);
        assertThat(replaced.reason()).isEqualTo("jury_run");
        assertThat(replaced.detail()).isEqualTo("a different detail under the same id");
        assertThat(stored().diagnosticCount()).isEqualTo(1);
        assertThat(stored().rejectedEvents()).isEmpty();
    }

    @Test
    void shouldDeleteADiagnosticWhenRetentionSendsItsTombstone() {
        UUID pruned = UUID.randomUUID();
        UUID kept = UUID.randomUUID();
        writer.write(records.batch(records.state(records.diagnostic(pruned)), records.state(records.diagnostic(kept))));

        WriteResult result = writer.write(records.batch(records.tombstone(TOPIC, pruned)));

        assertThat(result).isEqualTo(new WriteResult(0, 1, 0));
        assertThat(stored().diagnostic(pruned)).isEmpty();
        assertThat(stored().diagnostic(kept)).isPresent();
    }

    @Test
    void shouldIgnoreATombstoneOfADiagnosticNeverStored() {
        WriteResult result = writer.write(records.batch(records.tombstone(TOPIC, UUID.randomUUID())));

        assertThat(result).isEqualTo(new WriteResult(0, 0, 0));
        assertThat(stored().rejectedEvents()).isEmpty();
    }

    @Test
    void shouldWriteOnlyTheLastValueOfADiagnosticInABatch() {
        UUID id = UUID.randomUUID();
        UUID prunedInTheSameBatch = UUID.randomUUID();

        WriteResult result = writer.write(records.batch(
                records.state(records.diagnostic(id).setDetail("first")),
                records.state(records.diagnostic(prunedInTheSameBatch)),
                records.state(records.diagnostic(id).setDetail("last")),
                records.tombstone(TOPIC, prunedInTheSameBatch)));

        assertThat(result).isEqualTo(new WriteResult(1, 0, 0));
        assertThat(stored().diagnostic(id)).map(DiagnosticRow::detail).contains("last");
        assertThat(stored().diagnostic(prunedInTheSameBatch)).isEmpty();
    }

    @Test
    void shouldCreateTheParentsOnceForManyDiagnostics() {
        writer.write(records.batch(records.state(records.diagnostic()), records.state(records.diagnostic())));
        writer.write(records.batch(records.state(records.diagnostic())));
        writer.write(records.batch(records.state(records.syncLog())));

        assertThat(stored().diagnosticCount()).isEqualTo(3);
        assertThat(stored().workspaceIds()).containsExactly(records.workspaceId);
        assertThat(stored().connectorCount()).isEqualTo(1);
    }

    @Test
    void shouldChangeNothingWhenABatchIsReplayed() {
        UUID pruned = UUID.randomUUID();
        writer.write(records.batch(records.state(records.diagnostic(pruned))));
        List<ConsumerRecord<byte[], byte[]>> batch = List.of(
                records.state(records.diagnostic()),
                records.state(records.diagnostic().setHttpStatus(null)),
                records.tombstone(TOPIC, pruned));
        writer.write(records.batch(batch));
        List<String> before = stored().snapshot();

        replayingGroup().write(records.batch(batch));

        assertThat(stored().snapshot()).containsExactlyElementsOf(before);
    }

    @Test
    void shouldSetAsideADiagnosticPostgresRefusesAndWriteTheRest() {
        UUID fine = UUID.randomUUID();
        UUID badStatus = UUID.randomUUID();
        UUID unknownReason = UUID.randomUUID();
        ConsumerRecord<byte[], byte[]> outOfRange = records.state(records.diagnostic(badStatus).setHttpStatus(600));
        ConsumerRecord<byte[], byte[]> newerReason = records.state(records.diagnostic(unknownReason).setReason("reason_from_the_future"));

        WriteResult result = writer.write(records.batch(outOfRange, records.state(records.diagnostic(fine)), newerReason));

        assertThat(result).isEqualTo(new WriteResult(1, 0, 2));
        assertThat(stored().diagnostic(fine)).isPresent();
        assertThat(stored().diagnosticCount()).isEqualTo(1);
        List<RejectedEventRow> rejections = stored().rejectedEvents();
        assertThat(rejections).extracting(RejectedEventRow::reason).containsOnly(SinkRefusals.UNWRITABLE);
        assertThat(rejections).extracting(RejectedEventRow::sourceOffset).containsExactly(outOfRange.offset(), newerReason.offset());
        assertThat(rejections.get(0).message())
                .startsWith("PostgreSQL refused diagnostic " + badStatus + ": ")
                .contains("connector_sync_diagnostics_http_status_range");
        assertThat(rejections.get(1).message()).contains("sync_failure_reason_enum", "reason_from_the_future");
        assertThat(writer.committedOffsets()).isEqualTo(Map.of(new TopicPartition(TOPIC, 0), 3L));
    }

    @Test
    void shouldRejectAnUndecodableDiagnosticAndATombstoneWithoutADiagnosticId() {
        UUID fine = UUID.randomUUID();

        writer.write(records.batch(
                records.raw(TOPIC, fine.toString(), "not avro".getBytes(StandardCharsets.UTF_8)),
                records.raw(TOPIC, "not-a-uuid", null),
                records.state(records.diagnostic(fine))));

        assertThat(stored().diagnostic(fine)).isPresent();
        List<RejectedEventRow> rejections = stored().rejectedEvents();
        assertThat(rejections).extracting(RejectedEventRow::reason).containsOnly(SinkRefusals.UNDECODABLE).hasSize(2);
        assertThat(rejections.get(0).message()).startsWith("cannot decode a ConnectorSyncDiagnostic: ");
        assertThat(rejections.get(1).message()).isEqualTo("a tombstone whose key is not a diagnostic id: not-a-uuid");
    }

    private StoredRows stored() {
        return POSTGRES.jdbi().onDemand(StoredRows.class);
    }

    /** A writer of another consumer group re-reading the topic from the start: its offsets cannot stop a replay, only the rows' guards can. */
    private SinkWriter replayingGroup() {
        return new SinkWriter(POSTGRES.database(), new ConsumerScope("test-cluster", "replaying-" + UUID.randomUUID()));
    }
}
