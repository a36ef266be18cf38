package dev.syncledger.schemas.serde;

import dev.syncledger.schemas.ConnectorSyncStatus;
import dev.syncledger.schemas.TriggerType;
import dev.syncledger.schemas.rejected.RejectedEvent;
import dev.syncledger.schemas.state.WorkspaceConnectorSyncLog;
import dev.syncledger.schemas.syncrun.SyncDeleted;
import dev.syncledger.schemas.syncrun.SyncFailed;
import dev.syncledger.schemas.syncrun.SyncRunEvent;
import dev.syncledger.schemas.syncrun.SyncScheduled;
import dev.syncledger.schemas.syncrun.SyncStarted;
import dev.syncledger.schemas.syncrun.SyncSucceeded;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificRecord;

/** Records with every optional field filled, so a round trip that drops a field shows. Millisecond instants, as on the wire. */
final class SampleRecords {

    static final Instant OCCURRED_AT = Instant.parse("2025-03-04T05:06:07.089Z");

    private SampleRecords() {}

    static SyncRunEvent syncRunEvent(Object payload) {
        return SyncRunEvent.newBuilder()
                .setEventId(UUID.fromString("8f9c1a52-3a55-4c3e-9d6f-0c1c7e2b1a01"))
                .setOccurredAt(OCCURRED_AT)
                .setWorkspaceId(UUID.fromString("0b6f3f5e-58a4-4f0c-8a4e-3f5e7d7a1b02"))
                .setWorkspaceConnectorId(UUID.fromString("5d2a8c61-9b1e-4a8f-b0c3-6e7f8a9b0c03"))
                .setSyncLogId(UUID.fromString("c4e5f6a7-b8c9-4d0e-a1f2-a3b4c5d6e704"))
                .setPayload(payload)
                .build();
    }

    static List<Object> everyPayload() {
        return List.of(
                SyncScheduled.newBuilder().setTriggerType(TriggerType.cloud_task).setCloudTaskId("task-17").build(),
                SyncStarted.newBuilder().setStartedAt(OCCURRED_AT.plusMillis(5)).setTriggerType(TriggerType.manual)
                        .setCloudTaskId("task-18").build(),
                SyncSucceeded.newBuilder().setCompletedAt(OCCURRED_AT.plusSeconds(60)).setMetadata("{\"rows\":42}").build(),
                SyncFailed.newBuilder().setCompletedAt(OCCURRED_AT.plusSeconds(61)).setError("token expired")
                        .setMetadata("{\"attempt\":3}").build(),
                SyncDeleted.newBuilder().build());
    }

    static WorkspaceConnectorSyncLog syncLog() {
        return WorkspaceConnectorSyncLog.newBuilder()
                .setWorkspaceConnectorSyncLogId(UUID.fromString("c4e5f6a7-b8c9-4d0e-a1f2-a3b4c5d6e704"))
                .setWorkspaceId(UUID.fromString("0b6f3f5e-58a4-4f0c-8a4e-3f5e7d7a1b02"))
                .setWorkspaceConnectorId(UUID.fromString("5d2a8c61-9b1e-4a8f-b0c3-6e7f8a9b0c03"))
                .setStatus(ConnectorSyncStatus.error)
                .setTriggerType(TriggerType.oauth_callback)
                .setCloudTaskId("task-19")
                .setStartedAt(OCCURRED_AT)
                .setCompletedAt(OCCURRED_AT.plusMillis(1500))
                .setDurationMs(1500)
                .setError("token expired")
                .setMetadata("{}")
                .setCreatedAt(OCCURRED_AT)
                .setUpdatedAt(OCCURRED_AT.plusMillis(1500))
                .setDeletedAt(OCCURRED_AT.plusSeconds(3600))
                .setRevision(7)
                .build();
    }

    static RejectedEvent rejectedEvent() {
        return RejectedEvent.newBuilder()
                .setSourceTopic("connector-sync.sync-runs")
                .setSourcePartition(3)
                .setSourceOffset(123_456_789_012L)
                .setEventId("8f9c1a52-3a55-4c3e-9d6f-0c1c7e2b1a01")
                .setReason("malformed")
                .setMessage("not an Avro record")
                .setRecordKey("c4e5f6a7-b8c9-4d0e-a1f2-a3b4c5d6e704")
                .setPayload(ByteBuffer.wrap(new byte[] {0x7B, 0x00, (byte) 0xFF}))
                .setRejectedAt(OCCURRED_AT)
                .setWorkspaceId("0b6f3f5e-58a4-4f0c-8a4e-3f5e7d7a1b02")
                .build();
    }

    /** One of each record kind, with the topic it lives on. */
    static List<SpecificRecord> oneOfEachKind() {
        List<SpecificRecord> records = new java.util.ArrayList<>();
        everyPayload().forEach(payload -> records.add(syncRunEvent(payload)));
        records.add(syncLog());
        records.add(rejectedEvent());
        return records;
    }

    /** A schema fixture from src/test/resources/dev/syncledger/schemas/serde. */
    static Schema testSchema(String fileName) {
        try (InputStream json = SampleRecords.class.getResourceAsStream(fileName)) {
            if (json == null) {
                throw new IllegalStateException("missing test resource " + fileName);
            }
            return new Schema.Parser().parse(new String(json.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
