package dev.syncledger.sink.write;

import dev.syncledger.sink.db.ConsumerScope;

import static org.assertj.core.api.Assertions.assertThat;

import dev.syncledger.schemas.ConnectorSyncStatus;
import dev.syncledger.schemas.rejected.RawValue;
import dev.syncledger.sink.db.RejectedEventRow;
import dev.syncledger.sink.fixtures.PostgresSchema;
import dev.syncledger.sink.fixtures.SinkRecords;
import dev.syncledger.sink.fixtures.StoredRows;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class RejectedEventsIT {

    @RegisterExtension
    static final PostgresSchema POSTGRES = new PostgresSchema();

    private SinkRecords records;
    private SinkWriter writer;

    @BeforeEach
    void setUp() {
        records = new SinkRecords();
        writer = new SinkWriter(POSTGRES.database(), new ConsumerScope("test-cluster", "rejected-events-test"));
    }

    @Test
    void shouldStoreARejectedEventAsTheProcessorPublishedIt() {
        writer.write(records.batch(records.rejected(records.rejectedEvent(42)
                .setEventId("7d1c7f4e-5a43-4f0a-9f55-6a3c4c1d2b10")
                .setReason("conflicting_terminal_event")
                .setMessage("sync run already succeeded")
                .setRecordKey("run-1")
                .setWorkspaceId("c1e7f034-87b2-41d3-9a56-0f2e8b7d3c90"))));

        assertThat(stored().rejectedEvents()).singleElement().satisfies(row -> {
            assertThat(row.eventId()).isEqualTo("7d1c7f4e-5a43-4f0a-9f55-6a3c4c1d2b10");
            assertThat(row.reason()).isEqualTo("conflicting_terminal_event");
            assertThat(row.message()).isEqualTo("sync run already succeeded");
            assertThat(row.sourceTopic()).isEqualTo("connector-sync.sync-runs");
            assertThat(row.sourcePartition()).isZero();
            assertThat(row.sourceOffset()).isEqualTo(42);
            assertThat(row.recordKey()).isEqualTo("run-1");
            assertThat(row.payload()).containsExactly(1, 2, 3);
            assertThat(row.rejectedAt()).isEqualTo(SinkRecords.RECORD_TIME);
            assertThat(row.workspaceId()).isEqualTo(UUID.fromString("c1e7f034-87b2-41d3-9a56-0f2e8b7d3c90"));
        });
    }

    @Test
    void shouldStoreNoWorkspaceForARejectionThatNamesNoneOrNoUuid() {
        // Offset 1: the processor could not read the event; 2: no UUID, which the processor never writes there.
        writer.write(records.batch(
                records.rejected(records.rejectedEvent(1)),
                records.rejected(records.rejectedEvent(2).setWorkspaceId("c1e7f034-87b2-41d3-9a56-0f2e8b7d3c90' OR true"))));

        assertThat(stored().rejectedEvents()).extracting(RejectedEventRow::sourceOffset, RejectedEventRow::workspaceId)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(1L, null), org.assertj.core.groups.Tuple.tuple(2L, null));
    }

    @Test
    void shouldInsertARejectedEventOnceEvenIfTheBatchIsReplayed() {
        ConsumerRecord<byte[], byte[]> first = records.rejected(records.rejectedEvent(1));
        ConsumerRecord<byte[], byte[]> second = records.rejected(records.rejectedEvent(2));

        writer.write(records.batch(first, second));
        replayingGroup().write(records.batch(first, second));
        replayingGroup().write(records.batch(second));

        assertThat(stored().rejectedEvents()).extracting(RejectedEventRow::sourceOffset).containsExactly(1L, 2L);
    }

    @Test
    void shouldInsertARejectionRepublishedByTheProcessorOnce() {
        writer.write(records.batch(
                records.rejected(records.rejectedEvent(5)),
                records.rejected(records.rejectedEvent(5).setMessage("the same rejection, published again after a restart"))));

        assertThat(stored().rejectedEvents()).extracting(RejectedEventRow::message).containsExactly("status is missing");
    }

    @Test
    void shouldRejectAnUndecodableStateRecordAndWriteTheRestOfTheBatch() {
        UUID id = UUID.randomUUID();
        byte[] garbage = "not avro".getBytes(StandardCharsets.UTF_8);
        ConsumerRecord<byte[], byte[]> undecodable = records.rawState(id.toString(), garbage);

        WriteResult result = writer.write(records.batch(undecodable, records.state(records.syncLog(id))));

        assertThat(result).isEqualTo(new WriteResult(1, 0, 1));
        assertThat(stored().syncLog(id)).isPresent();
        assertThat(stored().rejectedEvents()).singleElement().satisfies(row -> {
            assertThat(row.reason()).isEqualTo("sink_undecodable");
            assertThat(row.message()).startsWith("cannot decode a WorkspaceConnectorSyncLog: ").doesNotContain("\n");
            assertThat(row.sourceTopic()).isEqualTo(SinkRecords.STATE_TOPIC);
            assertThat(row.sourcePartition()).isEqualTo(undecodable.partition());
            assertThat(row.sourceOffset()).isEqualTo(undecodable.offset());
            assertThat(row.recordKey()).isEqualTo(id.toString());
            assertThat(row.payload()).isEqualTo(garbage);
            assertThat(row.eventId()).isNull();
            assertThat(row.workspaceId()).as("the sink's own refusals name none").isNull();
        });
        assertThat(writer.committedOffsets()).containsEntry(new TopicPartition(SinkRecords.STATE_TOPIC, 0), 2L);
    }

    @Test
    void shouldKeepABoundedPrefixSizeAndDigestOfAHugeRecordItRefuses() throws Exception {
        UUID id = UUID.randomUUID();
        byte[] garbage = new byte[RawValue.MAX_KEPT_BYTES * 3];
        java.util.Arrays.fill(garbage, (byte) 'x');

        writer.write(records.batch(records.rawState(id.toString(), garbage)));

        assertThat(stored().rejectedEvents()).singleElement().satisfies(row -> {
            assertThat(row.payload()).hasSize(RawValue.MAX_KEPT_BYTES);
            assertThat(row.payloadTruncated()).isTrue();
            assertThat(row.payloadSize()).isEqualTo(garbage.length);
            assertThat(row.payloadSha256()).isEqualTo(java.util.HexFormat.of().formatHex(
                    java.security.MessageDigest.getInstance("SHA-256").digest(garbage)));
        });
    }

    @Test
    void shouldKeepTheLastDecodableValueWhenALaterRecordOfTheKeyIsUndecodable() {
        UUID id = UUID.randomUUID();

        writer.write(records.batch(records.state(records.succeeded(id, 2)), records.rawState(id.toString(), new byte[] {0})));

        assertThat(stored().syncLog(id)).isPresent();
        assertThat(stored().rejectedEvents()).extracting(RejectedEventRow::reason).containsExactly("sink_undecodable");
    }

    @Test
    void shouldRejectATombstoneWhoseKeyIsNotASyncLogId() {
        writer.write(records.batch(records.rawState("not-a-uuid", null)));

        assertThat(stored().rejectedEvents()).singleElement().satisfies(row -> {
            assertThat(row.reason()).isEqualTo("sink_undecodable");
            assertThat(row.message()).contains("not-a-uuid");
            assertThat(row.payload()).isNull();
        });
    }

    @Test
    void shouldRejectAnUndecodableRecordOfTheRejectedTopic() {
        ConsumerRecord<byte[], byte[]> undecodable = records.rawRejected(new byte[] {(byte) 0xC3, 0x01, 0x00});

        writer.write(records.batch(undecodable));

        assertThat(stored().rejectedEvents()).singleElement().satisfies(row -> {
            assertThat(row.reason()).isEqualTo("sink_undecodable");
            assertThat(row.message()).startsWith("cannot decode a RejectedEvent: ");
            assertThat(row.sourceTopic()).isEqualTo(SinkRecords.REJECTED_TOPIC);
            assertThat(row.sourceOffset()).isEqualTo(undecodable.offset());
        });
    }

    @Test
    void shouldStoreTextWithNulCharactersThatPostgresTextCannotHold() {
        writer.write(records.batch(records.rejected(records.rejectedEvent(9).setMessage("bad\u0000byte"))));

        assertThat(stored().rejectedEvents()).extracting(RejectedEventRow::message).containsExactly("bad\uFFFDbyte");
    }

    @Test
    void shouldSetAsideARowPostgresRefusesAndCommitTheRestOfTheBatch() {
        UUID refused = UUID.randomUUID();
        UUID fine = UUID.randomUUID();
        ConsumerRecord<byte[], byte[]> errorOnSuccess = records.state(records.succeeded(refused, 2).setError("an error on a successful run"));
        ConsumerRecord<byte[], byte[]> negativeDuration = records.state(records.syncLog()
                .setStatus(ConnectorSyncStatus.error).setError("boom").setDurationMs(-1));

        WriteResult result = writer.write(records.batch(errorOnSuccess, records.state(records.succeeded(fine, 2)), negativeDuration));

        assertThat(result).isEqualTo(new WriteResult(1, 0, 2));
        assertThat(stored().syncLog(fine)).isPresent();
        assertThat(stored().syncLog(refused)).isEmpty();
        List<RejectedEventRow> rejections = stored().rejectedEvents();
        assertThat(rejections).extracting(RejectedEventRow::reason).containsOnly("sink_unwritable");
        assertThat(rejections).extracting(RejectedEventRow::sourceOffset)
                .containsExactly(errorOnSuccess.offset(), negativeDuration.offset());
        assertThat(rejections.get(0).message())
                .startsWith("PostgreSQL refused sync log " + refused + " revision 2: ")
                .contains("workspace_connector_sync_logs_error_only_when_failed");
        assertThat(writer.committedOffsets()).isEqualTo(Map.of(new TopicPartition(SinkRecords.STATE_TOPIC, 0), 3L));
    }

    @Test
    void shouldSetAsideValuesTheirColumnTypesRefuseInsideABatchAndWriteTheRest() {
        UUID tooLong = UUID.randomUUID();
        UUID notJson = UUID.randomUUID();
        UUID fine = UUID.randomUUID();

        WriteResult result = writer.write(records.batch(
                records.state(records.succeeded(tooLong, 2).setCloudTaskId("t".repeat(256))),
                records.state(records.succeeded(fine, 2).setCloudTaskId("t".repeat(255))),
                records.state(records.succeeded(notJson, 2).setMetadata("{not json"))));

        assertThat(result).isEqualTo(new WriteResult(1, 0, 2));
        assertThat(stored().syncLog(fine)).isPresent();
        assertThat(stored().syncLog(tooLong)).isEmpty();
        assertThat(stored().syncLog(notJson)).isEmpty();
        assertThat(stored().rejectedEvents()).extracting(RejectedEventRow::message).hasSize(2)
                .anySatisfy(message -> assertThat(message).startsWith("PostgreSQL refused sync log " + tooLong + " revision 2: ")
                        .contains("value too long for type character varying(255)"))
                .anySatisfy(message -> assertThat(message).startsWith("PostgreSQL refused sync log " + notJson + " revision 2: ")
                        .contains("invalid input syntax for type json"));
    }

    @Test
    void shouldSetAsideMetadataThatIsNotJson() {
        UUID id = UUID.randomUUID();

        writer.write(records.batch(records.state(records.succeeded(id, 2).setMetadata("{not json"))));

        assertThat(stored().syncLog(id)).isEmpty();
        assertThat(stored().rejectedEvents()).extracting(RejectedEventRow::reason).containsExactly("sink_unwritable");
    }

    private StoredRows stored() {
        return POSTGRES.jdbi().onDemand(StoredRows.class);
    }

    /** A writer of another consumer group re-reading the topic from the start: its offsets cannot stop a replay, only the rows' guards can. */
    private SinkWriter replayingGroup() {
        return new SinkWriter(POSTGRES.database(), new ConsumerScope("test-cluster", "replaying-" + UUID.randomUUID()));
    }
}
