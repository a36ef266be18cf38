package dev.syncledger.processor.documentlink;

import static dev.syncledger.processor.documentlink.DocumentLinkEvents.linked;
import static dev.syncledger.processor.documentlink.DocumentLinkEvents.t;
import static dev.syncledger.processor.documentlink.DocumentLinkEvents.unlinked;
import static org.assertj.core.api.Assertions.assertThat;

import dev.syncledger.processor.SyncLedgerTopology;
import dev.syncledger.processor.TopologyConfig;
import dev.syncledger.schemas.Topics;
import dev.syncledger.schemas.documentlink.DocumentLinkEvent;
import dev.syncledger.schemas.rejected.RejectedEvent;
import dev.syncledger.schemas.serde.AvroCodec;
import dev.syncledger.schemas.serde.SerdeConfig;
import dev.syncledger.schemas.serde.UndecodableRecordException;
import dev.syncledger.schemas.state.DocumentWorkspaceConnector;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DocumentLinkTopologyTest {

    private static final Instant WALL_CLOCK = Instant.parse("2026-06-03T00:00:00Z");
    private static final SerdeConfig SERDE = SerdeConfig.withoutRegistry();
    private static final String DOCUMENT_KEY = DocumentLinkEvents.DOCUMENT.toString();
    private static final String INPUT_LINK = DocumentLinkEvents.DOCUMENT + "/" + DocumentLinkEvents.CONNECTOR + "/input";

    private final AvroCodec<DocumentLinkEvent> events = AvroCodec.create(DocumentLinkEvent.getClassSchema(), SERDE);
    private final AvroCodec<DocumentWorkspaceConnector> rows = AvroCodec.create(DocumentWorkspaceConnector.getClassSchema(), SERDE);
    private final AvroCodec<RejectedEvent> rejections = AvroCodec.create(RejectedEvent.getClassSchema(), SERDE);

    private TopologyTestDriver driver;
    private TestInputTopic<byte[], byte[]> input;
    private TestOutputTopic<String, byte[]> state;
    private TestOutputTopic<String, byte[]> rejected;

    /** Its own state directory: test runs in other worktrees must not share RocksDB files under /tmp/kafka-streams. */
    @TempDir
    Path stateDir;

    @BeforeEach
    void startDriver() {
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "sync-ledger-test");
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        driver = new TopologyTestDriver(SyncLedgerTopology.build(TopologyConfig.defaults()), props, WALL_CLOCK);
        input = driver.createInputTopic(Topics.DOCUMENT_LINKS.name(), new ByteArraySerializer(), new ByteArraySerializer());
        state = driver.createOutputTopic(Topics.DOCUMENT_LINK_STATE.name(), new StringDeserializer(), new ByteArrayDeserializer());
        rejected = driver.createOutputTopic(Topics.REJECTED.name(), new StringDeserializer(), new ByteArrayDeserializer());
    }

    @AfterEach
    void closeDriver() {
        driver.close();
    }

    @Test
    void shouldEmitTheLinkRowKeyedByDocumentConnectorAndDirection() throws Exception {
        pipe(linked().at(0));

        List<KeyValue<String, DocumentWorkspaceConnector>> emitted = drainState();
        assertThat(emitted).singleElement().satisfies(record -> {
            assertThat(record.key).isEqualTo(INPUT_LINK);
            DocumentWorkspaceConnector row = record.value;
            assertThat(row.getDocumentId()).isEqualTo(DocumentLinkEvents.DOCUMENT);
            assertThat(row.getWorkspaceId()).isEqualTo(DocumentLinkEvents.WORKSPACE);
            assertThat(row.getWorkspaceConnectorId()).isEqualTo(DocumentLinkEvents.CONNECTOR);
            assertThat(row.getDirection()).isEqualTo("input");
            assertThat(row.getCreatedAt()).isEqualTo(t(0));
            assertThat(row.getUpdatedAt()).isEqualTo(t(0));
            assertThat(row.getDeletedAt()).isNull();
            assertThat(row.getRevision()).isEqualTo(1);
        });
        assertThat(rejected.isEmpty()).isTrue();
    }

    @Test
    void shouldSetDeletedAtOnUnlinkAndClearItOnALaterLink() throws Exception {
        pipe(linked().at(0));
        pipe(unlinked().at(30));
        pipe(linked().at(60));

        List<DocumentWorkspaceConnector> emitted = drainRows();
        assertThat(emitted).extracting(DocumentWorkspaceConnector::getDeletedAt).containsExactly(null, t(30), null);
        assertThat(emitted).extracting(DocumentWorkspaceConnector::getUpdatedAt).containsExactly(t(0), t(30), t(60));
        assertThat(emitted).extracting(DocumentWorkspaceConnector::getCreatedAt).containsOnly(t(0));
        assertThat(emitted).extracting(DocumentWorkspaceConnector::getRevision).containsExactly(1L, 2L, 3L);
    }

    @Test
    void shouldHoldAnUnlinkWithoutARowUntilAnEarlierLinkArrives() throws Exception {
        pipe(unlinked().at(10));
        assertThat(state.isEmpty()).as("no row before a link").isTrue();

        pipe(linked().at(5));

        DocumentWorkspaceConnector row = lastRow();
        assertThat(row.getCreatedAt()).isEqualTo(t(5));
        assertThat(row.getUpdatedAt()).isEqualTo(t(10));
        assertThat(row.getDeletedAt()).isEqualTo(t(10));
        assertThat(row.getRevision()).isEqualTo(1);
    }

    @Test
    void shouldMoveCreatedAtBackForAnEarlierLinkArrivingLate() throws Exception {
        pipe(linked().at(20));
        pipe(linked().at(5));

        DocumentWorkspaceConnector row = lastRow();
        assertThat(row.getCreatedAt()).isEqualTo(t(5));
        assertThat(row.getUpdatedAt()).isEqualTo(t(20));
        assertThat(row.getRevision()).isEqualTo(2);
    }

    @Test
    void shouldChangeNothingForARedeliveredEventOrAnOlderUnlink() throws Exception {
        DocumentLinkEvents link = linked().at(20);
        pipe(link);
        drainState();

        pipe(link);
        pipe(unlinked().at(10));

        assertThat(state.isEmpty()).isTrue();
        assertThat(rejected.isEmpty()).isTrue();
    }

    @Test
    void shouldKeepOneRowPerDirectionAndConnectorOfADocument() throws Exception {
        UUID otherConnector = UUID.fromString("5b0c6a1e-7d2f-4e83-9a14-c6e2f0b3d857");
        pipe(linked().at(0));
        pipe(linked().at(1).direction("output"));
        pipe(linked().at(2).connector(otherConnector));
        pipe(unlinked().at(3).direction("output"));

        List<KeyValue<String, DocumentWorkspaceConnector>> emitted = drainState();
        String outputLink = DocumentLinkEvents.DOCUMENT + "/" + DocumentLinkEvents.CONNECTOR + "/output";
        assertThat(emitted).extracting(record -> record.key).containsExactly(
                INPUT_LINK, outputLink, DocumentLinkEvents.DOCUMENT + "/" + otherConnector + "/input", outputLink);
        assertThat(emitted).extracting(record -> record.value.getRevision()).containsExactly(1L, 1L, 1L, 2L);
        assertThat(emitted.get(3).value.getDeletedAt()).isEqualTo(t(3));
        assertThat(emitted.get(3).value.getDirection()).isEqualTo("output");
    }

    @Test
    void shouldRejectUndecodableBytesAsMalformedWithTheirCoordinatesAndBytes() throws Exception {
        byte[] garbage = "{\"type\":\"document.linked\"}".getBytes(StandardCharsets.UTF_8);
        input.pipeInput(DOCUMENT_KEY.getBytes(StandardCharsets.UTF_8), garbage);

        RejectedEvent rejection = singleRejection();
        assertThat(rejection.getReason()).isEqualTo("malformed");
        assertThat(rejection.getSourceTopic()).isEqualTo(Topics.DOCUMENT_LINKS.name());
        assertThat(rejection.getSourcePartition()).isZero();
        assertThat(rejection.getSourceOffset()).isZero();
        assertThat(rejection.getEventId()).isNull();
        assertThat(rejection.getRecordKey()).isEqualTo(DOCUMENT_KEY);
        assertThat(bytes(rejection)).isEqualTo(garbage);
        assertThat(rejection.getMessage()).isNotBlank().doesNotContain("\n");
        assertThat(rejection.getRejectedAt()).isEqualTo(WALL_CLOCK);
        assertThat(state.isEmpty()).isTrue();
    }

    @Test
    void shouldRejectARecordWithoutAValueAsMalformed() throws Exception {
        input.pipeInput(DOCUMENT_KEY.getBytes(StandardCharsets.UTF_8), (byte[]) null);

        assertThat(singleRejection().getReason()).isEqualTo("malformed");
    }

    @Test
    void shouldRejectAnEventWhoseKeyIsNotItsDocumentId() throws Exception {
        DocumentLinkEvents event = linked().at(0);
        byte[] raw = events.encode(Topics.DOCUMENT_LINKS.name(), event.avro());
        input.pipeInput(DocumentLinkEvents.CONNECTOR.toString().getBytes(StandardCharsets.UTF_8), raw);
        input.pipeInput((byte[]) null, raw);

        List<RejectedEvent> all = drainRejections();
        assertThat(all).extracting(RejectedEvent::getReason).containsExactly("malformed", "malformed");
        assertThat(all).extracting(RejectedEvent::getEventId).containsOnly(event.eventId().toString());
        assertThat(all.get(0).getMessage()).contains("must equal document_id");
        assertThat(all.get(1).getRecordKey()).isNull();
        assertThat(state.isEmpty()).isTrue();
    }

    @Test
    void shouldRejectTextPostgresCannotStoreAndTimesOutsideItsYearsAsMalformed() throws Exception {
        pipe(linked().at(0).direction("in\u0000put"));
        pipe(linked().at(Instant.parse("1969-07-20T20:17:40Z")));

        assertThat(drainRejections()).extracting(RejectedEvent::getReason).containsExactly("malformed", "malformed");
        assertThat(state.isEmpty()).isTrue();
    }

    @Test
    void shouldRejectADirectionOtherThanInputOrOutputAsUnknownEnumValue() throws Exception {
        DocumentLinkEvents event = linked().at(0).direction("bidirectional");
        byte[] raw = pipe(event);

        RejectedEvent rejection = singleRejection();
        assertThat(rejection.getReason()).isEqualTo("unknown_enum_value");
        assertThat(rejection.getEventId()).isEqualTo(event.eventId().toString());
        assertThat(rejection.getMessage()).contains("bidirectional");
        assertThat(bytes(rejection)).isEqualTo(raw);
        assertThat(state.isEmpty()).isTrue();
    }

    @Test
    void shouldRejectAnEventNamingAnotherWorkspaceAndKeepTheRow() throws Exception {
        pipe(linked().at(0));
        drainState();
        DocumentLinkEvents intruder = unlinked().at(30).workspace(UUID.fromString("0d6f1e2a-5b3c-4e7d-9f81-2a4b6c8d0e1f"));
        byte[] raw = pipe(intruder);

        RejectedEvent rejection = singleRejection();
        assertThat(rejection.getReason()).isEqualTo("workspace_mismatch");
        assertThat(rejection.getEventId()).isEqualTo(intruder.eventId().toString());
        assertThat(rejection.getSourceOffset()).isEqualTo(1);
        assertThat(bytes(rejection)).isEqualTo(raw);
        assertThat(state.isEmpty()).isTrue();
    }

    @Test
    void shouldKeepFoldingAfterRejectingBadInput() throws Exception {
        input.pipeInput(DOCUMENT_KEY.getBytes(StandardCharsets.UTF_8), new byte[] {0x00, 0x01});
        pipe(linked().at(0).direction("sideways"));
        pipe(linked().at(0));

        assertThat(drainRejections()).extracting(RejectedEvent::getReason).containsExactly("malformed", "unknown_enum_value");
        assertThat(lastRow().getRevision()).isEqualTo(1);
    }

    private byte[] pipe(DocumentLinkEvents event) {
        DocumentLinkEvent avro = event.avro();
        byte[] value = events.encode(Topics.DOCUMENT_LINKS.name(), avro);
        input.pipeInput(avro.getDocumentId().toString().getBytes(StandardCharsets.UTF_8), value);
        return value;
    }

    private List<KeyValue<String, DocumentWorkspaceConnector>> drainState() throws UndecodableRecordException {
        List<KeyValue<String, DocumentWorkspaceConnector>> decoded = new ArrayList<>();
        for (KeyValue<String, byte[]> record : state.readKeyValuesToList()) {
            decoded.add(KeyValue.pair(record.key, rows.decode(Topics.DOCUMENT_LINK_STATE.name(), record.value)));
        }
        return decoded;
    }

    private List<DocumentWorkspaceConnector> drainRows() throws UndecodableRecordException {
        return drainState().stream().map(record -> record.value).toList();
    }

    private DocumentWorkspaceConnector lastRow() throws UndecodableRecordException {
        List<DocumentWorkspaceConnector> emitted = drainRows();
        assertThat(emitted).isNotEmpty();
        return emitted.get(emitted.size() - 1);
    }

    private List<RejectedEvent> drainRejections() throws UndecodableRecordException {
        List<RejectedEvent> decoded = new ArrayList<>();
        for (byte[] value : rejected.readValuesToList()) {
            decoded.add(rejections.decode(Topics.REJECTED.name(), value));
        }
        return decoded;
    }

    private RejectedEvent singleRejection() throws UndecodableRecordException {
        List<RejectedEvent> all = drainRejections();
        assertThat(all).hasSize(1);
        return all.get(0);
    }

    private static byte[] bytes(RejectedEvent rejection) {
        ByteBuffer buffer = rejection.getPayload().duplicate();
        byte[] out = new byte[buffer.remaining()];
        buffer.get(out);
        return out;
    }
}
