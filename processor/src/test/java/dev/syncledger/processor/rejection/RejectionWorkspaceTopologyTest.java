package dev.syncledger.processor.rejection;

import static dev.syncledger.processor.testing.Events.CONNECTOR;
import static dev.syncledger.processor.testing.Events.OTHER_WORKSPACE;
import static dev.syncledger.processor.testing.Events.WORKSPACE;
import static dev.syncledger.processor.testing.Events.id;
import static org.assertj.core.api.Assertions.assertThat;

import dev.syncledger.processor.TopologyConfig;
import dev.syncledger.processor.identity.UuidOrder;
import dev.syncledger.processor.testing.Events;
import dev.syncledger.processor.testing.LedgerDriver;
import dev.syncledger.schemas.Topics;
import dev.syncledger.schemas.diagnostic.DiagnosticEvent;
import dev.syncledger.schemas.rejected.RejectedEvent;
import dev.syncledger.schemas.syncrun.SyncRunEvent;
import dev.syncledger.schemas.syncrun.SyncScheduled;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A rejection names the workspace its own event claimed, so that a workspace's dashboard can count the rejections of
 * its events and never another tenant's: the event's claim when it was read, none when it could not be.
 */
class RejectionWorkspaceTopologyTest {

    private static final UUID OTHER_CONNECTOR = id("connector-2");
    private static final long DAY = Duration.ofDays(1).toSeconds();

    private final LedgerDriver driver = new LedgerDriver();

    @AfterEach
    void close() {
        driver.close();
    }

    @Test
    void aWorkspaceMismatchNamesTheWorkspaceTheEventClaimedNeverTheConnectorOwners() {
        publishRun(Events.run(id("run-1"), 0, Events.succeeded(10, null)));

        publishRun(Events.run(OTHER_WORKSPACE, CONNECTOR, id("run-2"), 20, Events.failed(30, "not mine")));
        driver.publish(Topics.DIAGNOSTICS.name(), id("diagnostic").toString(),
                Events.diagnostic(OTHER_WORKSPACE, CONNECTOR, id("diagnostic"), 21, "auth_scope_insufficient"));
        driver.publish(Topics.DOCUMENT_LINKS.name(), id("document").toString(), Events.link(OTHER_WORKSPACE, CONNECTOR, id("document"), 22, true));
        driver.publish(Topics.COLLECTS.name(), id("collect").toString(), Events.collect(OTHER_WORKSPACE, CONNECTOR, id("collect"), 23, "finalized"));

        assertThat(driver.rejections()).hasSize(4).allSatisfy(rejection -> {
            assertThat(rejection.getReason()).isEqualTo("workspace_mismatch");
            assertThat(rejection.getWorkspaceId()).isEqualTo(OTHER_WORKSPACE.toString());
        });
    }

    @Test
    void aRunsWorkspaceMismatchNamesTheWorkspaceTheLaterEventClaimed() {
        publishRun(Events.run(id("run-1"), 0, Events.started(0)));
        publishRun(Events.run(OTHER_WORKSPACE, OTHER_CONNECTOR, id("elsewhere"), 1, Events.started(1)));

        // The same run id from another tenant's own connector: the gate lets it by, the run's ledger does not.
        publishRun(Events.run(OTHER_WORKSPACE, OTHER_CONNECTOR, id("run-1"), 2, Events.failed(3, "same id")));

        assertThat(single().getReason()).isEqualTo("workspace_mismatch");
        assertThat(single().getWorkspaceId()).isEqualTo(OTHER_WORKSPACE.toString());
    }

    @Test
    void anUndecodableRecordNamesNoWorkspace() {
        driver.publishRaw(Topics.SYNC_RUNS.name(), id("run-1").toString().getBytes(StandardCharsets.UTF_8),
                ("{\"workspace_id\":\"" + WORKSPACE + "\"}").getBytes(StandardCharsets.UTF_8), Events.t(0));

        assertThat(single().getReason()).isEqualTo("malformed");
        assertThat(single().getWorkspaceId()).isNull();
    }

    @Test
    void aRecordThatDecodesButIsNoEventNamesNoWorkspace() {
        SyncRunEvent event = Events.run(id("run-1"), 0, Events.started(0));

        driver.publish(Topics.SYNC_RUNS.name(), "not-the-sync-log-id", event);

        assertThat(single().getReason()).isEqualTo("malformed");
        assertThat(single().getWorkspaceId()).isNull();
    }

    @Test
    void anEventWrongOnItsOwnNamesItsWorkspace() {
        publishRun(Events.run(OTHER_WORKSPACE, OTHER_CONNECTOR, id("long"), 0, new SyncScheduled(null, "t".repeat(256))));
        publishRun(Events.run(id("silent"), 1, Events.failed(2, " ")));

        assertThat(driver.rejectionReasons()).containsExactly("field_too_long", "missing_error");
        assertThat(driver.rejections()).extracting(RejectedEvent::getWorkspaceId)
                .containsExactly(OTHER_WORKSPACE.toString(), WORKSPACE.toString());
    }

    @Test
    void anEventDisplacedAfterItWasAcceptedNamesItsRunsWorkspace() {
        publishRun(Events.run(OTHER_WORKSPACE, OTHER_CONNECTOR, id("run-1"), 0, Events.started(0)));
        SyncRunEvent lateFailure = Events.run(OTHER_WORKSPACE, OTHER_CONNECTOR, id("run-1"), 100, Events.failed(100, "gave up"));
        publishRun(lateFailure);

        // An earlier end wins, even arriving second: the failure accepted before is rejected by its position.
        publishRun(Events.run(OTHER_WORKSPACE, OTHER_CONNECTOR, id("run-1"), 50, Events.succeeded(50, null)));

        assertThat(single().getReason()).isEqualTo("conflicting_terminal_event");
        assertThat(single().getEventId()).isEqualTo(lateFailure.getEventId().toString());
        assertThat(single().getPayload()).as("rejected by position").isNull();
        assertThat(single().getWorkspaceId()).isEqualTo(OTHER_WORKSPACE.toString());
    }

    @Test
    void anotherTenantsDiagnosticCannotDisplaceOneAndNamesItsOwnWorkspace() {
        publishRun(Events.run(OTHER_WORKSPACE, OTHER_CONNECTOR, id("elsewhere"), 0, Events.started(0)));
        DiagnosticEvent first = Events.diagnostic(WORKSPACE, CONNECTOR, id("diagnostic"), 1, "auth_scope_insufficient");
        DiagnosticEvent second = Events.diagnostic(OTHER_WORKSPACE, OTHER_CONNECTOR, id("diagnostic"), 2, "auth_scope_insufficient");
        if (UuidOrder.isLower(first.getEventId(), second.getEventId())) {
            UUID lower = first.getEventId();
            first.setEventId(second.getEventId());
            second.setEventId(lower);
        }

        driver.publish(Topics.DIAGNOSTICS.name(), id("diagnostic").toString(), first);
        driver.publish(Topics.DIAGNOSTICS.name(), id("diagnostic").toString(), second);

        // The lower event id does not win across tenants: the stranger's event is refused, under the workspace it named.
        assertThat(single().getReason()).isEqualTo("workspace_mismatch");
        assertThat(single().getEventId()).isEqualTo(second.getEventId().toString());
        assertThat(single().getWorkspaceId()).isEqualTo(OTHER_WORKSPACE.toString());
    }

    @Test
    void aDeleteForgottenByTheHorizonNamesTheWorkspaceItClaimed() {
        publishRun(Events.run(OTHER_WORKSPACE, OTHER_CONNECTOR, id("ghost"), 0, Events.deleted()));
        publishRun(Events.run(id("later"), 8 * DAY, Events.started(8 * DAY)));

        driver.advanceWallClock(TopologyConfig.DEFAULT_FORGET_INTERVAL);

        assertThat(single().getReason()).isEqualTo("arrived_after_horizon");
        assertThat(single().getWorkspaceId()).isEqualTo(OTHER_WORKSPACE.toString());
    }

    @Test
    void aDeleteForgottenWhileHandlingAnotherTenantsEventNamesItsOwnWorkspace() {
        publishRun(Events.run(OTHER_WORKSPACE, OTHER_CONNECTOR, id("ghost"), 0, Events.deleted()));
        publishRun(Events.run(id("later"), 8 * DAY, Events.started(8 * DAY)));

        // No sweep ran: the expired ledger is forgotten by the fold of a new event under the same run id.
        SyncRunEvent reuse = Events.run(id("ghost"), 8 * DAY + 1, Events.started(8 * DAY + 1));
        publishRun(reuse);

        assertThat(single().getReason()).isEqualTo("arrived_after_horizon");
        assertThat(single().getEventId()).isNotEqualTo(reuse.getEventId().toString());
        assertThat(single().getWorkspaceId()).isEqualTo(OTHER_WORKSPACE.toString());
        assertThat(driver.syncLogs().get(id("ghost").toString()).getWorkspaceId()).isEqualTo(WORKSPACE);
    }

    private RejectedEvent single() {
        assertThat(driver.rejections()).hasSize(1);
        return driver.rejections().get(0);
    }

    private void publishRun(SyncRunEvent event) {
        driver.publish(Topics.SYNC_RUNS.name(), event.getSyncLogId().toString(), event);
    }
}
