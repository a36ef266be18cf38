package dev.syncledger.processor.synclog;

import dev.syncledger.processor.LedgerSensors;
import dev.syncledger.processor.ledger.AcceptedEvents;
import static dev.syncledger.processor.synclog.SyncRunEvents.deleted;
import static dev.syncledger.processor.synclog.SyncRunEvents.failed;
import static dev.syncledger.processor.synclog.SyncRunEvents.scheduled;
import static dev.syncledger.processor.synclog.SyncRunEvents.started;
import static dev.syncledger.processor.synclog.SyncRunEvents.succeeded;
import static dev.syncledger.processor.synclog.SyncRunEvents.t;
import static org.assertj.core.api.Assertions.assertThat;

import dev.syncledger.processor.SyncLedgerTopology;
import dev.syncledger.processor.TopologyConfig;
import dev.syncledger.schemas.ConnectorSyncStatus;
import dev.syncledger.schemas.Topics;
import dev.syncledger.schemas.TriggerType;
import dev.syncledger.schemas.rejected.RejectedEvent;
import dev.syncledger.schemas.serde.AvroCodec;
import dev.syncledger.schemas.serde.SerdeConfig;
import dev.syncledger.schemas.serde.UndecodableRecordException;
import dev.syncledger.schemas.state.WorkspaceConnectorSyncLog;
import dev.syncledger.schemas.syncrun.SyncRunEvent;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SyncLogTopologyTest {

    private static final Instant WALL_CLOCK = Instant.parse("2026-06-03T00:00:00Z");
    private static final SerdeConfig SERDE = SerdeConfig.withoutRegistry();

    private final AvroCodec<SyncRunEvent> events = AvroCodec.create(SyncRunEvent.getClassSchema(), SERDE);
    private final AvroCodec<WorkspaceConnectorSyncLog> rows = AvroCodec.create(WorkspaceConnectorSyncLog.getClassSchema(), SERDE);
    private final AvroCodec<RejectedEvent> rejections = AvroCodec.create(RejectedEvent.getClassSchema(), SERDE);

    private TopologyTestDriver driver;
    private TestInputTopic<byte[], byte[]> input;
    private TestOutputTopic<String, byte[]> state;
    private TestOutputTopic<String, byte[]> rejected;

    @BeforeEach
    void startDriver() {
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "sync-ledger-test");
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        driver = new TopologyTestDriver(SyncLedgerTopology.build(TopologyConfig.defaults()), props, WALL_CLOCK);
        input = driver.createInputTopic(Topics.SYNC_RUNS.name(), new ByteArraySerializer(), new ByteArraySerializer());
        state = driver.createOutputTopic(Topics.SYNC_LOG_STATE.name(), new StringDeserializer(), new ByteArrayDeserializer());
        rejected = driver.createOutputTopic(Topics.REJECTED.name(), new StringDeserializer(), new ByteArrayDeserializer());
    }

    @AfterEach
    void closeDriver() {
        driver.close();
    }

    @Test
    void shouldEmitTheRunRowOnEveryChangeKeyedBySyncLogId() throws Exception {
        pipe(scheduled().at(0).trigger(TriggerType.cloud_task).cloudTask("projects/p/queues/q/tasks/t-1"));
        pipe(started().at(2).time(2));
        pipe(succeeded().at(47).time(47).metadata("{\"records_synced\":312,\"connector_slug\":\"pennylane\"}"));

        List<WorkspaceConnectorSyncLog> emitted = drainState();
        assertThat(emitted).extracting(WorkspaceConnectorSyncLog::getStatus)
                .containsExactly(ConnectorSyncStatus.scheduled, ConnectorSyncStatus.in_progress, ConnectorSyncStatus.success);
        assertThat(emitted).extracting(WorkspaceConnectorSyncLog::getRevision).containsExactly(1L, 2L, 3L);
        WorkspaceConnectorSyncLog last = emitted.get(2);
        assertThat(last.getWorkspaceConnectorSyncLogId()).isEqualTo(SyncRunEvents.RUN);
        assertThat(last.getWorkspaceId()).isEqualTo(SyncRunEvents.WORKSPACE);
        assertThat(last.getWorkspaceConnectorId()).isEqualTo(SyncRunEvents.CONNECTOR);
        assertThat(last.getTriggerType()).isEqualTo(TriggerType.cloud_task);
        assertThat(last.getCloudTaskId()).isEqualTo("projects/p/queues/q/tasks/t-1");
        assertThat(last.getStartedAt()).isEqualTo(t(2));
        assertThat(last.getCompletedAt()).isEqualTo(t(47));
        assertThat(last.getDurationMs()).isEqualTo(45_000);
        assertThat(last.getError()).isNull();
        assertThat(last.getMetadata()).isEqualTo("{\"records_synced\":312,\"connector_slug\":\"pennylane\"}");
        assertThat(last.getCreatedAt()).isEqualTo(t(0));
        assertThat(last.getUpdatedAt()).isEqualTo(t(47));
        assertThat(last.getDeletedAt()).isNull();
        assertThat(rejected.isEmpty()).isTrue();
    }

    @Test
    void shouldFillStartedAtAndDurationFromAStartArrivingAfterTheTerminalEvent() throws Exception {
        pipe(failed().at(30).time(30).error("HTTP 502 from provider"));
        pipe(started().at(31).time(12));

        WorkspaceConnectorSyncLog last = lastRow();
        assertThat(last.getStatus()).isEqualTo(ConnectorSyncStatus.error);
        assertThat(last.getError()).isEqualTo("HTTP 502 from provider");
        assertThat(last.getStartedAt()).isEqualTo(t(12));
        assertThat(last.getDurationMs()).isEqualTo(18_000);
    }

    @Test
    void shouldChangeNothingForARepeatedEventId() throws Exception {
        SyncRunEvents start = started().at(1);
        pipe(start);
        drainState();

        pipe(start);

        assertThat(state.isEmpty()).isTrue();
        assertThat(rejected.isEmpty()).isTrue();
    }

    @Test
    void shouldKeepASoftDeletedRunWithDeletedAt() throws Exception {
        pipe(scheduled().at(0));
        pipe(deleted().at(9));

        WorkspaceConnectorSyncLog last = lastRow();
        assertThat(last.getDeletedAt()).isEqualTo(t(9));
        assertThat(last.getStatus()).isEqualTo(ConnectorSyncStatus.scheduled);
    }

    @Test
    void shouldRejectUndecodableBytesAsMalformedWithTheirCoordinatesAndBytes() throws Exception {
        byte[] garbage = "not avro at all".getBytes(StandardCharsets.UTF_8);
        input.pipeInput(SyncRunEvents.RUN.toString().getBytes(StandardCharsets.UTF_8), garbage);

        RejectedEvent rejection = singleRejection();
        assertThat(rejection.getReason()).isEqualTo("malformed");
        assertThat(rejection.getSourceTopic()).isEqualTo(Topics.SYNC_RUNS.name());
        assertThat(rejection.getSourcePartition()).isZero();
        assertThat(rejection.getSourceOffset()).isZero();
        assertThat(rejection.getEventId()).isNull();
        assertThat(rejection.getRecordKey()).isEqualTo(SyncRunEvents.RUN.toString());
        assertThat(bytes(rejection)).isEqualTo(garbage);
        assertThat(rejection.getMessage()).isNotBlank().doesNotContain("\n");
        assertThat(rejection.getRejectedAt()).isEqualTo(WALL_CLOCK);
        assertThat(state.isEmpty()).isTrue();
    }

    @Test
    void shouldRejectAnEventWhoseKeyIsNotItsSyncLogId() throws Exception {
        SyncRunEvents event = scheduled().at(0);
        input.pipeInput(UUID.randomUUID().toString().getBytes(StandardCharsets.UTF_8), events.encode(Topics.SYNC_RUNS.name(), event.avro()));

        RejectedEvent rejection = singleRejection();
        assertThat(rejection.getReason()).isEqualTo("malformed");
        assertThat(rejection.getEventId()).isEqualTo(event.eventId().toString());
        assertThat(rejection.getMessage()).contains("must equal sync_log_id");
    }

    @Test
    void shouldRejectMetadataThatIsNotAJsonObjectAsMalformed() throws Exception {
        pipe(succeeded().at(1).metadata("[1,2]"));
        pipe(succeeded().at(2).metadata("{broken"));

        assertThat(drainRejections()).extracting(RejectedEvent::getReason).containsExactly("malformed", "malformed");
        assertThat(state.isEmpty()).isTrue();
    }

    @Test
    void shouldRejectTextPostgresCannotStore() throws Exception {
        pipe(failed().at(1).error("bad\u0000byte"));

        assertThat(singleRejection().getReason()).isEqualTo("malformed");
    }

    @Test
    void shouldRejectALongCloudTaskIdAsFieldTooLong() throws Exception {
        pipe(scheduled().at(0).cloudTask("t".repeat(300)));

        assertThat(singleRejection().getReason()).isEqualTo("field_too_long");
        assertThat(state.isEmpty()).isTrue();
    }

    @Test
    void shouldRejectAFailureWithoutErrorAsMissingError() throws Exception {
        pipe(failed().at(0).error(null));

        assertThat(singleRejection().getReason()).isEqualTo("missing_error");
    }

    @Test
    void shouldRejectACompletionBeforeTheStartAsNegativeDuration() throws Exception {
        pipe(succeeded().at(10).time(10));
        SyncRunEvents late = started().at(11).time(20);
        byte[] raw = pipe(late);

        RejectedEvent rejection = singleRejection();
        assertThat(rejection.getReason()).isEqualTo("negative_duration");
        assertThat(rejection.getEventId()).isEqualTo(late.eventId().toString());
        assertThat(rejection.getSourceOffset()).isEqualTo(1);
        assertThat(bytes(rejection)).isEqualTo(raw);
        assertThat(lastRow().getStartedAt()).isNull();
    }

    @Test
    void shouldRetractADisplacedStartByItsOwnPositionWithoutBytes() throws Exception {
        SyncRunEvents start = started().at(40).time(40);
        pipe(start);
        pipe(succeeded().at(30).time(30));

        RejectedEvent rejection = singleRejection();
        assertThat(rejection.getReason()).isEqualTo("negative_duration");
        assertThat(rejection.getEventId()).isEqualTo(start.eventId().toString());
        assertThat(rejection.getSourceOffset()).isZero();
        assertThat(rejection.getPayload()).as("the ledger keeps an accepted event's position, not its bytes").isNull();
        assertThat(rejection.getPayloadSize()).isNull();
        WorkspaceConnectorSyncLog last = lastRow();
        assertThat(last.getStartedAt()).isNull();
        assertThat(last.getCreatedAt()).isEqualTo(t(30));
    }

    @Test
    void shouldRejectADurationBeyondTheIntegerRange() throws Exception {
        pipe(started().at(0).time(0));
        pipe(succeeded().at(1).time(t(0).plusMillis(Integer.MAX_VALUE + 1L)));

        assertThat(singleRejection().getReason()).isEqualTo("duration_out_of_range");
        assertThat(lastRow().getStatus()).isEqualTo(ConnectorSyncStatus.in_progress);
    }

    @Test
    void shouldRejectAnEventNamingAnotherWorkspace() throws Exception {
        pipe(scheduled().at(0));
        pipe(started().at(1).workspace(UUID.randomUUID()));

        assertThat(singleRejection().getReason()).isEqualTo("workspace_mismatch");
        assertThat(lastRow().getStatus()).isEqualTo(ConnectorSyncStatus.scheduled);
    }

    @Test
    void shouldRejectTheLaterOfTwoTerminalEventsAsConflicting() throws Exception {
        pipe(started().at(0));
        SyncRunEvents later = succeeded().at(50).time(50);
        pipe(later);
        pipe(failed().at(55).time(45).error("timeout"));

        RejectedEvent rejection = singleRejection();
        assertThat(rejection.getReason()).isEqualTo("conflicting_terminal_event");
        assertThat(rejection.getEventId()).isEqualTo(later.eventId().toString());
        assertThat(rejection.getSourceOffset()).isEqualTo(1);
        WorkspaceConnectorSyncLog last = lastRow();
        assertThat(last.getStatus()).isEqualTo(ConnectorSyncStatus.error);
        assertThat(last.getCompletedAt()).isEqualTo(t(45));
    }

    @Test
    void shouldCountEventsAcceptedOnArrivalButNotThoseRejectedOnArrival() throws Exception {
        SyncRunEvents start = started().at(0);
        pipe(start);
        pipe(start);
        pipe(succeeded().at(50).time(50));
        pipe(failed().at(55).time(45).error("timeout"));
        pipe(failed().at(60).time(40).error(null));
        input.pipeInput(SyncRunEvents.RUN.toString().getBytes(StandardCharsets.UTF_8), new byte[] {1, 2, 3});

        // The redelivery is accepted (it changes nothing); the earlier terminal event was accepted on
        // arrival and displaced later; the failure without an error and the garbage are refused on arrival.
        assertThat(acceptedTotal()).isEqualTo(4.0);
        assertThat(rejected.readValuesToList()).hasSize(3);
    }

    private byte[] pipe(SyncRunEvents event) {
        SyncRunEvent avro = event.avro();
        byte[] value = events.encode(Topics.SYNC_RUNS.name(), avro);
        input.pipeInput(avro.getSyncLogId().toString().getBytes(StandardCharsets.UTF_8), value);
        return value;
    }

    private List<WorkspaceConnectorSyncLog> drainState() throws UndecodableRecordException {
        List<byte[]> values = state.readValuesToList();
        List<WorkspaceConnectorSyncLog> decoded = new java.util.ArrayList<>();
        for (byte[] value : values) {
            decoded.add(rows.decode(Topics.SYNC_LOG_STATE.name(), value));
        }
        return decoded;
    }

    private WorkspaceConnectorSyncLog lastRow() throws UndecodableRecordException {
        List<WorkspaceConnectorSyncLog> emitted = drainState();
        assertThat(emitted).isNotEmpty();
        return emitted.get(emitted.size() - 1);
    }

    private List<RejectedEvent> drainRejections() throws UndecodableRecordException {
        List<RejectedEvent> decoded = new java.util.ArrayList<>();
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
        java.nio.ByteBuffer buffer = rejection.getPayload().duplicate();
        byte[] out = new byte[buffer.remaining()];
        buffer.get(out);
        return out;
    }

    private double acceptedTotal() {
        return driver.metrics().entrySet().stream()
                .filter(entry -> entry.getKey().group().equals(LedgerSensors.GROUP)
                        && entry.getKey().name().equals(AcceptedEvents.metricName("sync-run")))
                .mapToDouble(entry -> ((Number) entry.getValue().metricValue()).doubleValue())
                .sum();
    }
}
