package dev.syncledger.schemas.serde;

import static org.assertj.core.api.Assertions.assertThat;

import dev.syncledger.schemas.rejected.RejectedEvent;
import java.nio.ByteBuffer;
import java.util.List;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.generic.GenericRecordBuilder;
import org.apache.avro.message.BinaryMessageEncoder;
import org.junit.jupiter.api.Test;

/**
 * The sink reads rejections whatever release of the processor published them: a record written with any released
 * RejectedEvent schema decodes with today's codec, found by its fingerprint alone, and names no workspace.
 */
class RejectedEventEvolutionTest {

    private static final String TOPIC = "connector-sync.rejected";

    @Test
    void everyReleasedWriterIsReadAsNamingNoWorkspace() throws Exception {
        AvroCodec<RejectedEvent> codec = AvroCodec.create(RejectedEvent.getClassSchema(), SerdeConfig.withoutRegistry());
        List<Schema> released = ReleasedSchemas.of(RejectedEvent.getClassSchema());
        // v1 before the payload bounds, v2 the schema the processor wrote until workspace_id: both still on the topic.
        assertThat(released).hasSizeGreaterThanOrEqualTo(2);

        for (Schema older : released.stream().filter(schema -> schema.getField("workspace_id") == null).toList()) {
            RejectedEvent read = codec.decode(TOPIC, singleObject(olderRejection(older)));

            assertThat(read.getReason()).as("written with " + older).isEqualTo("workspace_mismatch");
            assertThat(read.getSourceOffset()).isEqualTo(42L);
            assertThat(read.getWorkspaceId()).as("a field no older writer had").isNull();
        }
    }

    @Test
    void todaysRecordKeepsTheClaimedWorkspace() throws Exception {
        AvroCodec<RejectedEvent> codec = AvroCodec.create(RejectedEvent.getClassSchema(), SerdeConfig.withoutRegistry());

        RejectedEvent read = codec.decode(TOPIC, codec.encode(TOPIC, SampleRecords.rejectedEvent()));

        assertThat(read.getWorkspaceId()).isEqualTo("0b6f3f5e-58a4-4f0c-8a4e-3f5e7d7a1b02");
    }

    private static GenericRecord olderRejection(Schema older) {
        // The builder fills what a release added with a default (payload_truncated), as its writer did.
        return new GenericRecordBuilder(older)
                .set("source_topic", "connector-sync.sync-runs")
                .set("source_partition", 0)
                .set("source_offset", 42L)
                .set("event_id", "8f9c1a52-3a55-4c3e-9d6f-0c1c7e2b1a01")
                .set("reason", "workspace_mismatch")
                .set("message", "connector belongs to another workspace")
                .set("rejected_at", 1_700_000_000_000L)
                .build();
    }

    private static byte[] singleObject(GenericRecord record) throws Exception {
        ByteBuffer encoded = new BinaryMessageEncoder<GenericRecord>(GenericData.get(), record.getSchema()).encode(record);
        byte[] bytes = new byte[encoded.remaining()];
        encoded.get(bytes);
        return bytes;
    }
}
