package dev.syncledger.app.replay;

import static org.assertj.core.api.Assertions.assertThat;

import dev.syncledger.app.testing.LedgerOracle;
import dev.syncledger.app.testing.StoredCollects;
import dev.syncledger.app.testing.StoredConnectorStatuses;
import dev.syncledger.app.testing.StoredDiagnostics;
import dev.syncledger.app.testing.StoredDocumentLinks;
import dev.syncledger.app.testing.StoredRejections;
import dev.syncledger.app.testing.StoredSyncLogs;
import dev.syncledger.app.testing.TestDatabase;
import dev.syncledger.processor.TopologyConfig;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.assertj.core.api.SoftAssertions;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Acceptance, end to end: one replay of a file that mixes every event type (sync runs, diagnostics,
 * document links, collects, an invalid line and an event for each rejection reason) leaves in every
 * table exactly the rows the processor's own folds give when applied to the file's events in file
 * order, compared field by field. The file is replayed once; each table is checked by its own test.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AllEntitiesReplayIT {

    private static final Path SAMPLE = Path.of("..", "samples", "events.jsonl");
    /** Long enough that none of the sample's diagnostics is ever too old, whenever the test runs. */
    private static final TopologyConfig TOPOLOGY = TopologyConfig.defaults().withDiagnosticRetention(Duration.ofDays(36500));

    private final TestDatabase database = TestDatabase.freshSchema();
    private List<String> lines;
    private LedgerOracle oracle;
    private ReplaySummary summary;
    private Jdbi jdbi;

    @BeforeAll
    void replayTheMixedFileOnce() throws IOException {
        lines = Files.readAllLines(SAMPLE);
        oracle = LedgerOracle.of(lines, TOPOLOGY, 3);
        Replay replay = new Replay(new Replay.ReplayOptions(database.url(), database.schema(), TOPOLOGY, 3, Duration.ofSeconds(90)));
        summary = replay.run(new ByteArrayInputStream(String.join("\n", lines).getBytes(StandardCharsets.UTF_8)));
        jdbi = database.jdbi();
    }

    @AfterAll
    void dropSchema() {
        database.close();
    }

    @Test
    void shouldPublishEveryLineButTheInvalidOne() {
        assertThat(oracle.invalidLines()).isEqualTo(1);
        assertThat(summary.fed().linesRead()).isEqualTo(lines.size());
        assertThat(summary.fed().invalidLines()).hasSize(oracle.invalidLines());
        assertThat(summary.published()).isEqualTo(lines.size() - oracle.invalidLines());
    }

    @Test
    void shouldLeaveTheSyncLogsOfTheRunsAndOfTheEndedCollects() {
        assertSameRows("workspace_connector_sync_logs", StoredSyncLogs.read(jdbi), oracle.expectedSyncLogs());
    }

    @Test
    void shouldLeaveTheDiagnostics() {
        assertSameRows("connector_sync_diagnostics", StoredDiagnostics.read(jdbi), oracle.expectedDiagnostics());
    }

    @Test
    void shouldLeaveTheDocumentLinks() {
        assertSameRows("document_workspace_connectors", StoredDocumentLinks.read(jdbi), oracle.expectedDocumentLinks());
    }

    @Test
    void shouldLeaveTheCollects() {
        assertSameRows("collects", StoredCollects.read(jdbi), oracle.expectedCollects());
    }

    @Test
    void shouldLeaveTheStatusOfEveryConnectorAsTheFinalRowsDefineIt() {
        Map<UUID, StoredConnectorStatuses.Stored> stored = StoredConnectorStatuses.read(jdbi);

        assertSameRows("connector_status", mapValues(stored, StoredConnectorStatuses.Stored::row), oracle.expectedConnectorStatuses());
        assertThat(stored.values()).as("connector_status revisions").allSatisfy(status -> assertThat(status.revision()).isPositive());
    }

    @Test
    void shouldRejectExactlyWhatTheFoldsAndReadersReject() {
        assertThat(oracle.rejectionsByReason()).as("the oracle's rejections").isNotEmpty();
        assertThat(StoredRejections.countByReason(jdbi)).as("rejected_events per reason")
                .containsExactlyInAnyOrderEntriesOf(oracle.rejectionsByReason());
        assertThat(summary.rejectedEvents()).isEqualTo(oracle.rejections());
    }

    @Test
    void shouldCountInTheSummaryTheRowsEachTableHolds() {
        assertThat(summary.rowsPerTable())
                .containsEntry("workspace_connector_sync_logs", (long) oracle.expectedSyncLogs().size())
                .containsEntry("connector_sync_diagnostics", (long) oracle.expectedDiagnostics().size())
                .containsEntry("document_workspace_connectors", (long) oracle.expectedDocumentLinks().size())
                .containsEntry("collects", (long) oracle.expectedCollects().size())
                .containsEntry("connector_status", (long) oracle.expectedConnectorStatuses().size())
                .containsEntry("rejected_events", (long) oracle.rejections());
    }

    /** Same keys, and for each key the same row, field by field; every differing row is reported, not just the first. */
    private static <K, V> void assertSameRows(String table, Map<K, V> stored, Map<K, V> expected) {
        assertThat(expected).as("%s: the oracle expects rows, or the comparison proves nothing", table).isNotEmpty();
        assertThat(stored.keySet()).as("%s: the rows' keys", table).containsExactlyInAnyOrderElementsOf(expected.keySet());
        SoftAssertions.assertSoftly(softly -> expected.forEach((key, row) -> softly.assertThat(stored.get(key))
                .as("%s row %s", table, key)
                .usingRecursiveComparison()
                .isEqualTo(row)));
    }

    private static <K, V, W> Map<K, W> mapValues(Map<K, V> map, Function<V, W> value) {
        return map.entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey, entry -> value.apply(entry.getValue())));
    }
}
