package dev.syncledger.schemas.serde;

import static org.assertj.core.api.Assertions.assertThat;

import dev.syncledger.schemas.syncrun.SyncRunEvent;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.apache.avro.SchemaNormalization;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class RoundTripTest {

    private static final String TOPIC = "connector-sync.sync-runs";

    private LocalSchemaRegistry registry;

    @BeforeEach
    void startRegistry() throws Exception {
        registry = new LocalSchemaRegistry();
    }

    @AfterEach
    void stopRegistry() {
        registry.close();
    }

    static Stream<SpecificRecord> everyRecordKind() {
        return SampleRecords.oneOfEachKind().stream();
    }

    @ParameterizedTest
    @MethodSource("everyRecordKind")
    void singleObjectEncodingRoundTrips(SpecificRecord record) throws Exception {
        AvroCodec<SpecificRecord> codec = AvroCodec.create(record.getSchema(), SerdeConfig.withoutRegistry());

        byte[] bytes = codec.encode(TOPIC, record);

        assertThat(bytes[0]).isEqualTo((byte) 0xC3);
        assertThat(bytes[1]).isEqualTo((byte) 0x01);
        assertThat(ByteBuffer.wrap(bytes, 2, 8).order(ByteOrder.LITTLE_ENDIAN).getLong())
                .isEqualTo(SchemaNormalization.parsingFingerprint64(record.getSchema()));
        assertThat(codec.decode(TOPIC, bytes)).isEqualTo(record);
    }

    @ParameterizedTest
    @MethodSource("everyRecordKind")
    void confluentWireFormatRoundTrips(SpecificRecord record) throws Exception {
        AvroCodec<SpecificRecord> codec = codecWithOwnRegistryClient(record);

        byte[] bytes = codec.encode(TOPIC, record);

        assertThat(bytes[0]).isZero();
        int schemaId = ByteBuffer.wrap(bytes, 1, 4).getInt();
        assertThat(registry.requests()).containsExactly("POST /subjects/" + TOPIC + "-value/versions");
        assertThat(schemaId).isPositive();
        assertThat(codec.decode(TOPIC, bytes)).isEqualTo(record);
    }

    @ParameterizedTest
    @MethodSource("everyRecordKind")
    void eitherFormatIsReadWhateverTheConfiguration(SpecificRecord record) throws Exception {
        AvroCodec<SpecificRecord> withRegistry = codecWithOwnRegistryClient(record);
        AvroCodec<SpecificRecord> withoutRegistry = AvroCodec.create(record.getSchema(), SerdeConfig.withoutRegistry());

        assertThat(withRegistry.decode(TOPIC, withoutRegistry.encode(TOPIC, record))).isEqualTo(record);
    }

    @Test
    void serdeKeepsTombstonesAndRoundTrips() {
        SyncRunEvent event = SampleRecords.syncRunEvent(SampleRecords.everyPayload().get(0));
        AvroSerde<SyncRunEvent> serde = AvroSerde.create(SyncRunEvent.getClassSchema(), SerdeConfig.withoutRegistry());

        assertThat(serde.serializer().serialize(TOPIC, null)).isNull();
        assertThat(serde.deserializer().deserialize(TOPIC, null)).isNull();
        byte[] bytes = serde.serializer().serialize(TOPIC, event);
        assertThat(serde.deserializer().deserialize(TOPIC, bytes)).isEqualTo(event);
        assertThat(serde.deserializer().deserialize(TOPIC, null, ByteBuffer.wrap(bytes))).isEqualTo(event);
    }

    @Test
    @Timeout(60)
    void oneCodecServesManyThreadsAtOnce() throws Exception {
        AvroCodec<SyncRunEvent> codec = AvroCodec.<SyncRunEvent>builder(SyncRunEvent.getClassSchema(),
                        SerdeConfig.withRegistry(registry.url()))
                .registryClient(new SchemaRegistryClient(registry.url()))
                .build();
        AvroCodec<SyncRunEvent> singleObjectCodec =
                AvroCodec.create(SyncRunEvent.getClassSchema(), SerdeConfig.withoutRegistry());
        List<SyncRunEvent> events = new ArrayList<>();
        SampleRecords.everyPayload().forEach(payload -> events.add(SampleRecords.syncRunEvent(payload)));

        ExecutorService threads = Executors.newFixedThreadPool(8);
        try {
            List<Callable<Integer>> work = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                int offset = t;
                work.add(() -> {
                    for (int i = 0; i < 2_000; i++) {
                        SyncRunEvent event = events.get((i + offset) % events.size());
                        AvroCodec<SyncRunEvent> writer = i % 2 == 0 ? codec : singleObjectCodec;
                        assertThat(codec.decode(TOPIC, writer.encode(TOPIC, event))).isEqualTo(event);
                    }
                    return offset;
                });
            }
            for (Future<Integer> done : threads.invokeAll(work)) {
                done.get();
            }
        } finally {
            threads.shutdownNow();
        }
        assertThat(registry.count("POST /subjects/" + TOPIC + "-value/versions")).isEqualTo(1);
    }

    private AvroCodec<SpecificRecord> codecWithOwnRegistryClient(SpecificRecord record) {
        return AvroCodec.<SpecificRecord>builder(record.getSchema(), SerdeConfig.withRegistry(registry.url()))
                .registryClient(new SchemaRegistryClient(registry.url()))
                .build();
    }
}
