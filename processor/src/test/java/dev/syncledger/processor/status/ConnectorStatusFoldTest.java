package dev.syncledger.processor.status;

import static dev.syncledger.processor.status.StateRows.run;
import static dev.syncledger.processor.status.StateRows.t;
import static org.assertj.core.api.Assertions.assertThat;

import dev.syncledger.schemas.ConnectorSyncStatus;
import dev.syncledger.schemas.Topics;
import dev.syncledger.schemas.state.WorkspaceConnectorSyncLog;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ConnectorStatusFoldTest {

    private final StatusPipeline pipeline = new StatusPipeline();

    @Test
    void shouldTakeLastSyncFromTheNewestCreatedRunWhateverTheArrivalOrder() {
        offer(run("newer").created(20).inProgress());
        offer(run("older").created(10).succeeded(15));

        RunSummary runs = row().runs();
        assertThat(runs.lastSyncLogId()).isEqualTo(StateRows.id("newer"));
        assertThat(runs.lastSyncStatus()).isEqualTo(ConnectorSyncStatus.in_progress);
        assertThat(runs.lastSyncCreatedAt()).isEqualTo(t(20));
    }

    @Test
    void shouldBreakACreatedAtTieBySyncLogIdAsText() {
        UUID low = UUID.fromString("10000000-0000-0000-0000-000000000000");
        UUID high = UUID.fromString("f0000000-0000-0000-0000-000000000000");
        offerRaw(run("ignored").created(5).avro(), high, ConnectorSyncStatus.success);
        offerRaw(run("ignored").created(5).avro(), low, ConnectorSyncStatus.scheduled);

        assertThat(row().runs().lastSyncLogId()).as("f… sorts after 1… as text, though it is negative as a signed long").isEqualTo(high);
    }

    @Test
    void shouldCountConsecutiveFailuresSinceTheLatestSuccessByCompletedAt() {
        offer(run("error-1").created(0).failed(10, "first"));
        offer(run("success").created(1).succeeded(20));
        // Created before the success but completed after it: it still counts.
        offer(run("error-2").created(0).failed(30, "second"));
        offer(run("error-3").created(2).failed(40, "third"));

        RunSummary runs = row().runs();
        assertThat(runs.consecutiveFailures()).isEqualTo(2);
        assertThat(runs.lastSuccessAt()).isEqualTo(t(20));
        assertThat(runs.lastErrorAt()).isEqualTo(t(40));
        assertThat(runs.lastError()).isEqualTo("third");
    }

    @Test
    void shouldCountEveryFailureWhenThereWasNoSuccess() {
        offer(run("a").failed(10, "a"));
        offer(run("b").failed(20, "b"));

        assertThat(row().runs().consecutiveFailures()).isEqualTo(2);
        assertThat(row().runs().lastSuccessAt()).isNull();
    }

    @Test
    void shouldResetConsecutiveFailuresWhenAFailedRunTurnsIntoASuccess() {
        offer(run("a").failed(10, "a"));
        offer(run("b").failed(20, "b"));
        offer(run("b").succeeded(20));

        RunSummary runs = row().runs();
        assertThat(runs.consecutiveFailures()).isZero();
        assertThat(runs.lastErrorAt()).isEqualTo(t(10));
        assertThat(runs.lastSuccessAt()).isEqualTo(t(20));
    }

    @Test
    void shouldForgetASoftDeletedRunInLastSyncAndFailures() {
        offer(run("old").created(0).succeeded(5));
        offer(run("new").created(10).failed(15, "boom"));
        offer(run("new").created(10).failed(15, "boom").deleted(30));

        RunSummary runs = row().runs();
        assertThat(runs.lastSyncLogId()).isEqualTo(StateRows.id("old"));
        assertThat(runs.consecutiveFailures()).isZero();
        assertThat(runs.lastErrorAt()).isNull();
        assertThat(row().totals().totalRuns()).isEqualTo(1);
        assertThat(pipeline.runs.size()).isEqualTo(2);
    }

    @Test
    void shouldOrderAFinishedRunWithoutCompletedAtByCreatedAt() {
        offer(run("success").created(0).succeeded(10));
        offer(run("error").created(20).status(ConnectorSyncStatus.error).error("no completion time"));

        assertThat(row().runs().lastErrorAt()).isEqualTo(t(20));
        assertThat(row().runs().consecutiveFailures()).isEqualTo(1);
    }

    @Test
    void shouldEmitNothingWhenTheChangeLeavesTheRowAsItWas() {
        offer(run("a").created(0).succeeded(10));
        offer(run("b").created(5).failed(20, "boom").updated(20));
        int emitted = pipeline.emitted.size();

        // Run a is re-indexed under a new created_at, but b stays the newest and no updated_at goes beyond the greatest.
        offer(run("a").created(1).succeeded(10).updated(10));

        assertThat(pipeline.emitted).hasSize(emitted);
    }

    @Test
    void shouldMoveARunFromOneConnectorToAnother() {
        offer(run("r").succeeded(10));
        offer(run("r").connector(StateRows.OTHER_CONNECTOR).succeeded(10));

        assertThat(row().totals().totalRuns()).isZero();
        assertThat(row().runs().lastSyncLogId()).isNull();
        assertThat(pipeline.row(StateRows.OTHER_CONNECTOR).totals().succeededRuns()).isEqualTo(1);
        assertThat(pipeline.row(StateRows.OTHER_CONNECTOR).runs().lastSuccessAt()).isEqualTo(t(10));
    }

    @Test
    void shouldMoveItsPointersWithoutReadingTheIndexWhileRunsOnlyComeIn() {
        for (int hour = 0; hour < 48; hour++) {
            offer(run("run-" + hour).created(hour * 3_600L).inProgress());
            offer(run("run-" + hour).created(hour * 3_600L).succeeded(hour * 3_600L + 60));
        }

        assertThat(row().runs().lastSyncLogId()).isEqualTo(StateRows.id("run-47"));
        assertThat(row().runs().lastSuccessAt()).isEqualTo(t(47 * 3_600L + 60));
        // A new latest success recounts the failures after it: one read each, none for the created order's pointer.
        // The watch learns the expected interval once per new run: one read each.
        assertThat(pipeline.runs.reads).isEqualTo(48 + 48);
    }

    @Test
    void shouldFindTheNextNewestRunWhenTheNewestIsDeleted() {
        offer(run("a").created(0).succeeded(5));
        offer(run("b").created(10).failed(15, "b"));
        offer(run("c").created(20).succeeded(25));

        offer(run("c").created(20).succeeded(25).deleted(30));

        RunSummary runs = row().runs();
        assertThat(runs.lastSyncLogId()).isEqualTo(StateRows.id("b"));
        assertThat(runs.lastSuccessAt()).isEqualTo(t(5));
        assertThat(runs.consecutiveFailures()).isEqualTo(1);
    }

    @Test
    void shouldBoundTheIndexToTheNewestRunsAndThoseWithinTheHorizon() {
        int hours = 24 * 40;
        for (int hour = 0; hour < hours; hour++) {
            offer(run("run-" + hour).created(hour * 3_600L).succeeded(hour * 3_600L + 60));
        }

        int withinHorizon = (int) StatusPipeline.HORIZON.toHours();
        assertThat(pipeline.runs.size()).as("created and finished entries")
                .isLessThanOrEqualTo(2 * (withinHorizon + ConnectorStatusFold.TRIM_SLACK + 2));
        assertThat(row().totals().totalRuns()).isEqualTo(hours);
        assertThat(row().runs().lastSyncLogId()).isEqualTo(StateRows.id("run-" + (hours - 1)));
    }

    @Test
    void shouldKeepEveryErrorSinceTheLatestSuccessWhateverItsAge() {
        offer(run("success").created(0).succeeded(10));
        int failures = 24 * 30;
        for (int hour = 1; hour <= failures; hour++) {
            offer(run("error-" + hour).created(hour * 3_600L).failed(hour * 3_600L + 60, "still broken"));
        }

        assertThat(row().runs().consecutiveFailures()).isEqualTo(failures);

        offer(run("recovered").created((failures + 1) * 3_600L).succeeded((failures + 1) * 3_600L + 60));
        for (int hour = failures + 2; hour < failures + 200; hour++) {
            offer(run("after-" + hour).created(hour * 3_600L).succeeded(hour * 3_600L + 60));
        }

        assertThat(row().runs().consecutiveFailures()).isZero();
        assertThat(pipeline.runs.size()).as("the old errors go once a success is newer").isLessThan(2 * failures);
    }

    private void offer(StateRows.Run run) {
        pipeline.offer(Topics.SYNC_LOG_STATE.name(), run.key(), run.avro());
    }

    private void offerRaw(WorkspaceConnectorSyncLog template, UUID syncLogId, ConnectorSyncStatus status) {
        WorkspaceConnectorSyncLog row = WorkspaceConnectorSyncLog.newBuilder(template)
                .setWorkspaceConnectorSyncLogId(syncLogId).setStatus(status).build();
        pipeline.offer(Topics.SYNC_LOG_STATE.name(), syncLogId.toString(), row);
    }

    private ConnectorStatusRow row() {
        return pipeline.row(StateRows.CONNECTOR);
    }
}
