package dev.syncledger.schemas.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.syncledger.schemas.rejected.RejectedEvent;
import dev.syncledger.schemas.syncrun.SyncRunEvent;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class SchemaRegistryClientTest {

    private static final String TOPIC = "connector-sync.sync-runs";
    private static final String REGISTER = "POST /subjects/" + TOPIC + "-value/versions";

    private LocalSchemaRegistry registry;

    @BeforeEach
    void startRegistry() throws Exception {
        registry = new LocalSchemaRegistry();
    }

    @AfterEach
    void stopRegistry() {
        registry.close();
    }

    @Test
    void registersEachSubjectAndSchemaOnce() {
        SchemaRegistryClient client = new SchemaRegistryClient(registry.url());

        int first = client.register(TOPIC + "-value", SyncRunEvent.getClassSchema());
        int second = client.register(TOPIC + "-value", SyncRunEvent.getClassSchema());
        int otherSubject = client.register("other-value", SyncRunEvent.getClassSchema());
        int otherSchema = client.register(TOPIC + "-value", RejectedEvent.getClassSchema());

        assertThat(second).isEqualTo(first);
        assertThat(otherSubject).as("ids are global: same schema, same id").isEqualTo(first);
        assertThat(otherSchema).isNotEqualTo(first);
        assertThat(registry.count(REGISTER)).isEqualTo(2);
        assertThat(registry.count("POST /subjects/other-value/versions")).isEqualTo(1);
    }

    @Test
    void codecsForTheSameRegistryShareOneClientPerProcess() {
        SyncRunEvent event = SampleRecords.syncRunEvent(SampleRecords.everyPayload().get(1));
        SerdeConfig config = SerdeConfig.withRegistry(registry.url());

        AvroCodec.<SyncRunEvent>create(SyncRunEvent.getClassSchema(), config).encode(TOPIC, event);
        AvroCodec.<SyncRunEvent>create(SyncRunEvent.getClassSchema(), config).encode(TOPIC, event);
        AvroSerde.<SyncRunEvent>create(SyncRunEvent.getClassSchema(), config).serializer().serialize(TOPIC, event);

        assertThat(registry.requests()).containsExactly(REGISTER);
    }

    @Test
    void anotherCodecFetchesTheWriterSchemaByIdOnce() throws Exception {
        AvroCodec<SyncRunEvent> producer = codecWithOwnClient();
        AvroCodec<SyncRunEvent> consumer = codecWithOwnClient();
        List<SyncRunEvent> written = new ArrayList<>();
        List<byte[]> wire = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            SyncRunEvent event = SampleRecords.syncRunEvent(SampleRecords.everyPayload().get(i % 5));
            written.add(event);
            wire.add(producer.encode(TOPIC, event));
        }
        int schemaId = ByteBuffer.wrap(wire.get(0), 1, 4).getInt();

        List<SyncRunEvent> read = new ArrayList<>();
        for (byte[] bytes : wire) {
            read.add(consumer.decode(TOPIC, bytes));
        }
        producer.decode(TOPIC, wire.get(0));

        assertThat(read).isEqualTo(written);
        assertThat(registry.requests())
                .as("one registration by the producer, one fetch by the consumer, none for the producer reading its own")
                .containsExactly(REGISTER, "GET /schemas/ids/" + schemaId);
    }

    @Test
    void unknownSchemaIdIsUndecodableAndNamesTheRegistry() {
        byte[] unknownId = {0, 0, 0, 0x03, (byte) 0xE7, 0x02};

        assertThatThrownBy(() -> codecWithOwnClient().decode(TOPIC, unknownId))
                .isInstanceOf(UndecodableRecordException.class)
                .hasMessage("schema id 999 is not in the schema registry at " + registry.url()
                        + " (was the record written against another registry?)");
        assertThat(registry.requests()).containsExactly("GET /schemas/ids/999");
    }

    @Test
    void aSchemaIdOfAnotherSchemaTypeIsUndecodable() {
        int protobufId = registry.storeNonAvroSchema("PROTOBUF", "syntax = \"proto3\"; message Foo { string a = 1; }");
        byte[] bytes = {0, 0, 0, 0, (byte) protobufId, 0x02, 0x61};

        assertThatThrownBy(() -> codecWithOwnClient().decode(TOPIC, bytes))
                .isInstanceOf(UndecodableRecordException.class)
                .hasMessageContaining("schema id " + protobufId)
                .hasMessageContaining("PROTOBUF schema, not Avro");
    }

    @Test
    void aRecordOfAnotherTypeIsUndecodable() {
        AvroCodec<RejectedEvent> rejectedCodec = AvroCodec.<RejectedEvent>builder(RejectedEvent.getClassSchema(),
                        SerdeConfig.withRegistry(registry.url()))
                .registryClient(new SchemaRegistryClient(registry.url()))
                .build();
        byte[] rejected = rejectedCodec.encode(TOPIC, SampleRecords.rejectedEvent());

        assertThatThrownBy(() -> codecWithOwnClient().decode(TOPIC, rejected))
                .isInstanceOf(UndecodableRecordException.class)
                .hasMessageStartingWith("record with schema id ")
                .hasMessageContaining("cannot be read as SyncRunEvent");
    }

    @Test
    void unreachableRegistryFailsWithOneLineNamingTheUrl() throws Exception {
        URI nobodyListens = closedPort();
        AvroCodec<SyncRunEvent> codec = AvroCodec.<SyncRunEvent>builder(SyncRunEvent.getClassSchema(),
                        SerdeConfig.withRegistry(nobodyListens))
                .registryClient(new SchemaRegistryClient(nobodyListens))
                .build();
        SyncRunEvent event = SampleRecords.syncRunEvent(SampleRecords.everyPayload().get(0));

        assertThatThrownBy(() -> codec.encode(TOPIC, event))
                .isInstanceOf(SchemaRegistryException.class)
                .hasMessageStartingWith("cannot reach the schema registry at " + nobodyListens + " (connection refused)")
                .hasMessageEndingWith("check --schema-registry-url and that the registry is running")
                .message().doesNotContain("\n");
        // A registry outage is not the record's fault: it must not look like poison.
        assertThatThrownBy(() -> codec.decode(TOPIC, new byte[] {0, 0, 0, 0, 1, 0}))
                .isInstanceOf(SchemaRegistryException.class)
                .hasMessageContaining(nobodyListens.toString());
    }

    @Test
    @Timeout(30)
    void silentRegistryTimesOutInsteadOfHanging() throws Exception {
        // Accepts connections (the kernel's backlog does) but never answers.
        try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            URI url = URI.create("http://127.0.0.1:" + silent.getLocalPort());
            SchemaRegistryClient client = new SchemaRegistryClient(url, Duration.ofSeconds(5), Duration.ofMillis(300));

            assertThatThrownBy(() -> client.schemaById(1))
                    .isInstanceOf(SchemaRegistryException.class)
                    .hasMessage("schema registry at " + url + " did not answer GET /schemas/ids/1 within 300 ms;"
                            + " check that the registry is healthy");
        }
    }

    @Test
    void registryErrorAnswersAreOneLineWithTheRegistryErrorCode() {
        registry.failEverythingWith(500);
        SchemaRegistryClient client = new SchemaRegistryClient(registry.url());

        assertThatThrownBy(() -> client.register(TOPIC + "-value", SyncRunEvent.getClassSchema()))
                .isInstanceOf(SchemaRegistryException.class)
                .hasMessage("schema registry at " + registry.url() + " answered POST /subjects/" + TOPIC
                        + "-value/versions with HTTP 500 (error_code 50001: Error in the backend data store);"
                        + " check the registry's logs");
        assertThatThrownBy(() -> client.schemaById(1))
                .isInstanceOf(SchemaRegistryException.class)
                .hasMessageContaining("HTTP 500");
    }

    @Test
    void failuresAreNotCachedSoTheRegistryIsAskedAgainOnceItRecovers() {
        SchemaRegistryClient client = new SchemaRegistryClient(registry.url());
        registry.failEverythingWith(503);
        assertThatThrownBy(() -> client.register(TOPIC + "-value", SyncRunEvent.getClassSchema()))
                .isInstanceOf(SchemaRegistryException.class);

        registry.failEverythingWith(0);

        assertThat(client.register(TOPIC + "-value", SyncRunEvent.getClassSchema())).isPositive();
    }

    @Test
    void anAnswerLargerThanTheLimitIsRefusedNotRead() {
        int huge = registry.storeNonAvroSchema("PROTOBUF", "x".repeat(5_000));
        SchemaRegistryClient client = new SchemaRegistryClient(SchemaRegistrySettings.of(registry.url()).withMaxResponseBytes(1024));

        assertThatThrownBy(() -> client.schemaById(huge))
                .isInstanceOf(SchemaRegistryException.class)
                .hasMessage("schema registry at " + registry.url() + " answered GET /schemas/ids/" + huge
                        + " with more than 1024 bytes; is " + registry.url() + " a Confluent-compatible schema registry?");
    }

    @Test
    void aUrlThatIsNoRegistryIsCalledOut() throws Exception {
        SchemaRegistryClient client = new SchemaRegistryClient(URI.create(registry.url() + "/not-the-api"));

        assertThatThrownBy(() -> client.schemaById(1))
                .isInstanceOf(SchemaRegistryException.class)
                .hasMessageEndingWith("HTTP 404 (error_code 404: HTTP 404 Not Found); check that --schema-registry-url points at the registry's API root");
    }

    private AvroCodec<SyncRunEvent> codecWithOwnClient() {
        return AvroCodec.<SyncRunEvent>builder(SyncRunEvent.getClassSchema(), SerdeConfig.withRegistry(registry.url()))
                .registryClient(new SchemaRegistryClient(registry.url()))
                .build();
    }

    private static URI closedPort() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        return URI.create("http://127.0.0.1:" + port);
    }
}
