package dev.syncledger.processor.ownership;

import static dev.syncledger.processor.testing.Events.CONNECTOR;
import static dev.syncledger.processor.testing.Events.OTHER_WORKSPACE;
import static dev.syncledger.processor.testing.Events.WORKSPACE;
import static dev.syncledger.processor.testing.Events.id;
import static org.assertj.core.api.Assertions.assertThat;

import dev.syncledger.processor.ledger.LedgerProcessor;
import dev.syncledger.processor.testing.Events;
import dev.syncledger.processor.testing.LedgerDriver;
import dev.syncledger.schemas.Topics;
import dev.syncledger.schemas.rejected.RejectedEvent;
import dev.syncledger.schemas.state.ConnectorStatus;
import dev.syncledger.schemas.syncrun.SyncRunEvent;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A connector stays in its workspace: the first claim stamps it, and every later event naming it elsewhere counts nowhere. */
class OwnershipTopologyTest {

    private final LedgerDriver driver = new LedgerDriver();

    @AfterEach
    void close() {
        driver.close();
    }

    @Test
    void shouldHoldTheFirstEventOfANewConnectorUntilItsOwnerIsKnownThenLetItThrough() {
        UUID run = id("run-1");

        publishRun(Events.run(run, 0, Events.started(0)));

        assertThat(driver.syncLogs()).containsOnlyKeys(run.toString());
        assertThat(driver.entries(LedgerProcessor.PARKED_STORE)).as("nothing left waiting").isZero();
        assertThat(driver.entries(LedgerProcessor.OWNER_STORE)).isEqualTo(1);
        assertThat(driver.statuses().get(CONNECTOR.toString()).getWorkspaceId()).isEqualTo(WORKSPACE);
    }

    @Test
    void shouldRejectEveryKindOfEventThatNamesTheConnectorInAnotherWorkspace() {
        publishRun(Events.run(id("run-1"), 0, Events.succeeded(10, "{\"records_synced\":3}")));

        SyncRunEvent intruder = Events.run(OTHER_WORKSPACE, CONNECTOR, id("run-2"), 20, Events.failed(30, "not mine"));
        publishRun(intruder);
        driver.publish(Topics.DIAGNOSTICS.name(), id("diagnostic").toString(),
                Events.diagnostic(OTHER_WORKSPACE, CONNECTOR, id("diagnostic"), 21, "auth_scope_insufficient"));
        driver.publish(Topics.DOCUMENT_LINKS.name(), id("document").toString(), Events.link(OTHER_WORKSPACE, CONNECTOR, id("document"), 22, true));
        driver.publish(Topics.COLLECTS.name(), id("collect").toString(), Events.collect(OTHER_WORKSPACE, CONNECTOR, id("collect"), 23, "finalized"));

        assertThat(driver.rejectionReasons()).containsExactly("workspace_mismatch", "workspace_mismatch", "workspace_mismatch", "workspace_mismatch");
        RejectedEvent first = driver.rejections().get(0);
        assertThat(first.getEventId()).isEqualTo(intruder.getEventId().toString());
        assertThat(first.getMessage()).contains(WORKSPACE.toString()).contains(OTHER_WORKSPACE.toString());
        assertThat(first.getPayload()).isNotNull();
        assertThat(driver.syncLogs()).containsOnlyKeys(id("run-1").toString());
        assertThat(driver.diagnostics()).isEmpty();
        assertThat(driver.links()).isEmpty();
        assertThat(driver.collects()).isEmpty();
        ConnectorStatus status = driver.statuses().get(CONNECTOR.toString());
        assertThat(status.getTotalRuns()).isEqualTo(1);
        assertThat(status.getFailedRuns()).isZero();
        assertThat(status.getActiveFailureDiagnostics()).isZero();
    }

    @Test
    void shouldLetACollectWithoutAConnectorThroughWhateverItsWorkspace() {
        publishRun(Events.run(id("run-1"), 0, Events.started(0)));

        driver.publish(Topics.COLLECTS.name(), id("collect").toString(), Events.collect(OTHER_WORKSPACE, null, id("collect"), 5, "todo"));

        assertThat(driver.rejections()).isEmpty();
        assertThat(driver.collects()).containsOnlyKeys(id("collect").toString());
    }

    /**
     * Two workspaces race for a new connector, in every order: the workspace of the first event to reach the
     * ledger wins; every event of the other is rejected and counts nowhere; the status counts only the winner's.
     */
    @Test
    void shouldGiveARacedConnectorToOneWorkspaceWhateverTheOrder() {
        Random random = new Random(11);
        for (int order = 0; order < 40; order++) {
            try (LedgerDriver raced = new LedgerDriver()) {
                UUID connector = id("raced-" + order);
                List<SyncRunEvent> events = new ArrayList<>();
                for (int run = 0; run < 4; run++) {
                    events.add(Events.run(WORKSPACE, connector, id("w1-" + order + "-" + run), run, Events.succeeded(run, null)));
                    events.add(Events.run(OTHER_WORKSPACE, connector, id("w2-" + order + "-" + run), run, Events.failed(run, "w2")));
                }
                Collections.shuffle(events, random);
                UUID winner = events.get(0).getWorkspaceId();

                events.forEach(event -> raced.publish(Topics.SYNC_RUNS.name(), event.getSyncLogId().toString(), event));

                assertThat(raced.rejectionReasons()).as("order %d", order).hasSize(4).containsOnly("workspace_mismatch");
                assertThat(raced.syncLogs().values()).as("order %d", order).hasSize(4)
                        .allSatisfy(row -> assertThat(row.getWorkspaceId()).isEqualTo(winner));
                ConnectorStatus status = raced.statuses().get(connector.toString());
                assertThat(status.getWorkspaceId()).isEqualTo(winner);
                assertThat(status.getTotalRuns()).isEqualTo(4);
                assertThat(winner.equals(WORKSPACE) ? status.getSucceededRuns() : status.getFailedRuns()).isEqualTo(4);
            }
        }
    }

    private void publishRun(SyncRunEvent event) {
        driver.publish(Topics.SYNC_RUNS.name(), event.getSyncLogId().toString(), event);
    }
}
