package dev.syncledger.processor.synclog;

import static dev.syncledger.processor.synclog.SyncRunEvents.failed;
import static dev.syncledger.processor.synclog.SyncRunEvents.deleted;
import static dev.syncledger.processor.synclog.SyncRunEvents.scheduled;
import static dev.syncledger.processor.synclog.SyncRunEvents.started;
import static dev.syncledger.processor.synclog.SyncRunEvents.succeeded;
import static dev.syncledger.processor.synclog.SyncRunEvents.t;
import static org.assertj.core.api.Assertions.assertThat;

import dev.syncledger.processor.rejection.Rejection;
import dev.syncledger.processor.rejection.RejectionReason;
import dev.syncledger.schemas.ConnectorSyncStatus;
import dev.syncledger.schemas.TriggerType;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class SyncLogFoldTest {

    @Test
    void shouldCreateAScheduledRunWithItsTrigger() {
        SyncLogRow row = FoldRun.of(scheduled().at(0).trigger(TriggerType.cloud_task).cloudTask("tasks/t-1")).rowOrFail();

        assertThat(row.status()).isEqualTo(ConnectorSyncStatus.scheduled);
        assertThat(row.triggerType()).isEqualTo(TriggerType.cloud_task);
        assertThat(row.cloudTaskId()).isEqualTo("tasks/t-1");
        assertThat(row.startedAt()).isNull();
        assertThat(row.createdAt()).isEqualTo(t(0));
        assertThat(row.updatedAt()).isEqualTo(t(0));
        assertThat(row.workspaceId()).isEqualTo(SyncRunEvents.WORKSPACE);
        assertThat(row.workspaceConnectorId()).isEqualTo(SyncRunEvents.CONNECTOR);
    }

    @Test
    void shouldGoFromScheduledToInProgressToSuccessWithDuration() {
        FoldRun run = FoldRun.of(
                scheduled().at(0),
                started().at(2).time(2),
                succeeded().at(47).time(47).metadata("{\"records_synced\":312}"));

        assertThat(run.emitted).extracting(SyncLogRow::status)
                .containsExactly(ConnectorSyncStatus.scheduled, ConnectorSyncStatus.in_progress, ConnectorSyncStatus.success);
        SyncLogRow row = run.rowOrFail();
        assertThat(row.startedAt()).isEqualTo(t(2));
        assertThat(row.completedAt()).isEqualTo(t(47));
        assertThat(row.durationMs()).isEqualTo(45_000);
        assertThat(row.metadata()).isEqualTo("{\"records_synced\":312}");
        assertThat(row.error()).isNull();
        assertThat(row.updatedAt()).isEqualTo(t(47));
        assertThat(run.ledger().revision()).isEqualTo(3);
    }

    @Test
    void shouldStartDirectlyInProgressWithStartedAtDefaultingToOccurredAt() {
        SyncLogRow row = FoldRun.of(started().at(5).trigger(TriggerType.manual)).rowOrFail();

        assertThat(row.status()).isEqualTo(ConnectorSyncStatus.in_progress);
        assertThat(row.startedAt()).isEqualTo(t(5));
        assertThat(row.triggerType()).isEqualTo(TriggerType.manual);
    }

    @Test
    void shouldFailBeforeStartingWithoutStartedAtOrDuration() {
        SyncLogRow row = FoldRun.of(scheduled().at(0), failed().at(9).error("token revoked")).rowOrFail();

        assertThat(row.status()).isEqualTo(ConnectorSyncStatus.error);
        assertThat(row.error()).isEqualTo("token revoked");
        assertThat(row.completedAt()).isEqualTo(t(9));
        assertThat(row.startedAt()).isNull();
        assertThat(row.durationMs()).isNull();
    }

    @Test
    void shouldCountTheEarliestOfSeveralStarts() {
        SyncLogRow row = FoldRun.of(started().at(10).time(10), started().at(4).time(4), succeeded().at(20)).rowOrFail();

        assertThat(row.startedAt()).isEqualTo(t(4));
        assertThat(row.durationMs()).isEqualTo(16_000);
    }

    @Test
    void shouldFillStartedAtAndDurationFromALateStart() {
        FoldRun run = FoldRun.of(succeeded().at(30).time(30), started().at(31).time(10));

        SyncLogRow row = run.rowOrFail();
        assertThat(row.status()).isEqualTo(ConnectorSyncStatus.success);
        assertThat(row.startedAt()).isEqualTo(t(10));
        assertThat(row.durationMs()).isEqualTo(20_000);
        assertThat(row.createdAt()).isEqualTo(t(30));
        assertThat(row.updatedAt()).isEqualTo(t(31));
    }

    @Test
    void shouldIgnoreARepeatedEventId() {
        SyncRunEvents start = started().at(1);
        FoldRun run = FoldRun.of(start, succeeded().at(5));
        long revision = run.ledger().revision();

        int emitted = run.emitted.size();
        SyncLogDecision again = run.apply(start.domain());

        assertThat(run.emitted).hasSize(emitted);
        assertThat(again.rejections()).isEmpty();
        assertThat(again.ledgerChanged()).isFalse();
        assertThat(run.ledger().revision()).isEqualTo(revision);
    }

    @Test
    void shouldKeepErrorOnlyWithErrorStatusAndMetadataFromTheTerminalEvent() {
        SyncLogRow row = FoldRun.of(started().at(0), failed().at(3).error("HTTP 429").metadata("{\"pages_fetched\":2}")).rowOrFail();

        assertThat(row.error()).isEqualTo("HTTP 429");
        assertThat(row.metadata()).isEqualTo("{\"pages_fetched\":2}");

        SyncLogRow success = FoldRun.of(started().at(0), succeeded().at(3)).rowOrFail();
        assertThat(success.error()).isNull();
    }

    @Test
    void shouldSoftDeleteAndKeepTheRow() {
        SyncLogRow row = FoldRun.of(started().at(0), succeeded().at(3), deleted().at(100), deleted().at(90)).rowOrFail();

        assertThat(row.deletedAt()).isEqualTo(t(90));
        assertThat(row.status()).isEqualTo(ConnectorSyncStatus.success);
        assertThat(row.updatedAt()).isEqualTo(t(100));
    }

    @Test
    void shouldTakeTriggerFromTheEarliestEventCarryingIt() {
        SyncLogRow row = FoldRun.of(started().at(5).trigger(TriggerType.manual), scheduled().at(0).trigger(TriggerType.cloud_task)).rowOrFail();

        assertThat(row.triggerType()).isEqualTo(TriggerType.cloud_task);
    }

    @Test
    void shouldRejectACloudTaskIdOver255Characters() {
        FoldRun run = FoldRun.of(scheduled().at(0).cloudTask("x".repeat(256)));

        assertThat(run.rejections).singleElement().extracting(Rejection::reason).isEqualTo(RejectionReason.FIELD_TOO_LONG);
        assertThat(run.row()).isEmpty();
        assertThat(FoldRun.of(scheduled().at(0).cloudTask("x".repeat(255))).rejections).isEmpty();
    }

    @Test
    void shouldRejectAFailureWithoutErrorText() {
        FoldRun run = FoldRun.of(started().at(0), failed().at(5).error(null), failed().at(6).error("  "));

        assertThat(run.rejections).extracting(Rejection::reason)
                .containsExactly(RejectionReason.MISSING_ERROR, RejectionReason.MISSING_ERROR);
        assertThat(run.rowOrFail().status()).isEqualTo(ConnectorSyncStatus.in_progress);
    }

    @Test
    void shouldRejectAStartAfterCompletionAsNegativeDuration() {
        SyncRunEvents lateStart = started().at(50).time(40);
        FoldRun run = FoldRun.of(succeeded().at(30).time(30), lateStart);

        assertThat(run.rejections).singleElement().satisfies(rejection -> {
            assertThat(rejection.reason()).isEqualTo(RejectionReason.NEGATIVE_DURATION);
            assertThat(rejection.eventId()).isEqualTo(lateStart.eventId());
        });
        SyncLogRow row = run.rowOrFail();
        assertThat(row.startedAt()).isNull();
        assertThat(row.updatedAt()).as("a rejected event has no effect on any row").isEqualTo(t(30));
    }

    @Test
    void shouldRetractAnAcceptedStartWhenAnEarlierCompletionArrives() {
        SyncRunEvents start = started().at(40).time(40);
        FoldRun run = FoldRun.of(start, succeeded().at(30).time(30));

        assertThat(run.rejections).singleElement().satisfies(rejection -> {
            assertThat(rejection.reason()).isEqualTo(RejectionReason.NEGATIVE_DURATION);
            assertThat(rejection.eventId()).isEqualTo(start.eventId());
            assertThat(rejection.origin().offset()).as("the rejection carries the displaced event's own position").isZero();
            assertThat(rejection.origin().value()).as("a ledger keeps positions, not bytes").isNull();
        });
        SyncLogRow row = run.rowOrFail();
        assertThat(row.startedAt()).isNull();
        assertThat(row.createdAt()).isEqualTo(t(30));
    }

    @Test
    void shouldRejectADurationOverTheIntegerRange() {
        Instant start = t(0);
        Instant end = start.plusMillis(Integer.MAX_VALUE + 1L);
        FoldRun run = FoldRun.of(started().at(0).time(start), succeeded().time(end).at(1));

        assertThat(run.rejections).singleElement().extracting(Rejection::reason).isEqualTo(RejectionReason.DURATION_OUT_OF_RANGE);
        assertThat(run.rowOrFail().status()).isEqualTo(ConnectorSyncStatus.in_progress);

        FoldRun justFits = FoldRun.of(started().at(0).time(start), succeeded().time(start.plusMillis(Integer.MAX_VALUE)).at(1));
        assertThat(justFits.rejections).isEmpty();
        assertThat(justFits.rowOrFail().durationMs()).isEqualTo(Integer.MAX_VALUE);
    }

    @Test
    void shouldRejectAnEventOfAnotherWorkspaceOrConnector() {
        FoldRun run = FoldRun.of(
                scheduled().at(0),
                started().at(1).workspace(UUID.randomUUID()),
                started().at(2).connector(UUID.randomUUID()));

        assertThat(run.rejections).extracting(Rejection::reason)
                .containsExactly(RejectionReason.WORKSPACE_MISMATCH, RejectionReason.WORKSPACE_MISMATCH);
        assertThat(run.rowOrFail().status()).isEqualTo(ConnectorSyncStatus.scheduled);
    }

    @Test
    void shouldKeepTheEarlierCompletionOfTwoTerminalEvents() {
        SyncRunEvents later = succeeded().at(50).time(50);
        SyncRunEvents earlier = failed().at(60).time(40).error("timeout");
        FoldRun run = FoldRun.of(started().at(0), later, earlier);

        assertThat(run.rejections).singleElement().satisfies(rejection -> {
            assertThat(rejection.reason()).isEqualTo(RejectionReason.CONFLICTING_TERMINAL_EVENT);
            assertThat(rejection.eventId()).isEqualTo(later.eventId());
        });
        SyncLogRow row = run.rowOrFail();
        assertThat(row.status()).isEqualTo(ConnectorSyncStatus.error);
        assertThat(row.completedAt()).isEqualTo(t(40));
        assertThat(row.updatedAt()).as("the displaced event no longer counts").isEqualTo(t(60));
    }

    @Test
    void shouldBreakACompletionTieByTheLowerEventId() {
        SyncRunEvents low = succeeded().id("00000000-0000-0000-0000-000000000001").at(10).time(10);
        SyncRunEvents high = failed().id("00000000-0000-0000-0000-000000000002").at(10).time(10);

        FoldRun run = FoldRun.of(high, low);

        assertThat(run.rowOrFail().status()).isEqualTo(ConnectorSyncStatus.success);
        assertThat(run.rejections).singleElement().extracting(Rejection::eventId).isEqualTo(high.eventId());
    }

    @Test
    void shouldNotEmitWhenTheRowDoesNotChange() {
        FoldRun run = FoldRun.of(succeeded().at(10).time(10));
        long revision = run.ledger().revision();
        SyncLogDecision decision = run.apply(failed().at(10).time(20).domain());

        assertThat(decision.ledger().revision()).isEqualTo(revision);
        assertThat(decision.rejections()).singleElement().extracting(Rejection::reason)
                .isEqualTo(RejectionReason.CONFLICTING_TERMINAL_EVENT);
    }
}
