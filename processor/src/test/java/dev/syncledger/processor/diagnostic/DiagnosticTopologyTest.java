package dev.syncledger.processor.diagnostic;

import static dev.syncledger.processor.diagnostic.DiagnosticEvents.emitted;
import static dev.syncledger.processor.diagnostic.DiagnosticEvents.t;
import static org.assertj.core.api.Assertions.assertThat;

import dev.syncledger.processor.SyncLedgerTopology;
import dev.syncledger.processor.TopologyConfig;
import dev.syncledger.schemas.Topics;
import dev.syncledger.schemas.diagnostic.DiagnosticEvent;
import dev.syncledger.schemas.rejected.RejectedEvent;
import dev.syncledger.schemas.serde.AvroCodec;
import dev.syncledger.schemas.serde.SerdeConfig;
import dev.syncledger.schemas.serde.UndecodableRecordException;
import dev.syncledger.schemas.state.ConnectorSyncDiagnostic;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.common.Metric;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class DiagnosticTopologyTest {

    /** A day after the test events' T0, so that they are well within the default 30-day retention. */
    private static final Instant WALL_CLOCK = t(0).plus(Duration.ofDays(1));
    private static final Duration RETENTION = TopologyConfig.DEFAULT_DIAGNOSTIC_RETENTION;
    private static final Duration PRUNE_INTERVAL = TopologyConfig.DEFAULT_PRUNE_INTERVAL;
    private static final SerdeConfig SERDE = SerdeConfig.withoutRegistry();
    private static final String LOW = "00000000-0000-4000-8000-000000000001";
    private static final String HIGH = "00000000-0000-4000-8000-000000000002";

    private final AvroCodec<DiagnosticEvent> events = AvroCodec.create(DiagnosticEvent.getClassSchema(), SERDE);
    private final AvroCodec<ConnectorSyncDiagnostic> rows = AvroCodec.create(ConnectorSyncDiagnostic.getClassSchema(), SERDE);
    private final AvroCodec<RejectedEvent> rejections = AvroCodec.create(RejectedEvent.getClassSchema(), SERDE);

    private TopologyTestDriver driver;
    private TestInputTopic<byte[], byte[]> input;
    private TestOutputTopic<String, byte[]> state;
    private TestOutputTopic<String, byte[]> rejected;

    @BeforeEach
    void startDriver() {
        start(TopologyConfig.defaults());
    }

    @AfterEach
    void closeDriver() {
        driver.close();
    }

    private void start(TopologyConfig config) {
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "sync-ledger-test");
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        driver = new TopologyTestDriver(SyncLedgerTopology.build(config), props, WALL_CLOCK);
        input = driver.createInputTopic(Topics.DIAGNOSTICS.name(), new ByteArraySerializer(), new ByteArraySerializer());
        state = driver.createOutputTopic(Topics.DIAGNOSTIC_STATE.name(), new StringDeserializer(), new ByteArrayDeserializer());
        rejected = driver.createOutputTopic(Topics.REJECTED.name(), new StringDeserializer(), new ByteArrayDeserializer());
    }

    @Test
    void shouldEmitTheDiagnosticRowKeyedByDiagnosticId() throws Exception {
        pipe(emitted().at(7).targetModel("invoice").tool("pennylane_get_invoices").reason("mapped_entities_dropped")
                .httpStatus(200).detail("Validator rejected 12/12 mapped entities"));

        List<KeyValue<String, ConnectorSyncDiagnostic>> emitted = drainState();
        assertThat(emitted).hasSize(1);
        assertThat(emitted.get(0).key).isEqualTo(DiagnosticEvents.DIAGNOSTIC.toString());
        ConnectorSyncDiagnostic row = emitted.get(0).value;
        assertThat(row.getDiagnosticId()).isEqualTo(DiagnosticEvents.DIAGNOSTIC);
        assertThat(row.getWorkspaceId()).isEqualTo(DiagnosticEvents.WORKSPACE);
        assertThat(row.getWorkspaceConnectorId()).isEqualTo(DiagnosticEvents.CONNECTOR);
        assertThat(row.getTargetModel()).isEqualTo("invoice");
        assertThat(row.getToolName()).isEqualTo("pennylane_get_invoices");
        assertThat(row.getReason()).isEqualTo("mapped_entities_dropped");
        assertThat(row.getHttpStatus()).isEqualTo(200);
        assertThat(row.getDetail()).isEqualTo("Validator rejected 12/12 mapped entities");
        assertThat(row.getOccurredAt()).isEqualTo(t(7));
        assertThat(row.getCreatedAt()).isEqualTo(t(7));
        assertThat(row.getUpdatedAt()).isEqualTo(t(7));
        assertThat(rejected.isEmpty()).isTrue();
    }

    @Test
    void shouldEmitNullToolNameAndHttpStatusWhenLeftOut() throws Exception {
        pipe(emitted().tool(null).httpStatus(null).reason("no_suitable_tool"));

        ConnectorSyncDiagnostic row = drainState().get(0).value;
        assertThat(row.getToolName()).isNull();
        assertThat(row.getHttpStatus()).isNull();
        assertThat(row.getReason()).isEqualTo("no_suitable_tool");
    }

    @Test
    void shouldChangeNothingForTheSameEventAgain() throws Exception {
        DiagnosticEvents event = emitted();
        pipe(event);
        drainState();

        pipe(event);

        assertThat(state.isEmpty()).isTrue();
        assertThat(rejected.isEmpty()).isTrue();
    }

    @Test
    void shouldRejectASecondEventForTheSameDiagnosticAsConflicting() throws Exception {
        pipe(emitted().id(LOW).detail("first"));
        drainState();
        DiagnosticEvents second = emitted().id(HIGH).detail("second");
        byte[] raw = pipe(second);

        RejectedEvent rejection = singleRejection();
        assertThat(rejection.getReason()).isEqualTo("conflicting_diagnostic");
        assertThat(rejection.getEventId()).isEqualTo(second.eventId().toString());
        assertThat(rejection.getSourceOffset()).isEqualTo(1);
        assertThat(bytes(rejection)).isEqualTo(raw);
        assertThat(state.isEmpty()).isTrue();
    }

    @Test
    void shouldRetractAnAcceptedDiagnosticDisplacedByALowerEventIdByItsOwnPosition() throws Exception {
        DiagnosticEvents first = emitted().id(HIGH).detail("arrived first");
        pipe(first);
        pipe(emitted().id(LOW).detail("lower event id"));

        RejectedEvent rejection = singleRejection();
        assertThat(rejection.getReason()).isEqualTo("conflicting_diagnostic");
        assertThat(rejection.getEventId()).isEqualTo(first.eventId().toString());
        assertThat(rejection.getSourceOffset()).isZero();
        assertThat(rejection.getRecordKey()).isEqualTo(DiagnosticEvents.DIAGNOSTIC.toString());
        assertThat(rejection.getPayload()).as("what is kept of a diagnostic holds its position, not its bytes").isNull();
        assertThat(drainState()).extracting(kv -> kv.value.getDetail()).containsExactly("arrived first", "lower event id");
    }

    @Test
    void shouldRejectAnUnknownTargetModelKeepingTheRawEventForReplay() throws Exception {
        DiagnosticEvents event = emitted().targetModel("purchase_order");
        byte[] raw = pipe(event);

        RejectedEvent rejection = singleRejection();
        assertThat(rejection.getReason()).isEqualTo("unknown_enum_value");
        assertThat(rejection.getEventId()).isEqualTo(event.eventId().toString());
        assertThat(rejection.getMessage()).contains("purchase_order");
        assertThat(bytes(rejection)).isEqualTo(raw);
        assertThat(state.isEmpty()).isTrue();
    }

    @Test
    void shouldRejectAnUnknownReasonAndCarryOnWithTheNextEvent() throws Exception {
        pipe(emitted().reason("quota_exceeded"));
        pipe(emitted().diagnostic(UUID.randomUUID()).reason("tool_not_found"));

        assertThat(singleRejection().getReason()).isEqualTo("unknown_enum_value");
        assertThat(drainState()).extracting(kv -> kv.value.getReason()).containsExactly("tool_not_found");
    }

    @Test
    void shouldRejectAnHttpStatusOutOfRangeAsInvalidHttpStatus() throws Exception {
        pipe(emitted().httpStatus(99));
        pipe(emitted().httpStatus(600));

        assertThat(drainRejections()).extracting(RejectedEvent::getReason).containsExactly("invalid_http_status", "invalid_http_status");
        assertThat(state.isEmpty()).isTrue();
    }

    @Test
    void shouldRejectADiagnosticWithoutDetailAsMissingDetail() throws Exception {
        pipe(emitted().detail(null));

        assertThat(singleRejection().getReason()).isEqualTo("missing_detail");
        assertThat(state.isEmpty()).isTrue();
    }

    @Test
    void shouldRejectUndecodableBytesAsMalformedWithTheirCoordinatesAndBytes() throws Exception {
        byte[] garbage = "{\"type\":\"diagnostic.emitted\"}".getBytes(StandardCharsets.UTF_8);
        input.pipeInput(DiagnosticEvents.DIAGNOSTIC.toString().getBytes(StandardCharsets.UTF_8), garbage);

        RejectedEvent rejection = singleRejection();
        assertThat(rejection.getReason()).isEqualTo("malformed");
        assertThat(rejection.getSourceTopic()).isEqualTo(Topics.DIAGNOSTICS.name());
        assertThat(rejection.getSourcePartition()).isZero();
        assertThat(rejection.getSourceOffset()).isZero();
        assertThat(rejection.getEventId()).isNull();
        assertThat(rejection.getRecordKey()).isEqualTo(DiagnosticEvents.DIAGNOSTIC.toString());
        assertThat(bytes(rejection)).isEqualTo(garbage);
        assertThat(rejection.getMessage()).isNotBlank().doesNotContain("\n");
        assertThat(rejection.getRejectedAt()).isEqualTo(WALL_CLOCK);
        assertThat(state.isEmpty()).isTrue();
    }

    @Test
    void shouldRejectAnEventWhoseKeyIsNotItsDiagnosticId() throws Exception {
        DiagnosticEvents event = emitted();
        input.pipeInput(UUID.randomUUID().toString().getBytes(StandardCharsets.UTF_8), events.encode(Topics.DIAGNOSTICS.name(), event.avro()));

        RejectedEvent rejection = singleRejection();
        assertThat(rejection.getReason()).isEqualTo("malformed");
        assertThat(rejection.getEventId()).isEqualTo(event.eventId().toString());
        assertThat(rejection.getMessage()).contains("must equal diagnostic_id");
    }

    @Test
    void shouldRejectTextPostgresCannotStoreAndTimesOutsideTheYearsAsMalformed() throws Exception {
        pipe(emitted().detail("bad\u0000byte"));
        pipe(emitted().tool("nul\u0000tool"));
        pipe(emitted().at(Instant.parse("1969-12-31T23:59:59Z")));
        pipe(emitted().at(Instant.parse("+10000-01-01T00:00:00Z")));

        assertThat(drainRejections()).extracting(RejectedEvent::getReason).containsOnly("malformed").hasSize(4);
        assertThat(state.isEmpty()).isTrue();
    }

    @Test
    void shouldPruneDiagnosticsOlderThanRetention() throws Exception {
        pipe(emitted().at(WALL_CLOCK.minus(RETENTION).plus(Duration.ofSeconds(30))));
        drainState();

        driver.advanceWallClockTime(PRUNE_INTERVAL);

        List<KeyValue<String, byte[]>> tombstones = state.readKeyValuesToList();
        assertThat(tombstones).hasSize(1);
        assertThat(tombstones.get(0).key).isEqualTo(DiagnosticEvents.DIAGNOSTIC.toString());
        assertThat(tombstones.get(0).value).isNull();
        assertThat(count(diagnosticStore())).isZero();
        assertThat(count(indexStore())).isZero();
        assertThat(metricTotal("diagnostics-pruned-total")).isEqualTo(1.0);
        assertThat(rejected.isEmpty()).isTrue();
    }

    @Test
    void shouldNotPruneYoungerRows() throws Exception {
        Instant bound = WALL_CLOCK.minus(RETENTION);
        UUID young = UUID.fromString("0b5c7a3e-9a1d-4f5e-8c2b-3d4e5f607182");
        pipe(emitted().at(bound.plus(Duration.ofSeconds(30))));
        pipe(emitted().diagnostic(young).at(bound.plus(Duration.ofHours(1))));
        pipe(emitted().diagnostic(UUID.randomUUID()).at(t(0)));
        drainState();

        driver.advanceWallClockTime(PRUNE_INTERVAL);
        assertThat(state.readKeyValuesToList()).extracting(kv -> kv.key).containsExactly(DiagnosticEvents.DIAGNOSTIC.toString());
        assertThat(count(diagnosticStore())).isEqualTo(2);

        driver.advanceWallClockTime(Duration.ofHours(1));
        assertThat(state.readKeyValuesToList()).extracting(kv -> kv.key).containsExactly(young.toString());
        assertThat(count(diagnosticStore())).isEqualTo(1);
        assertThat(count(indexStore())).isEqualTo(1);
        assertThat(metricTotal("diagnostics-pruned-total")).isEqualTo(2.0);
    }

    @Test
    void shouldNotMaterialiseADiagnosticAlreadyExpired() throws Exception {
        pipe(emitted().at(WALL_CLOCK.minus(RETENTION).minusMillis(1)));

        assertThat(state.isEmpty()).isTrue();
        assertThat(rejected.isEmpty()).isTrue();
        assertThat(count(diagnosticStore())).isZero();
        assertThat(count(indexStore())).isZero();
        assertThat(metricTotal("diagnostics-expired-on-arrival-total")).isEqualTo(1.0);
    }

    @Test
    void shouldPruneByTheTimeOfTheEventThatWonNotOfTheOneItDisplaced() throws Exception {
        Instant bound = WALL_CLOCK.minus(RETENTION);
        pipe(emitted().id(HIGH).at(bound.plus(Duration.ofSeconds(30))).detail("old, displaced"));
        pipe(emitted().id(LOW).at(bound.plus(Duration.ofHours(2))).detail("younger, wins"));
        drainState();
        drainRejections();

        driver.advanceWallClockTime(Duration.ofMinutes(10));
        assertThat(state.isEmpty()).as("nothing pruned at the displaced event's time").isTrue();
        assertThat(count(indexStore())).isEqualTo(1);

        driver.advanceWallClockTime(Duration.ofHours(2));
        assertThat(state.readKeyValuesToList()).singleElement().satisfies(kv -> assertThat(kv.value).isNull());
        assertThat(count(indexStore())).isZero();
    }

    @Test
    void shouldTreatARedeliveryAfterPruningAsExpiredOnArrival() throws Exception {
        DiagnosticEvents event = emitted().at(WALL_CLOCK.minus(RETENTION).plus(Duration.ofSeconds(30)));
        pipe(event);
        driver.advanceWallClockTime(PRUNE_INTERVAL);
        assertThat(state.readKeyValuesToList()).extracting(kv -> kv.value == null).containsExactly(false, true);

        pipe(event);

        assertThat(state.isEmpty()).isTrue();
        assertThat(rejected.isEmpty()).isTrue();
        assertThat(metricTotal("diagnostics-expired-on-arrival-total")).isEqualTo(1.0);
    }

    @Test
    void shouldApplyTheConfiguredRetentionAndPruneInterval() throws Exception {
        driver.close();
        start(TopologyConfig.defaults().withDiagnosticRetention(Duration.ofHours(1)).withPruneInterval(Duration.ofMinutes(5)));
        pipe(emitted().at(WALL_CLOCK.minus(Duration.ofMinutes(58))));
        pipe(emitted().diagnostic(UUID.randomUUID()).at(WALL_CLOCK.minus(Duration.ofMinutes(61))));
        assertThat(drainState()).hasSize(1);

        driver.advanceWallClockTime(Duration.ofMinutes(1));
        assertThat(state.isEmpty()).as("no punctuation before the interval").isTrue();

        driver.advanceWallClockTime(Duration.ofMinutes(4));
        assertThat(state.readKeyValuesToList()).singleElement().satisfies(kv -> assertThat(kv.value).isNull());
    }

    private byte[] pipe(DiagnosticEvents event) {
        DiagnosticEvent avro = event.avro();
        byte[] value = events.encode(Topics.DIAGNOSTICS.name(), avro);
        input.pipeInput(avro.getDiagnosticId().toString().getBytes(StandardCharsets.UTF_8), value);
        return value;
    }

    private List<KeyValue<String, ConnectorSyncDiagnostic>> drainState() throws UndecodableRecordException {
        List<KeyValue<String, ConnectorSyncDiagnostic>> decoded = new ArrayList<>();
        for (KeyValue<String, byte[]> record : state.readKeyValuesToList()) {
            assertThat(record.value).as("a row, not a tombstone").isNotNull();
            decoded.add(KeyValue.pair(record.key, rows.decode(Topics.DIAGNOSTIC_STATE.name(), record.value)));
        }
        return decoded;
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

    private KeyValueStore<String, StoredDiagnostic> diagnosticStore() {
        return driver.getKeyValueStore(DiagnosticBranch.DIAGNOSTIC_STORE);
    }

    private KeyValueStore<Bytes, byte[]> indexStore() {
        return driver.getKeyValueStore(DiagnosticBranch.OCCURRENCE_INDEX_STORE);
    }

    private static long count(KeyValueStore<?, ?> store) {
        long count = 0;
        try (KeyValueIterator<?, ?> all = store.all()) {
            while (all.hasNext()) {
                all.next();
                count++;
            }
        }
        return count;
    }

    private double metricTotal(String name) {
        return driver.metrics().entrySet().stream()
                .filter(entry -> entry.getKey().name().equals(name))
                .map(entry -> (Metric) entry.getValue())
                .mapToDouble(metric -> ((Number) metric.metricValue()).doubleValue())
                .sum();
    }

    private static byte[] bytes(RejectedEvent rejection) {
        ByteBuffer buffer = rejection.getPayload().duplicate();
        byte[] out = new byte[buffer.remaining()];
        buffer.get(out);
        return out;
    }
}
