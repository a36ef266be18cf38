package dev.syncledger.processor.collect;

import static dev.syncledger.processor.collect.CollectEvents.deleted;
import static dev.syncledger.processor.collect.CollectEvents.failed;
import static dev.syncledger.processor.collect.CollectEvents.finalized;
import static dev.syncledger.processor.collect.CollectEvents.inProgress;
import static dev.syncledger.processor.collect.CollectEvents.t;
import static dev.syncledger.processor.collect.CollectEvents.todo;
import static org.assertj.core.api.Assertions.assertThat;

import dev.syncledger.processor.SyncLedgerTopology;
import dev.syncledger.processor.TopologyConfig;
import dev.syncledger.schemas.ConnectorSyncStatus;
import dev.syncledger.schemas.Topics;
import dev.syncledger.schemas.TriggerType;
import dev.syncledger.schemas.collect.CollectEvent;
import dev.syncledger.schemas.rejected.RejectedEvent;
import dev.syncledger.schemas.serde.AvroCodec;
import dev.syncledger.schemas.serde.SerdeConfig;
import dev.syncledger.schemas.serde.UndecodableRecordException;
import dev.syncledger.schemas.state.Collect;
import dev.syncledger.schemas.state.WorkspaceConnectorSyncLog;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
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

class CollectTopologyTest {

    private static final Instant WALL_CLOCK = Instant.parse("2026-06-03T00:00:00Z");
    private static final SerdeConfig SERDE = SerdeConfig.withoutRegistry();
    private static final String SYNC_LOG_ID =
            UUID.nameUUIDFromBytes(("collect:" + CollectEvents.COLLECT).getBytes(StandardCharsets.UTF_8)).toString();

    private final AvroCodec<CollectEvent> events = AvroCodec.create(CollectEvent.getClassSchema(), SERDE);
    private final AvroCodec<Collect> collects = AvroCodec.create(Collect.getClassSchema(), SERDE);
    private final AvroCodec<WorkspaceConnectorSyncLog> syncLogs = AvroCodec.create(WorkspaceConnectorSyncLog.getClassSchema(), SERDE);
    private final AvroCodec<RejectedEvent> rejections = AvroCodec.create(RejectedEvent.getClassSchema(), SERDE);

    private TopologyTestDriver driver;
    private TestInputTopic<byte[], byte[]> input;
    private TestOutputTopic<String, byte[]> state;
    private TestOutputTopic<String, byte[]> syncLogState;
    private TestOutputTopic<String, byte[]> rejected;

    @BeforeEach
    void startDriver() {
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "sync-ledger-test");
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        driver = new TopologyTestDriver(SyncLedgerTopology.build(TopologyConfig.defaults()), props, WALL_CLOCK);
        input = driver.createInputTopic(Topics.COLLECTS.name(), new ByteArraySerializer(), new ByteArraySerializer());
        state = driver.createOutputTopic(Topics.COLLECT_STATE.name(), new StringDeserializer(), new ByteArrayDeserializer());
        syncLogState = driver.createOutputTopic(Topics.SYNC_LOG_STATE.name(), new StringDeserializer(), new ByteArrayDeserializer());
        rejected = driver.createOutputTopic(Topics.REJECTED.name(), new StringDeserializer(), new ByteArrayDeserializer());
    }

    @AfterEach
    void closeDriver() {
        driver.close();
    }

    @Test
    void shouldEmitTheCollectRowOnEveryChangeKeyedByCollectId() throws Exception {
        UUID task = UUID.randomUUID();
        pipe(todo().at(0).provider("linkedin").task(task));
        pipe(inProgress().at(2).started(2));
        pipe(finalized().at(47).ended(45));

        List<KeyValue<String, byte[]>> records = state.readKeyValuesToList();
        assertThat(records).extracting(record -> record.key).containsOnly(CollectEvents.COLLECT.toString());
        List<Collect> emitted = decodeAll(records, collects, Topics.COLLECT_STATE.name());
        assertThat(emitted).extracting(Collect::getStatus).containsExactly("todo", "in_progress", "finalized");
        assertThat(emitted).extracting(Collect::getRevision).containsExactly(1L, 2L, 3L);
        Collect last = emitted.get(2);
        assertThat(last.getCollectId()).isEqualTo(CollectEvents.COLLECT);
        assertThat(last.getWorkspaceId()).isEqualTo(CollectEvents.WORKSPACE);
        assertThat(last.getWorkspaceConnectorId()).isNull();
        assertThat(last.getPeopleId()).isEqualTo(CollectEvents.PEOPLE);
        assertThat(last.getTaskId()).isEqualTo(task);
        assertThat(last.getProvider()).isEqualTo("linkedin");
        assertThat(last.getStartedAt()).isEqualTo(t(2));
        assertThat(last.getEndedAt()).isEqualTo(t(45));
        assertThat(last.getCreatedAt()).isEqualTo(t(0));
        assertThat(last.getUpdatedAt()).isEqualTo(t(47));
        assertThat(last.getDeletedAt()).isNull();
        assertThat(syncLogState.isEmpty()).as("no workspace connector, no sync log").isTrue();
        assertThat(rejected.isEmpty()).isTrue();
    }

    @Test
    void shouldProduceASyncLogKeyedByItsDerivedIdWhenACollectWithAConnectorEnds() throws Exception {
        pipe(todo().at(0).provider("linkedin").connector());
        pipe(inProgress().at(2).started(2));
        pipe(finalized().at(47).ended(45));

        List<KeyValue<String, byte[]>> records = syncLogState.readKeyValuesToList();
        assertThat(records).singleElement().satisfies(record -> assertThat(record.key).isEqualTo(SYNC_LOG_ID));
        WorkspaceConnectorSyncLog log = syncLogs.decode(Topics.SYNC_LOG_STATE.name(), records.get(0).value);
        assertThat(log.getWorkspaceConnectorSyncLogId().toString()).isEqualTo(SYNC_LOG_ID);
        assertThat(log.getWorkspaceId()).isEqualTo(CollectEvents.WORKSPACE);
        assertThat(log.getWorkspaceConnectorId()).isEqualTo(CollectEvents.CONNECTOR);
        assertThat(log.getStatus()).isEqualTo(ConnectorSyncStatus.success);
        assertThat(log.getTriggerType()).isEqualTo(TriggerType.manual);
        assertThat(log.getCloudTaskId()).isNull();
        assertThat(log.getStartedAt()).isEqualTo(t(2));
        assertThat(log.getCompletedAt()).isEqualTo(t(45));
        assertThat(log.getDurationMs()).isEqualTo(43_000);
        assertThat(log.getError()).isNull();
        assertThat(log.getMetadata()).isEqualTo("{\"collect_id\":\"" + CollectEvents.COLLECT + "\",\"provider\":\"linkedin\"}");
        assertThat(log.getCreatedAt()).isEqualTo(t(0));
        assertThat(log.getUpdatedAt()).isEqualTo(t(47));
        assertThat(log.getDeletedAt()).isNull();
        assertThat(log.getRevision()).isEqualTo(1);
        assertThat(drainCollects()).extracting(Collect::getWorkspaceConnectorId).containsOnly(CollectEvents.CONNECTOR);
    }

    @Test
    void shouldProduceAFailedSyncLogWithTheEventsErrorOrADefault() throws Exception {
        pipe(inProgress().at(0).connector());
        pipe(failed().at(12).error("captcha wall"));
        assertThat(lastSyncLog().getError()).isEqualTo("captcha wall");

        pipe(failed().at(5).error(null));
        WorkspaceConnectorSyncLog log = lastSyncLog();
        assertThat(log.getStatus()).isEqualTo(ConnectorSyncStatus.error);
        assertThat(log.getError()).isEqualTo("collect " + CollectEvents.COLLECT + " ended in error");
        assertThat(log.getCompletedAt()).as("the occurred_at of an end without ended_at").isEqualTo(t(5));
        assertThat(log.getRevision()).isEqualTo(2);
        assertThat(singleRejection().getReason()).isEqualTo("conflicting_terminal_event");
    }

    @Test
    void shouldSoftDeleteTheCollectAndItsSyncLog() throws Exception {
        pipe(finalized().at(5).connector());
        pipe(deleted().at(9));

        assertThat(lastCollect().getDeletedAt()).isEqualTo(t(9));
        WorkspaceConnectorSyncLog log = lastSyncLog();
        assertThat(log.getDeletedAt()).isEqualTo(t(9));
        assertThat(log.getStatus()).isEqualTo(ConnectorSyncStatus.success);
    }

    @Test
    void shouldEmitNothingForADeletionBeforeAnyStatusChange() throws Exception {
        pipe(deleted().at(9).connector());

        assertThat(state.isEmpty()).isTrue();
        assertThat(syncLogState.isEmpty()).isTrue();
        assertThat(rejected.isEmpty()).isTrue();

        pipe(todo().at(1));
        assertThat(lastCollect().getDeletedAt()).isEqualTo(t(9));
    }

    @Test
    void shouldKeepTheMostAdvancedStatusAndTheEarliestValues() throws Exception {
        pipe(inProgress().at(5).started(5).provider("popup"));
        pipe(todo().at(0).provider("linkedin").started(3));

        Collect last = lastCollect();
        assertThat(last.getStatus()).isEqualTo("in_progress");
        assertThat(last.getProvider()).isEqualTo("linkedin");
        assertThat(last.getStartedAt()).isEqualTo(t(3));
    }

    @Test
    void shouldChangeNothingForARepeatedEventId() throws Exception {
        CollectEvents end = finalized().at(1).connector();
        pipe(end);
        drainCollects();
        syncLogState.readKeyValuesToList();

        pipe(end);

        assertThat(state.isEmpty()).isTrue();
        assertThat(syncLogState.isEmpty()).isTrue();
        assertThat(rejected.isEmpty()).isTrue();
    }

    @Test
    void shouldWithdrawAProducedSyncLogWithATombstoneWhenItsEndIsRejected() throws Exception {
        pipe(inProgress().at(0).connector());
        pipe(finalized().at(10).ended(10));
        pipe(inProgress().at(1).started(t(10).minusMillis(Integer.MAX_VALUE + 1L)));

        List<KeyValue<String, byte[]>> records = syncLogState.readKeyValuesToList();
        assertThat(records).hasSize(2);
        assertThat(records.get(1).key).isEqualTo(SYNC_LOG_ID);
        assertThat(records.get(1).value).as("a tombstone").isNull();
        assertThat(singleRejection().getReason()).isEqualTo("duration_out_of_range");
        assertThat(lastCollect().getStatus()).isEqualTo("in_progress");
    }

    @Test
    void shouldRejectUndecodableBytesAsMalformedWithTheirCoordinatesAndBytes() throws Exception {
        byte[] garbage = "not avro at all".getBytes(StandardCharsets.UTF_8);
        input.pipeInput(CollectEvents.COLLECT.toString().getBytes(StandardCharsets.UTF_8), garbage);

        RejectedEvent rejection = singleRejection();
        assertThat(rejection.getReason()).isEqualTo("malformed");
        assertThat(rejection.getSourceTopic()).isEqualTo(Topics.COLLECTS.name());
        assertThat(rejection.getSourcePartition()).isZero();
        assertThat(rejection.getSourceOffset()).isZero();
        assertThat(rejection.getEventId()).isNull();
        assertThat(rejection.getRecordKey()).isEqualTo(CollectEvents.COLLECT.toString());
        assertThat(bytes(rejection)).isEqualTo(garbage);
        assertThat(rejection.getMessage()).isNotBlank().doesNotContain("\n");
        assertThat(rejection.getRejectedAt()).isEqualTo(WALL_CLOCK);
        assertThat(state.isEmpty()).isTrue();
    }

    @Test
    void shouldRejectAnEventWhoseKeyIsNotItsCollectId() throws Exception {
        CollectEvents event = todo().at(0);
        input.pipeInput(UUID.randomUUID().toString().getBytes(StandardCharsets.UTF_8), events.encode(Topics.COLLECTS.name(), event.avro()));

        RejectedEvent rejection = singleRejection();
        assertThat(rejection.getReason()).isEqualTo("malformed");
        assertThat(rejection.getEventId()).isEqualTo(event.eventId().toString());
        assertThat(rejection.getMessage()).contains("must equal collect_id");
        assertThat(state.isEmpty()).isTrue();
    }

    @Test
    void shouldRejectAStatusChangeWithoutPeopleIdAsMalformed() throws Exception {
        CollectEvents event = inProgress().at(0).people(null);
        pipe(event);

        RejectedEvent rejection = singleRejection();
        assertThat(rejection.getReason()).isEqualTo("malformed");
        assertThat(rejection.getEventId()).isEqualTo(event.eventId().toString());
        assertThat(rejection.getMessage()).contains("people_id");
        assertThat(state.isEmpty()).isTrue();
    }

    @Test
    void shouldRejectTextPostgresCannotStoreAsMalformed() throws Exception {
        pipe(todo().at(0).provider("link\u0000edin"));
        pipe(failed().at(1).error("bad\u0000byte"));

        assertThat(drainRejections()).extracting(RejectedEvent::getReason).containsExactly("malformed", "malformed");
        assertThat(state.isEmpty()).isTrue();
    }

    @Test
    void shouldRejectTimesOutsideTheYears1970To9999AsMalformed() throws Exception {
        pipe(inProgress().at(0).started(Instant.parse("1969-12-31T23:59:59Z")));
        pipe(finalized().at(0).ended(Instant.parse("+10000-01-01T00:00:00Z")));
        pipe(todo().occurredAt(Instant.parse("1960-01-01T00:00:00Z")));

        assertThat(drainRejections()).extracting(RejectedEvent::getReason).containsExactly("malformed", "malformed", "malformed");
        assertThat(state.isEmpty()).isTrue();
    }

    @Test
    void shouldRejectAStatusOutsideTheEnumAsUnknownEnumValue() throws Exception {
        CollectEvents event = CollectEvents.status("cancelled").at(0);
        byte[] raw = pipe(event);

        RejectedEvent rejection = singleRejection();
        assertThat(rejection.getReason()).isEqualTo("unknown_enum_value");
        assertThat(rejection.getEventId()).isEqualTo(event.eventId().toString());
        assertThat(rejection.getMessage()).contains("'cancelled'");
        assertThat(bytes(rejection)).isEqualTo(raw);
        assertThat(state.isEmpty()).isTrue();
    }

    @Test
    void shouldRejectALongProviderAsFieldTooLong() throws Exception {
        pipe(todo().at(0).provider("p".repeat(256)));

        assertThat(singleRejection().getReason()).isEqualTo("field_too_long");
        assertThat(state.isEmpty()).isTrue();
    }

    @Test
    void shouldRejectAnEventNamingAnotherWorkspace() throws Exception {
        pipe(todo().at(0).connector());
        pipe(finalized().at(1).workspace(UUID.randomUUID()));

        assertThat(singleRejection().getReason()).isEqualTo("workspace_mismatch");
        assertThat(lastCollect().getStatus()).isEqualTo("todo");
        assertThat(syncLogState.isEmpty()).isTrue();
    }

    @Test
    void shouldRetractTheLaterOfTwoEndsByItsOwnPosition() throws Exception {
        pipe(inProgress().at(0).connector());
        CollectEvents later = finalized().at(50).ended(50);
        pipe(later);
        pipe(failed().at(55).ended(45).error("timeout"));

        RejectedEvent rejection = singleRejection();
        assertThat(rejection.getReason()).isEqualTo("conflicting_terminal_event");
        assertThat(rejection.getEventId()).isEqualTo(later.eventId().toString());
        assertThat(rejection.getSourceOffset()).isEqualTo(1);
        assertThat(rejection.getPayload()).as("the ledger keeps an accepted event's position, not its bytes").isNull();
        assertThat(lastCollect().getStatus()).isEqualTo("error");
        WorkspaceConnectorSyncLog log = lastSyncLog();
        assertThat(log.getStatus()).isEqualTo(ConnectorSyncStatus.error);
        assertThat(log.getCompletedAt()).isEqualTo(t(45));
        assertThat(log.getRevision()).isEqualTo(2);
    }

    @Test
    void shouldRejectAStartAfterTheEndAsNegativeDuration() throws Exception {
        pipe(finalized().at(10).ended(10));
        CollectEvents late = inProgress().at(11).started(20);
        byte[] raw = pipe(late);
        pipe(failed().at(12).started(30).ended(25));

        List<RejectedEvent> all = drainRejections();
        assertThat(all).extracting(RejectedEvent::getReason).containsExactly("negative_duration", "negative_duration");
        assertThat(all.get(0).getEventId()).isEqualTo(late.eventId().toString());
        assertThat(all.get(0).getSourceOffset()).isEqualTo(1);
        assertThat(bytes(all.get(0))).isEqualTo(raw);
        assertThat(lastCollect().getStartedAt()).isNull();
    }

    @Test
    void shouldRetractADisplacedStartByItsOwnPosition() throws Exception {
        CollectEvents start = inProgress().at(40).started(40);
        pipe(start);
        pipe(finalized().at(30).ended(30));

        RejectedEvent rejection = singleRejection();
        assertThat(rejection.getReason()).isEqualTo("negative_duration");
        assertThat(rejection.getEventId()).isEqualTo(start.eventId().toString());
        assertThat(rejection.getSourceOffset()).isZero();
        assertThat(rejection.getPayload()).isNull();
        Collect last = lastCollect();
        assertThat(last.getStartedAt()).isNull();
        assertThat(last.getCreatedAt()).isEqualTo(t(30));
    }

    @Test
    void shouldRejectADurationBeyondTheIntegerRange() throws Exception {
        pipe(inProgress().at(0).started(0).connector());
        pipe(finalized().at(1).ended(t(0).plusMillis(Integer.MAX_VALUE + 1L)));

        assertThat(singleRejection().getReason()).isEqualTo("duration_out_of_range");
        assertThat(lastCollect().getStatus()).isEqualTo("in_progress");
        assertThat(syncLogState.isEmpty()).isTrue();
    }

    private byte[] pipe(CollectEvents event) {
        CollectEvent avro = event.avro();
        byte[] value = events.encode(Topics.COLLECTS.name(), avro);
        input.pipeInput(avro.getCollectId().toString().getBytes(StandardCharsets.UTF_8), value);
        return value;
    }

    private static <T extends org.apache.avro.specific.SpecificRecord> List<T> decodeAll(
            List<KeyValue<String, byte[]>> records, AvroCodec<T> codec, String topic) throws UndecodableRecordException {
        List<T> decoded = new ArrayList<>();
        for (KeyValue<String, byte[]> record : records) {
            decoded.add(codec.decode(topic, record.value));
        }
        return decoded;
    }

    private List<Collect> drainCollects() throws UndecodableRecordException {
        return decodeAll(state.readKeyValuesToList(), collects, Topics.COLLECT_STATE.name());
    }

    private Collect lastCollect() throws UndecodableRecordException {
        List<Collect> emitted = drainCollects();
        assertThat(emitted).isNotEmpty();
        return emitted.get(emitted.size() - 1);
    }

    private WorkspaceConnectorSyncLog lastSyncLog() throws UndecodableRecordException {
        List<WorkspaceConnectorSyncLog> emitted = decodeAll(syncLogState.readKeyValuesToList(), syncLogs, Topics.SYNC_LOG_STATE.name());
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
