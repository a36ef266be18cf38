package dev.syncledger.schemas.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

import dev.syncledger.schemas.syncrun.SyncRunEvent;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Random;
import org.apache.avro.Schema;
import org.apache.avro.SchemaNormalization;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Whatever arrives, decoding ends in a record or an UndecodableRecordException with one clear line; never a hang. */
@Timeout(60)
class PoisonRecordTest {

    private static final String TOPIC = "connector-sync.sync-runs";
    private static final SyncRunEvent EVENT = SampleRecords.syncRunEvent(SampleRecords.everyPayload().get(3));

    private LocalSchemaRegistry registry;
    private AvroCodec<SyncRunEvent> codec;
    private AvroCodec<SyncRunEvent> singleObjectCodec;

    @BeforeEach
    void setUp() throws Exception {
        registry = new LocalSchemaRegistry();
        codec = AvroCodec.<SyncRunEvent>builder(SyncRunEvent.getClassSchema(), SerdeConfig.withRegistry(registry.url()))
                .registryClient(new SchemaRegistryClient(registry.url()))
                .build();
        singleObjectCodec = AvroCodec.create(SyncRunEvent.getClassSchema(), SerdeConfig.withoutRegistry());
    }

    @AfterEach
    void tearDown() {
        registry.close();
    }

    @Test
    void emptyValue() {
        assertUndecodable(new byte[0], "empty record value: expected an Avro SyncRunEvent record in the Confluent wire"
                + " format or Avro single-object encoding");
    }

    @Test
    void neitherFormat() {
        assertUndecodable("{\"type\":\"sync.started\"}".getBytes(), "not an Avro record: it starts with 0x7B 0x22,"
                + " neither the Confluent wire format (0x00) nor Avro single-object encoding (0xC3 0x01); it looks like JSON");
        assertUndecodable(new byte[] {(byte) 0xC3}, "not an Avro record: it starts with 0xC3, neither the Confluent"
                + " wire format (0x00) nor Avro single-object encoding (0xC3 0x01)");
    }

    @Test
    void truncatedHeaders() {
        assertUndecodable(new byte[] {0, 0, 1}, "truncated Confluent wire format header: 3 bytes, need 5"
                + " (magic byte 0 and a 4-byte schema id)");
        assertUndecodable(new byte[] {(byte) 0xC3, 0x01, 1, 2}, "truncated Avro single-object header: 4 bytes, need 10"
                + " (0xC3 0x01 and an 8-byte schema fingerprint)");
    }

    @Test
    void everyTruncationOfTheBodyInBothFormats() {
        for (byte[] whole : new byte[][] {codec.encode(TOPIC, EVENT), singleObjectCodec.encode(TOPIC, EVENT)}) {
            int header = whole[0] == 0 ? 5 : 10;
            for (int length = header; length < whole.length; length++) {
                byte[] truncated = Arrays.copyOf(whole, length);
                assertThatThrownBy(() -> codec.decode(TOPIC, truncated))
                        .isInstanceOf(UndecodableRecordException.class)
                        .hasMessageStartingWith("corrupt ")
                        .hasMessageContaining("truncated");
            }
        }
    }

    @Test
    void trailingGarbageInBothFormats() {
        for (byte[] whole : new byte[][] {codec.encode(TOPIC, EVENT), singleObjectCodec.encode(TOPIC, EVENT)}) {
            byte[] longer = Arrays.copyOf(whole, whole.length + 3);
            assertThatThrownBy(() -> codec.decode(TOPIC, longer))
                    .isInstanceOf(UndecodableRecordException.class)
                    .hasMessageContaining("3 unexpected bytes after the end of the SyncRunEvent record");
        }
    }

    @Test
    void aLengthPrefixClaimingGigabytesIsRefusedBeforeAnythingIsAllocated() {
        byte[] header = Arrays.copyOf(singleObjectCodec.encode(TOPIC, EVENT), 10);
        // event_id's string length as zig-zag varint 2^30, followed by three bytes.
        byte[] hostile = concat(header, new byte[] {(byte) 0x80, (byte) 0x80, (byte) 0x80, (byte) 0x80, 0x08, 'a', 'b', 'c'});

        assertUndecodable(hostile, String.format("corrupt single-object record (schema fingerprint %016x): string length"
                + " 1073741824 at byte 10 does not fit in the 3 bytes left (truncated or corrupt)",
                SchemaNormalization.parsingFingerprint64(SyncRunEvent.getClassSchema())));
    }

    @Test
    void unknownFingerprint() {
        byte[] bytes = singleObjectCodec.encode(TOPIC, EVENT);
        bytes[2] ^= 0x55;
        long fingerprint = ByteBuffer.wrap(bytes, 2, 8).order(java.nio.ByteOrder.LITTLE_ENDIAN).getLong();

        assertUndecodable(bytes, String.format("unknown Avro schema fingerprint %016x: neither the current SyncRunEvent"
                + " schema nor a released version of it (written by a newer or a foreign schema?)", fingerprint));
    }

    @Test
    void confluentRecordWithoutARegistryConfigured() {
        byte[] bytes = codec.encode(TOPIC, EVENT);
        int schemaId = ByteBuffer.wrap(bytes, 1, 4).getInt();

        assertThatThrownBy(() -> singleObjectCodec.decode(TOPIC, bytes))
                .isInstanceOf(UndecodableRecordException.class)
                .hasMessage("record uses the Confluent wire format (schema id " + schemaId
                        + ") but no --schema-registry-url is set");
    }

    @Test
    void unknownSchemaId() {
        assertUndecodable(new byte[] {0, 0x7F, 0, 0, 0, 0x02},
                "schema id 2130706432 is not in the schema registry at " + registry.url()
                        + " (was the record written against another registry?)");
    }

    @Test
    void negativeSchemaId() {
        assertUndecodable(new byte[] {0, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFE, 0x02},
                "invalid Confluent schema id -2: registry ids are never negative");
        assertThat(registry.requests()).isEmpty();
    }

    @Test
    void wellFormedAvroWithAnInvalidUuid() throws Exception {
        Schema schema = SyncRunEvent.getClassSchema();
        GenericRecord event = new GenericData.Record(schema);
        event.put("event_id", "not-a-uuid");
        event.put("occurred_at", 0L);
        event.put("workspace_id", "0b6f3f5e-58a4-4f0c-8a4e-3f5e7d7a1b02");
        event.put("workspace_connector_id", "5d2a8c61-9b1e-4a8f-b0c3-6e7f8a9b0c03");
        event.put("sync_log_id", "c4e5f6a7-b8c9-4d0e-a1f2-a3b4c5d6e704");
        Schema deleted = schema.getField("payload").schema().getTypes().get(4);
        event.put("payload", new GenericData.Record(deleted));
        int schemaId = new SchemaRegistryClient(registry.url()).register(TOPIC + "-value", schema);

        assertThatThrownBy(() -> codec.decode(TOPIC, SchemaEvolutionTest.confluent(schemaId, event)))
                .isInstanceOf(UndecodableRecordException.class)
                .hasMessageStartingWith("record with schema id " + schemaId + " cannot be read as SyncRunEvent: ")
                .hasMessageContaining("not-a-uuid");
    }

    @Test
    void randomBytesNeverEscapeAsAnotherException() {
        byte[] confluentHeader = Arrays.copyOf(codec.encode(TOPIC, EVENT), 5);
        byte[] singleObjectHeader = Arrays.copyOf(singleObjectCodec.encode(TOPIC, EVENT), 10);
        Random random = new Random(20250304L);
        int undecodable = 0;
        for (int i = 0; i < 20_000; i++) {
            byte[] body = new byte[random.nextInt(80)];
            random.nextBytes(body);
            byte[] value = switch (i % 3) {
                case 0 -> body;
                case 1 -> concat(confluentHeader, body);
                default -> concat(singleObjectHeader, body);
            };
            try {
                codec.decode(TOPIC, value);
            } catch (UndecodableRecordException e) {
                undecodable++;
                assertThat(e.getMessage()).isNotBlank().doesNotContain("\n");
            } catch (Throwable other) {
                fail("random value " + Arrays.toString(value) + " escaped as " + other, other);
            }
        }
        assertThat(undecodable).isGreaterThan(19_000);
        assertThat(registry.requests()).as("ids below zero are never valid, so they are not worth a request")
                .noneMatch(request -> request.startsWith("GET /schemas/ids/-"));
    }

    @Test
    void serdeWrapsPoisonInASerializationExceptionCarryingTheReason() {
        AvroSerde<SyncRunEvent> serde = new AvroSerde<>(singleObjectCodec);

        assertThatThrownBy(() -> serde.deserializer().deserialize(TOPIC, new byte[0]))
                .isInstanceOf(SerializationException.class)
                .hasMessageStartingWith("empty record value")
                .hasCauseInstanceOf(UndecodableRecordException.class);
    }

    @Test
    void anInvalidRecordIsRefusedOnTheWayOutWithTheFieldNamed() {
        SyncRunEvent missingEventId = SampleRecords.syncRunEvent(SampleRecords.everyPayload().get(0));
        missingEventId.setEventId(null);
        AvroSerde<SyncRunEvent> serde = new AvroSerde<>(singleObjectCodec);

        assertThatThrownBy(() -> serde.serializer().serialize(TOPIC, missingEventId))
                .isInstanceOf(SerializationException.class)
                .hasMessageStartingWith("cannot encode SyncRunEvent: ")
                .hasMessageContaining("event_id");
    }

    private void assertUndecodable(byte[] value, String message) {
        for (AvroCodec<SyncRunEvent> either : java.util.List.of(codec, singleObjectCodec)) {
            if (value.length > 0 && value[0] == 0 && either == singleObjectCodec) {
                continue;
            }
            assertThatThrownBy(() -> either.decode(TOPIC, value))
                    .isInstanceOf(UndecodableRecordException.class)
                    .hasMessage(message);
        }
    }

    private static byte[] concat(byte[] first, byte[] second) {
        byte[] both = Arrays.copyOf(first, first.length + second.length);
        System.arraycopy(second, 0, both, first.length, second.length);
        return both;
    }
}
