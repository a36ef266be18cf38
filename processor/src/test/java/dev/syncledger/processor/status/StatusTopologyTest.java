package dev.syncledger.processor.status;

import static dev.syncledger.processor.testing.Events.CONNECTOR;
import static dev.syncledger.processor.testing.Events.WORKSPACE;
import static dev.syncledger.processor.testing.Events.id;
import static dev.syncledger.processor.testing.Events.t;
import static org.assertj.core.api.Assertions.assertThat;

import dev.syncledger.processor.TopologyConfig;
import dev.syncledger.processor.testing.Events;
import dev.syncledger.processor.testing.LedgerDriver;
import dev.syncledger.schemas.ConnectorSyncStatus;
import dev.syncledger.schemas.Topics;
import dev.syncledger.schemas.state.ConnectorStatus;
import dev.syncledger.schemas.syncrun.SyncRunEvent;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The connector status, from input events to its state topic: one pass, each row's change crossing one repartition. */
class StatusTopologyTest {

    private final LedgerDriver driver = new LedgerDriver(TopologyConfig.defaults().withDiagnosticRetention(Duration.ofDays(3650)));

    @AfterEach
    void close() {
        driver.close();
    }

    @Test
    void shouldCountRunsAndPointAtTheNewestTheLatestSuccessAndTheFailuresSince() {
        run(Events.run(id("a"), 0, Events.succeeded(60, "{\"records_synced\":312}")));
        run(Events.run(id("b"), 3_600, Events.failed(3_660, "HTTP 500")));
        run(Events.run(id("c"), 7_200, Events.failed(7_260, "HTTP 502")));
        run(Events.run(id("d"), 10_800, Events.started(10_800)));

        ConnectorStatus status = status();
        assertThat(status.getWorkspaceId()).isEqualTo(WORKSPACE);
        assertThat(status.getTotalRuns()).isEqualTo(4);
        assertThat(status.getSucceededRuns()).isEqualTo(1);
        assertThat(status.getFailedRuns()).isEqualTo(2);
        assertThat(status.getRecordsSyncedTotal()).isEqualTo(312);
        assertThat(status.getLastSyncLogId()).isEqualTo(id("d"));
        assertThat(status.getLastSyncStatus()).isEqualTo(ConnectorSyncStatus.in_progress);
        assertThat(status.getLastSuccessAt()).isEqualTo(t(60));
        assertThat(status.getLastErrorAt()).isEqualTo(t(7_260));
        assertThat(status.getLastError()).isEqualTo("HTTP 502");
        assertThat(status.getConsecutiveFailures()).isEqualTo(2);
        assertThat(status.getUpdatedAt()).isEqualTo(t(10_800));
    }

    @Test
    void shouldStopCountingASoftDeletedRunAndPointAtTheOneBefore() {
        run(Events.run(id("a"), 0, Events.succeeded(60, null)));
        run(Events.run(id("b"), 3_600, Events.failed(3_660, "boom")));
        long revision = status().getRevision();

        run(Events.run(id("b"), 3_700, Events.deleted()));

        ConnectorStatus status = status();
        assertThat(status.getTotalRuns()).isEqualTo(1);
        assertThat(status.getFailedRuns()).isZero();
        assertThat(status.getLastSyncLogId()).isEqualTo(id("a"));
        assertThat(status.getConsecutiveFailures()).isZero();
        assertThat(status.getLastErrorAt()).isNull();
        assertThat(status.getRevision()).isGreaterThan(revision);
    }

    @Test
    void shouldCountDiagnosticsAndActiveLinksAndStopCountingAnUnlinkedOne() {
        driver.publish(Topics.DIAGNOSTICS.name(), id("d1").toString(), Events.diagnostic(WORKSPACE, CONNECTOR, id("d1"), 10, "auth_scope_insufficient"));
        driver.publish(Topics.DIAGNOSTICS.name(), id("d2").toString(), Events.diagnostic(WORKSPACE, CONNECTOR, id("d2"), 11, "jury_run"));
        driver.publish(Topics.DOCUMENT_LINKS.name(), id("doc-1").toString(), Events.link(WORKSPACE, CONNECTOR, id("doc-1"), 12, true));
        driver.publish(Topics.DOCUMENT_LINKS.name(), id("doc-2").toString(), Events.link(WORKSPACE, CONNECTOR, id("doc-2"), 13, true));
        driver.publish(Topics.DOCUMENT_LINKS.name(), id("doc-2").toString(), Events.link(WORKSPACE, CONNECTOR, id("doc-2"), 14, false));

        ConnectorStatus status = status();
        assertThat(status.getActiveFailureDiagnostics()).isEqualTo(1);
        assertThat(status.getActiveInformationalDiagnostics()).isEqualTo(1);
        assertThat(status.getActiveInputDocuments()).isEqualTo(1);
        assertThat(status.getTotalRuns()).isZero();
        assertThat(status.getUpdatedAt()).isEqualTo(t(14));
    }

    @Test
    void shouldStopCountingADiagnosticWhenRetentionPrunesIt() {
        Instant now = LedgerDriver.WALL_CLOCK;
        try (LedgerDriver pruning = new LedgerDriver(TopologyConfig.defaults().withDiagnosticRetention(Duration.ofHours(1)))) {
            var diagnostic = Events.diagnostic(WORKSPACE, CONNECTOR, id("d1"), 0, "auth_scope_insufficient");
            diagnostic.setOccurredAt(now.minus(Duration.ofMinutes(59)).minusSeconds(30));
            pruning.publish(Topics.DIAGNOSTICS.name(), id("d1").toString(), diagnostic);
            assertThat(pruning.statuses().get(CONNECTOR.toString()).getActiveFailureDiagnostics()).isEqualTo(1);

            pruning.advanceWallClock(Duration.ofMinutes(1));

            assertThat(pruning.diagnostics()).isEmpty();
            assertThat(pruning.statuses().get(CONNECTOR.toString()).getActiveFailureDiagnostics()).isZero();
        }
    }

    @Test
    void shouldCountTheSyncLogAnEndedCollectProduces() {
        driver.publish(Topics.COLLECTS.name(), id("collect").toString(), Events.collect(WORKSPACE, CONNECTOR, id("collect"), 20, "finalized"));

        ConnectorStatus status = status();
        assertThat(status.getTotalRuns()).isEqualTo(1);
        assertThat(status.getSucceededRuns()).isEqualTo(1);
    }

    private void run(SyncRunEvent event) {
        driver.publish(Topics.SYNC_RUNS.name(), event.getSyncLogId().toString(), event);
    }

    private ConnectorStatus status() {
        ConnectorStatus status = driver.statuses().get(CONNECTOR.toString());
        assertThat(status).as("a status row for the connector").isNotNull();
        return status;
    }
}
