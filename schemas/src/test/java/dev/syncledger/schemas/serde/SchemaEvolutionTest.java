package dev.syncledger.schemas.serde;

import static org.assertj.core.api.Assertions.assertThat;

import dev.syncledger.schemas.TriggerType;
import dev.syncledger.schemas.syncrun.SyncFailed;
import dev.syncledger.schemas.syncrun.SyncRunEvent;
import dev.syncledger.schemas.syncrun.SyncStarted;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.UUID;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.message.BinaryMessageEncoder;
import org.junit.jupiter.api.Test;

/** Records written by an older release (a GenericRecord of an older schema) are read by today's classes. */
class SchemaEvolutionTest {

    private static final String TOPIC = "connector-sync.sync-runs";
    // SyncRunEvent before SyncStarted.cloud_task_id and SyncFailed.metadata existed.
    private static final Schema OLDER = SampleRecords.testSchema("SyncRunEvent-older.avsc");

    @Test
    void singleObjectRecordOfAnOlderVersionIsReadByTheCurrentOne() throws Exception {
        AvroCodec<SyncRunEvent> codec = AvroCodec.<SyncRunEvent>builder(SyncRunEvent.getClassSchema(),
                        SerdeConfig.withoutRegistry())
                .knownWriterSchema(OLDER)
                .build();

        assertReadAsCurrent(codec.decode(TOPIC, singleObject(olderStarted())), olderStarted());
        assertReadAsCurrent(codec.decode(TOPIC, singleObject(olderFailed())), olderFailed());
    }

    @Test
    void confluentRecordOfAnOlderVersionIsReadByTheCurrentOne() throws Exception {
        try (LocalSchemaRegistry registry = new LocalSchemaRegistry()) {
            // The older producer registered its own schema under the subject.
            int olderId = new SchemaRegistryClient(registry.url()).register(TOPIC + "-value", OLDER);
            AvroCodec<SyncRunEvent> codec = AvroCodec.<SyncRunEvent>builder(SyncRunEvent.getClassSchema(),
                            SerdeConfig.withRegistry(registry.url()))
                    .registryClient(new SchemaRegistryClient(registry.url()))
                    .build();

            assertReadAsCurrent(codec.decode(TOPIC, confluent(olderId, olderStarted())), olderStarted());
            assertReadAsCurrent(codec.decode(TOPIC, confluent(olderId, olderFailed())), olderFailed());
            assertThat(registry.count("GET /schemas/ids/" + olderId)).isEqualTo(1);
        }
    }

    private static void assertReadAsCurrent(SyncRunEvent read, GenericRecord written) {
        assertThat(read.getEventId()).isEqualTo(UUID.fromString(written.get("event_id").toString()));
        assertThat(read.getOccurredAt().toEpochMilli()).isEqualTo(written.get("occurred_at"));
        GenericRecord payload = (GenericRecord) written.get("payload");
        if (read.getPayload() instanceof SyncStarted started) {
            assertThat(started.getTriggerType()).isEqualTo(TriggerType.manual);
            assertThat(started.getStartedAt().toEpochMilli()).isEqualTo(payload.get("started_at"));
            assertThat(started.getCloudTaskId()).as("field the older writer did not have").isNull();
        } else {
            SyncFailed failed = (SyncFailed) read.getPayload();
            assertThat(failed.getError()).isEqualTo("token expired");
            assertThat(failed.getMetadata()).as("field the older writer did not have").isNull();
        }
    }

    private static GenericRecord olderStarted() {
        GenericRecord started = new GenericData.Record(payloadBranch(OLDER, "SyncStarted"));
        started.put("started_at", 1_700_000_000_123L);
        Schema triggerType = started.getSchema().getField("trigger_type").schema().getTypes().get(1);
        started.put("trigger_type", new GenericData.EnumSymbol(triggerType, "manual"));
        return olderEvent(started);
    }

    private static GenericRecord olderFailed() {
        GenericRecord failed = new GenericData.Record(payloadBranch(OLDER, "SyncFailed"));
        failed.put("completed_at", 1_700_000_000_456L);
        failed.put("error", "token expired");
        return olderEvent(failed);
    }

    private static GenericRecord olderEvent(GenericRecord payload) {
        GenericRecord event = new GenericData.Record(OLDER);
        event.put("event_id", "8f9c1a52-3a55-4c3e-9d6f-0c1c7e2b1a01");
        event.put("occurred_at", 1_700_000_000_000L);
        event.put("workspace_id", "0b6f3f5e-58a4-4f0c-8a4e-3f5e7d7a1b02");
        event.put("workspace_connector_id", "5d2a8c61-9b1e-4a8f-b0c3-6e7f8a9b0c03");
        event.put("sync_log_id", "c4e5f6a7-b8c9-4d0e-a1f2-a3b4c5d6e704");
        event.put("payload", payload);
        return event;
    }

    private static Schema payloadBranch(Schema event, String name) {
        return event.getField("payload").schema().getTypes().stream()
                .filter(branch -> branch.getName().equals(name))
                .findFirst()
                .orElseThrow();
    }

    private static byte[] singleObject(GenericRecord record) throws Exception {
        ByteBuffer encoded = new BinaryMessageEncoder<GenericRecord>(GenericData.get(), record.getSchema()).encode(record);
        byte[] bytes = new byte[encoded.remaining()];
        encoded.get(bytes);
        return bytes;
    }

    static byte[] confluent(int schemaId, GenericRecord record) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(0);
        out.write(ByteBuffer.allocate(4).putInt(schemaId).array());
        BinaryEncoder encoder = EncoderFactory.get().directBinaryEncoder(out, null);
        new GenericDatumWriter<GenericRecord>(record.getSchema()).write(record, encoder);
        return out.toByteArray();
    }
}
