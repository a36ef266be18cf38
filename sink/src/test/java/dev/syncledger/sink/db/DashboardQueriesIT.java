package dev.syncledger.sink.db;

import static org.assertj.core.api.Assertions.assertThat;

import dev.syncledger.schemas.ConnectorSyncStatus;
import dev.syncledger.sink.fixtures.PostgresSchema;
import dev.syncledger.sink.fixtures.SinkRecords;
import dev.syncledger.sink.write.SinkWriter;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jdbi.v3.core.locator.ClasspathSqlLocator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The dashboard queries the README shows, run from the very files it quotes. */
class DashboardQueriesIT {

    @RegisterExtension
    static final PostgresSchema POSTGRES = new PostgresSchema();

    private static final Instant T0 = Instant.parse("2026-06-02T10:00:00Z");

    private final SinkRecords failingOften = new SinkRecords();
    private final SinkRecords failingOnce = new SinkRecords();
    private final SinkRecords healthy = new SinkRecords();

    @ParameterizedTest
    @ValueSource(strings = {"worst_connectors.sql", "recent_failed_runs.sql", "documents_per_run.sql"})
    void shouldRunOnAnEmptySchema(String dashboard) {
        assertThat(run(dashboard)).isEmpty();
    }

    @Test
    void shouldListFailingConnectorsWorstFirst() {
        writeSampleData();

        List<Map<String, Object>> rows = run("worst_connectors.sql");

        assertThat(rows).extracting(row -> row.get("workspace_connector_id"))
                .containsExactly(failingOften.connectorId, failingOnce.connectorId);
        assertThat(rows.get(0)).containsEntry("consecutive_failures", 3).containsEntry("last_error", "token expired")
                .containsEntry("active_failure_diagnostics", 1L).containsEntry("active_informational_diagnostics", 1L);
    }

    @Test
    void shouldShowEachFailedRunWithTheDiagnosticsRecordedWhileItRan() {
        UUID failedRun = writeSampleData();

        List<Map<String, Object>> rows = run("recent_failed_runs.sql");

        assertThat(rows).singleElement().satisfies(row -> {
            assertThat(row).containsEntry("workspace_connector_sync_log_id", failedRun)
                    .containsEntry("error", "token expired")
                    .containsEntry("failures", 1L)
                    .containsEntry("signals", 1L);
            assertThat((String) row.get("details")).isEqualTo(
                    "tool_execution_failed pennylane_get_invoices HTTP 502 - upstream timeout | jury_run - 3 of 3 jurors agreed");
        });
    }

    @Test
    void shouldCountTheDocumentsOfEachFinishedRun() {
        writeSampleData();

        List<Map<String, Object>> rows = run("documents_per_run.sql");

        assertThat(rows).hasSize(2);
        assertThat(rows.get(0)).containsEntry("workspace_connector_id", healthy.connectorId)
                .containsEntry("input_documents", 2L).containsEntry("output_documents", 1L);
        assertThat(rows.get(1)).containsEntry("workspace_connector_id", failingOften.connectorId)
                .containsEntry("input_documents", 0L).containsEntry("output_documents", 0L);
    }

    /** Two failing connectors and a healthy one; returns the failed run. */
    private UUID writeSampleData() {
        UUID failedRun = UUID.randomUUID();
        SinkRecords topic = new SinkRecords();
        new SinkWriter(POSTGRES.database(), new ConsumerScope("test-cluster", "dashboard-queries-test")).write(topic.batch(
                topic.state(failingOften.syncLog(failedRun).setStatus(ConnectorSyncStatus.error).setError("token expired")
                        .setStartedAt(T0).setCompletedAt(at(10)).setCreatedAt(T0).setUpdatedAt(at(10))),
                topic.state(failingOften.diagnostic().setReason("tool_execution_failed").setHttpStatus(502)
                        .setDetail("upstream timeout").setOccurredAt(at(5))),
                topic.state(failingOften.diagnostic().setReason("jury_run").setToolName(null).setHttpStatus(null)
                        .setDetail("3 of 3 jurors agreed").setOccurredAt(at(6))),
                topic.state(failingOften.diagnostic().setDetail("after the run").setOccurredAt(at(30))),
                topic.state(failingOften.connectorStatus().setConsecutiveFailures(3).setTotalRuns(3).setFailedRuns(3)
                        .setLastSyncStatus(ConnectorSyncStatus.error).setLastErrorAt(at(10)).setLastError("token expired")
                        .setActiveFailureDiagnostics(1).setActiveInformationalDiagnostics(1)),
                topic.state(failingOnce.connectorStatus().setConsecutiveFailures(1).setTotalRuns(5).setSucceededRuns(4)
                        .setFailedRuns(1).setLastSuccessAt(T0).setLastError("rate limited")),
                topic.state(healthy.succeeded(UUID.randomUUID(), 2).setStartedAt(at(20)).setCompletedAt(at(30))),
                topic.state(healthy.link(UUID.randomUUID()).setCreatedAt(at(21))),
                topic.state(healthy.link(UUID.randomUUID()).setCreatedAt(at(22))),
                topic.state(healthy.link(UUID.randomUUID()).setDirection("output").setCreatedAt(at(29))),
                topic.state(healthy.connectorStatus().setTotalRuns(1).setSucceededRuns(1))));
        return failedRun;
    }

    private static List<Map<String, Object>> run(String dashboard) {
        String sql = ClasspathSqlLocator.create().getResource("dashboards/" + dashboard);
        return POSTGRES.jdbi().withHandle(handle -> handle.createQuery(sql).mapToMap().list());
    }

    private static Instant at(int minutes) {
        return T0.plusSeconds(60L * minutes);
    }
}
