package dev.syncledger.processor.status;

import static dev.syncledger.processor.status.StateRows.diagnostic;
import static dev.syncledger.processor.status.StateRows.link;
import static dev.syncledger.processor.status.StateRows.run;
import static dev.syncledger.processor.status.StateRows.t;
import static org.assertj.core.api.Assertions.assertThat;

import dev.syncledger.processor.SyncLedgerTopology;
import dev.syncledger.processor.TopologyConfig;
import dev.syncledger.schemas.ConnectorSyncStatus;
import dev.syncledger.schemas.Topics;
import dev.syncledger.schemas.TriggerType;
import dev.syncledger.schemas.serde.AvroCodec;
import dev.syncledger.schemas.serde.SerdeConfig;
import dev.syncledger.schemas.serde.UndecodableRecordException;
import dev.syncledger.schemas.state.ConnectorStatus;
import dev.syncledger.schemas.state.ConnectorSyncDiagnostic;
import dev.syncledger.schemas.state.DocumentWorkspaceConnector;
import dev.syncledger.schemas.state.WorkspaceConnectorSyncLog;
import dev.syncledger.schemas.syncrun.SyncRunEvent;
import dev.syncledger.schemas.syncrun.SyncStarted;
import dev.syncledger.schemas.syncrun.SyncSucceeded;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The connector-status branch through the whole topology: state rows in, both stages, status rows out. */
class StatusTopologyTest {

    private static final Instant WALL_CLOCK = Instant.parse("2026-06-03T00:00:00Z");
    private static final SerdeConfig SERDE = SerdeConfig.withoutRegistry();

    private final AvroCodec<WorkspaceConnectorSyncLog> syncLogs = AvroCodec.create(WorkspaceConnectorSyncLog.getClassSchema(), SERDE);
    private final AvroCodec<ConnectorSyncDiagnostic> diagnostics = AvroCodec.create(ConnectorSyncDiagnostic.getClassSchema(), SERDE);
    private final AvroCodec<DocumentWorkspaceConnector> links = AvroCodec.create(DocumentWorkspaceConnector.getClassSchema(), SERDE);
    private final AvroCodec<ConnectorStatus> statuses = AvroCodec.create(ConnectorStatus.getClassSchema(), SERDE);
    private final AvroCodec<SyncRunEvent> syncRuns = AvroCodec.create(SyncRunEvent.getClassSchema(), SERDE);

    private TopologyTestDriver driver;
    private TestInputTopic<String, byte[]> syncLogInput;
    private TestInputTopic<String, byte[]> diagnosticInput;
    private TestInputTopic<String, byte[]> linkInput;
    private TestInputTopic<String, byte[]> handOverInput;
    private TestOutputTopic<String, byte[]> status;
    private TestOutputTopic<String, byte[]> handOver;
    private TestOutputTopic<String, byte[]> rejected;

    @BeforeEach
    void startDriver() {
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "sync-ledger-test");
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        driver = new TopologyTestDriver(SyncLedgerTopology.build(TopologyConfig.defaults()), props, WALL_CLOCK);
        syncLogInput = input(Topics.SYNC_LOG_STATE.name());
        diagnosticInput = input(Topics.DIAGNOSTIC_STATE.name());
        linkInput = input(Topics.DOCUMENT_LINK_STATE.name());
        handOverInput = input(Topics.STATUS_CONTRIBUTIONS.name());
        status = output(Topics.CONNECTOR_STATUS_STATE.name());
        handOver = output(Topics.STATUS_CONTRIBUTIONS.name());
        rejected = output(Topics.REJECTED.name());
    }

    @AfterEach
    void closeDriver() {
        driver.close();
    }

    @Test
    void shouldEmitTheConnectorsRowKeyedByWorkspaceConnectorIdWithEveryField() throws Exception {
        pipe(run("old").created(0).succeeded(10).metadata("{\"records_synced\":312}").updated(10));
        pipe(run("new").created(20).failed(30, "HTTP 502 from provider").updated(31));
        pipe(diagnostic("auth").reason("auth_failed").at(25));
        pipe(diagnostic("jury").reason("jury_run").at(26));
        pipe(link("doc-in", "input").updated(5));
        pipe(link("doc-out", "output").updated(6));

        List<TestRecord<String, byte[]>> records = status.readRecordsToList();
        assertThat(records).extracting(TestRecord::key).containsOnly(StateRows.CONNECTOR.toString());
        ConnectorStatus row = statuses.decode(Topics.CONNECTOR_STATUS_STATE.name(), records.get(records.size() - 1).value());
        assertThat(row.getWorkspaceId()).isEqualTo(StateRows.WORKSPACE);
        assertThat(row.getWorkspaceConnectorId()).isEqualTo(StateRows.CONNECTOR);
        assertThat(row.getLastSyncLogId()).isEqualTo(StateRows.id("new"));
        assertThat(row.getLastSyncStatus()).isEqualTo(ConnectorSyncStatus.error);
        assertThat(row.getLastSyncCreatedAt()).isEqualTo(t(20));
        assertThat(row.getLastSuccessAt()).isEqualTo(t(10));
        assertThat(row.getLastErrorAt()).isEqualTo(t(30));
        assertThat(row.getLastError()).isEqualTo("HTTP 502 from provider");
        assertThat(row.getConsecutiveFailures()).isEqualTo(1);
        assertThat(row.getTotalRuns()).isEqualTo(2);
        assertThat(row.getSucceededRuns()).isEqualTo(1);
        assertThat(row.getFailedRuns()).isEqualTo(1);
        assertThat(row.getRecordsSyncedTotal()).isEqualTo(312);
        assertThat(row.getActiveFailureDiagnostics()).isEqualTo(1);
        assertThat(row.getActiveInformationalDiagnostics()).isEqualTo(1);
        assertThat(row.getActiveInputDocuments()).isEqualTo(1);
        assertThat(row.getActiveOutputDocuments()).isEqualTo(1);
        assertThat(row.getUpdatedAt()).isEqualTo(t(31));
        assertThat(row.getRevision()).isEqualTo(6);
        assertThat(rejected.isEmpty()).isTrue();
    }

    @Test
    void shouldNotCountARunTwiceWhenItChangesStatus() throws Exception {
        pipe(run("r").created(0).revision(1));
        pipe(run("r").created(0).inProgress().revision(2));
        pipe(run("r").created(0).succeeded(10).metadata("{\"records_synced\":40}").revision(3));
        pipe(run("r").created(0).failed(8, "an earlier failure wins").revision(4));

        ConnectorStatus row = lastStatus();
        assertThat(row.getTotalRuns()).isEqualTo(1);
        assertThat(row.getSucceededRuns()).isZero();
        assertThat(row.getFailedRuns()).isEqualTo(1);
        assertThat(row.getRecordsSyncedTotal()).isZero();
        assertThat(row.getLastSuccessAt()).isNull();
        assertThat(row.getLastSyncStatus()).isEqualTo(ConnectorSyncStatus.error);
        assertThat(row.getConsecutiveFailures()).isEqualTo(1);
    }

    @Test
    void shouldStopCountingASoftDeletedRun() throws Exception {
        pipe(run("kept").created(0).succeeded(5).metadata("{\"records_synced\":3}"));
        pipe(run("gone").created(10).succeeded(15).metadata("{\"records_synced\":100}"));
        pipe(run("gone").created(10).succeeded(15).metadata("{\"records_synced\":100}").deleted(20));

        ConnectorStatus row = lastStatus();
        assertThat(row.getTotalRuns()).isEqualTo(1);
        assertThat(row.getSucceededRuns()).isEqualTo(1);
        assertThat(row.getRecordsSyncedTotal()).isEqualTo(3);
        assertThat(row.getLastSyncLogId()).isEqualTo(StateRows.id("kept"));
        assertThat(row.getLastSuccessAt()).isEqualTo(t(5));
        assertThat(row.getUpdatedAt()).isEqualTo(t(20));
    }

    @Test
    void shouldDecrementWhenADiagnosticIsPruned() throws Exception {
        StateRows.Diagnostic failure = diagnostic("d1").reason("rate_limited").at(1);
        pipe(failure);
        pipe(diagnostic("d2").reason("schema_drift_detected").at(2));
        assertThat(lastStatus().getActiveFailureDiagnostics()).isEqualTo(1);

        diagnosticInput.pipeInput(failure.key(), null);

        ConnectorStatus row = lastStatus();
        assertThat(row.getActiveFailureDiagnostics()).isZero();
        assertThat(row.getActiveInformationalDiagnostics()).isEqualTo(1);
        assertThat(row.getRevision()).isEqualTo(3);
    }

    @Test
    void shouldCountConsecutiveFailuresSinceTheLatestSuccessByCompletedAt() throws Exception {
        pipe(run("e1").created(0).failed(10, "first"));
        pipe(run("s").created(30).succeeded(20));
        pipe(run("e2").created(1).failed(25, "second"));
        pipe(run("e3").created(2).failed(40, "third"));
        pipe(run("running").created(50).inProgress());

        ConnectorStatus row = lastStatus();
        assertThat(row.getConsecutiveFailures()).isEqualTo(2);
        assertThat(row.getLastSuccessAt()).isEqualTo(t(20));
        assertThat(row.getLastErrorAt()).isEqualTo(t(40));
        assertThat(row.getLastError()).isEqualTo("third");
        assertThat(row.getLastSyncLogId()).isEqualTo(StateRows.id("running"));
        assertThat(row.getLastSyncStatus()).isEqualTo(ConnectorSyncStatus.in_progress);
    }

    @Test
    void shouldTakeTheLastSyncFromTheNewestCreatedRunNotTheLastArrived() throws Exception {
        pipe(run("newest").created(30).inProgress());
        pipe(run("older").created(10).succeeded(40));

        ConnectorStatus row = lastStatus();
        assertThat(row.getLastSyncLogId()).isEqualTo(StateRows.id("newest"));
        assertThat(row.getLastSyncCreatedAt()).isEqualTo(t(30));
        assertThat(row.getLastSuccessAt()).isEqualTo(t(40));
    }

    @Test
    void shouldSumRecordsSyncedOverSuccessfulRunsOnly() throws Exception {
        pipe(run("a").succeeded(1).metadata("{\"records_synced\":312,\"connector_slug\":\"pennylane\"}"));
        pipe(run("b").succeeded(2).metadata("{\"records_synced\":\"lots\"}"));
        pipe(run("c").succeeded(3));
        pipe(run("d").failed(4, "boom").metadata("{\"records_synced\":50}"));
        pipe(run("e").succeeded(5).metadata("{\"records_synced\":8}"));

        assertThat(lastStatus().getRecordsSyncedTotal()).isEqualTo(320);
    }

    @Test
    void shouldCountOnlyLinkedDocumentsPerDirection() throws Exception {
        pipe(link("doc-1", "input").updated(1));
        pipe(link("doc-2", "input").updated(2));
        pipe(link("doc-3", "output").updated(3));
        pipe(link("doc-2", "input").unlinked(4));

        ConnectorStatus row = lastStatus();
        assertThat(row.getActiveInputDocuments()).isEqualTo(1);
        assertThat(row.getActiveOutputDocuments()).isEqualTo(1);

        pipe(link("doc-2", "input").updated(5));
        assertThat(lastStatus().getActiveInputDocuments()).isEqualTo(2);
    }

    @Test
    void shouldEmitNothingForARedeliveredRowNorForChangesTheStatusIgnores() throws Exception {
        StateRows.Run row = run("r").created(0).inProgress().updated(3);
        pipe(row);
        status.readRecordsToList();
        handOver.readRecordsToList();

        pipe(row);
        pipe(run("r").created(0).inProgress().updated(3).trigger(TriggerType.manual).revision(2));

        assertThat(handOver.isEmpty()).as("nothing handed over to the status stage").isTrue();
        assertThat(status.isEmpty()).isTrue();
    }

    @Test
    void shouldIgnoreATombstoneForARowItNeverSaw() {
        diagnosticInput.pipeInput(UUID.randomUUID().toString(), null);

        assertThat(handOver.isEmpty()).isTrue();
        assertThat(status.isEmpty()).isTrue();
    }

    @Test
    void shouldMoveARunToItsNewConnector() throws Exception {
        pipe(run("r").succeeded(10));
        pipe(run("r").connector(StateRows.OTHER_CONNECTOR).succeeded(10));

        List<ConnectorStatus> rows = drainStatus();
        ConnectorStatus lastOfFirst = lastFor(rows, StateRows.CONNECTOR);
        ConnectorStatus lastOfOther = lastFor(rows, StateRows.OTHER_CONNECTOR);
        assertThat(lastOfFirst.getTotalRuns()).isZero();
        assertThat(lastOfFirst.getLastSyncLogId()).isNull();
        assertThat(lastOfFirst.getLastSuccessAt()).isNull();
        assertThat(lastOfOther.getTotalRuns()).isEqualTo(1);
        assertThat(lastOfOther.getLastSuccessAt()).isEqualTo(t(10));
    }

    @Test
    void shouldIncreaseTheRevisionByOneWithEveryEmittedRow() throws Exception {
        pipe(run("a").created(0));
        pipe(run("a").created(0).inProgress());
        pipe(diagnostic("d").at(2));

        assertThat(drainStatus()).extracting(ConnectorStatus::getRevision).containsExactly(1L, 2L, 3L);
    }

    @Test
    void shouldSkipAnUndecodableStateRecordWithoutRejectingItAndKeepGoing() throws Exception {
        syncLogInput.pipeInput(UUID.randomUUID().toString(), "not avro".getBytes(StandardCharsets.UTF_8));
        syncLogInput.pipeInput((String) null, syncLogs.encode(Topics.SYNC_LOG_STATE.name(), run("keyless").avro()));
        pipe(run("fine").succeeded(5));

        List<ConnectorStatus> rows = drainStatus();
        assertThat(rows).hasSize(1);
        assertThat(rows.get(0).getTotalRuns()).isEqualTo(1);
        assertThat(rejected.isEmpty()).as("a state record is our own output, not a user's event").isTrue();
    }

    @Test
    void shouldSkipAnUndecodableChangeOnTheInternalTopic() throws Exception {
        handOverInput.pipeInput(StateRows.CONNECTOR.toString(), "garbage".getBytes(StandardCharsets.UTF_8));
        pipe(run("fine").succeeded(5));

        assertThat(drainStatus()).extracting(ConnectorStatus::getTotalRuns).containsExactly(1L);
    }

    @Test
    void shouldFollowSyncRunEventsAllTheWayIntoTheConnectorStatus() throws Exception {
        TestInputTopic<byte[], byte[]> events = driver.createInputTopic(Topics.SYNC_RUNS.name(), new ByteArraySerializer(), new ByteArraySerializer());
        UUID syncLogId = StateRows.id("from-events");
        SyncRunEvent started = new SyncRunEvent(UUID.randomUUID(), t(0), StateRows.WORKSPACE, StateRows.CONNECTOR, syncLogId,
                new SyncStarted(t(0), TriggerType.manual, null));
        SyncRunEvent succeeded = new SyncRunEvent(UUID.randomUUID(), t(47), StateRows.WORKSPACE, StateRows.CONNECTOR, syncLogId,
                new SyncSucceeded(t(47), "{\"records_synced\":312}"));
        for (SyncRunEvent event : List.of(started, succeeded, started)) {
            events.pipeInput(syncLogId.toString().getBytes(StandardCharsets.UTF_8), syncRuns.encode(Topics.SYNC_RUNS.name(), event));
        }

        List<ConnectorStatus> rows = drainStatus();
        assertThat(rows).extracting(ConnectorStatus::getLastSyncStatus).containsExactly(ConnectorSyncStatus.in_progress, ConnectorSyncStatus.success);
        ConnectorStatus row = rows.get(1);
        assertThat(row.getTotalRuns()).isEqualTo(1);
        assertThat(row.getSucceededRuns()).isEqualTo(1);
        assertThat(row.getRecordsSyncedTotal()).isEqualTo(312);
        assertThat(row.getLastSuccessAt()).isEqualTo(t(47));
        assertThat(row.getUpdatedAt()).isEqualTo(t(47));
    }

    private void pipe(StateRows.Run run) {
        syncLogInput.pipeInput(run.key(), syncLogs.encode(Topics.SYNC_LOG_STATE.name(), run.avro()));
    }

    private void pipe(StateRows.Diagnostic diagnostic) {
        diagnosticInput.pipeInput(diagnostic.key(), diagnostics.encode(Topics.DIAGNOSTIC_STATE.name(), diagnostic.avro()));
    }

    private void pipe(StateRows.Link link) {
        linkInput.pipeInput(link.key(), links.encode(Topics.DOCUMENT_LINK_STATE.name(), link.avro()));
    }

    private TestInputTopic<String, byte[]> input(String topic) {
        return driver.createInputTopic(topic, new StringSerializer(), new ByteArraySerializer());
    }

    private TestOutputTopic<String, byte[]> output(String topic) {
        return driver.createOutputTopic(topic, new StringDeserializer(), new ByteArrayDeserializer());
    }

    private List<ConnectorStatus> drainStatus() throws UndecodableRecordException {
        List<ConnectorStatus> rows = new ArrayList<>();
        for (byte[] value : status.readValuesToList()) {
            rows.add(statuses.decode(Topics.CONNECTOR_STATUS_STATE.name(), value));
        }
        return rows;
    }

    private ConnectorStatus lastStatus() throws UndecodableRecordException {
        List<ConnectorStatus> rows = drainStatus();
        assertThat(rows).isNotEmpty();
        return rows.get(rows.size() - 1);
    }

    private static ConnectorStatus lastFor(List<ConnectorStatus> rows, UUID connector) {
        return rows.stream().filter(row -> row.getWorkspaceConnectorId().equals(connector)).reduce((a, b) -> b).orElseThrow();
    }
}
