package dev.syncledger.processor.collect;

import static dev.syncledger.processor.collect.CollectEvents.deleted;
import static dev.syncledger.processor.collect.CollectEvents.failed;
import static dev.syncledger.processor.collect.CollectEvents.finalized;
import static dev.syncledger.processor.collect.CollectEvents.inProgress;
import static dev.syncledger.processor.collect.CollectEvents.t;
import static dev.syncledger.processor.collect.CollectEvents.todo;
import static org.assertj.core.api.Assertions.assertThat;

import dev.syncledger.processor.rejection.Rejection;
import dev.syncledger.processor.rejection.RejectionReason;
import dev.syncledger.processor.synclog.SyncLogRow;
import dev.syncledger.schemas.ConnectorSyncStatus;
import dev.syncledger.schemas.TriggerType;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class CollectFoldTest {

    private static final UUID TASK = UUID.fromString("5b0c7d1e-2f3a-4b4c-8d5e-6f7a8b9c0d1e");

    @Test
    void shouldCreateATodoCollectStampedWithItsWorkspaceAndPerson() {
        CollectFoldRun run = CollectFoldRun.of(todo().at(0).provider("linkedin").task(TASK));

        CollectRow row = run.rowOrFail();
        assertThat(row.collectId()).isEqualTo(CollectEvents.COLLECT);
        assertThat(row.workspaceId()).isEqualTo(CollectEvents.WORKSPACE);
        assertThat(row.status()).isEqualTo(CollectStatus.TODO);
        assertThat(row.peopleId()).isEqualTo(CollectEvents.PEOPLE);
        assertThat(row.provider()).isEqualTo("linkedin");
        assertThat(row.taskId()).isEqualTo(TASK);
        assertThat(row.workspaceConnectorId()).isNull();
        assertThat(row.startedAt()).isNull();
        assertThat(row.endedAt()).isNull();
        assertThat(row.createdAt()).isEqualTo(t(0));
        assertThat(row.updatedAt()).isEqualTo(t(0));
        assertThat(row.deletedAt()).isNull();
        assertThat(run.syncLog()).isEmpty();
        assertThat(run.syncLogUpdates).isEmpty();
    }

    @Test
    void shouldGoFromTodoToInProgressToFinalized() {
        CollectFoldRun run = CollectFoldRun.of(todo().at(0), inProgress().at(2).started(2), finalized().at(47).ended(45));

        assertThat(run.emitted).extracting(CollectRow::status)
                .containsExactly(CollectStatus.TODO, CollectStatus.IN_PROGRESS, CollectStatus.FINALIZED);
        CollectRow row = run.rowOrFail();
        assertThat(row.startedAt()).isEqualTo(t(2));
        assertThat(row.endedAt()).isEqualTo(t(45));
        assertThat(row.updatedAt()).isEqualTo(t(47));
        assertThat(run.ledger().revision()).isEqualTo(3);
    }

    @Test
    void shouldKeepTheMostAdvancedStatusWhateverTheArrivalOrder() {
        CollectFoldRun run = CollectFoldRun.of(inProgress().at(5), todo().at(0));

        CollectRow row = run.rowOrFail();
        assertThat(row.status()).isEqualTo(CollectStatus.IN_PROGRESS);
        assertThat(row.createdAt()).isEqualTo(t(0));
        assertThat(row.updatedAt()).isEqualTo(t(5));
    }

    @Test
    void shouldStayFinalizedWhenAnInProgressEventArrivesAfterTheEnd() {
        CollectFoldRun run = CollectFoldRun.of(finalized().at(30).ended(30), inProgress().at(40).started(10));

        CollectRow row = run.rowOrFail();
        assertThat(row.status()).isEqualTo(CollectStatus.FINALIZED);
        assertThat(row.startedAt()).isEqualTo(t(10));
        assertThat(run.rejections).isEmpty();
    }

    @Test
    void shouldTakeStartedAtFromTheEarliestStartCarriedByAnyStatusChange() {
        CollectRow row = CollectFoldRun.of(inProgress().at(10).started(10), finalized().at(20).started(4)).rowOrFail();

        assertThat(row.startedAt()).isEqualTo(t(4));
    }

    @Test
    void shouldTakePersonProviderTaskAndConnectorFromTheEarliestEventCarryingThem() {
        UUID otherPerson = UUID.randomUUID();
        UUID otherConnector = UUID.randomUUID();
        CollectRow row = CollectFoldRun.of(
                inProgress().at(5).provider("popup").people(otherPerson).connector(otherConnector),
                todo().at(0).provider("linkedin").task(TASK),
                finalized().at(9).connector()).rowOrFail();

        assertThat(row.provider()).isEqualTo("linkedin");
        assertThat(row.peopleId()).isEqualTo(CollectEvents.PEOPLE);
        assertThat(row.taskId()).isEqualTo(TASK);
        assertThat(row.workspaceConnectorId()).isEqualTo(otherConnector);
    }

    @Test
    void shouldBreakAnOccurrenceTieByTheLowerEventId() {
        CollectRow row = CollectFoldRun.of(
                todo().id("00000000-0000-0000-0000-000000000002").at(0).provider("popup"),
                todo().id("00000000-0000-0000-0000-000000000001").at(0).provider("linkedin")).rowOrFail();

        assertThat(row.provider()).isEqualTo("linkedin");
    }

    @Test
    void shouldIgnoreEndedAtAndErrorOnAStatusThatDoesNotEnd() {
        CollectFoldRun run = CollectFoldRun.of(inProgress().at(0).ended(5).error("not yet").connector());

        assertThat(run.rowOrFail().endedAt()).isNull();
        assertThat(run.syncLog()).isEmpty();
    }

    @Test
    void shouldProduceASuccessfulManualSyncLogWhenAFinalizedCollectNamesItsConnector() {
        CollectFoldRun run = CollectFoldRun.of(
                todo().at(0).provider("linkedin").connector(),
                inProgress().at(2).started(2),
                finalized().at(47).ended(45));

        SyncLogRow log = run.syncLogOrFail();
        assertThat(log.workspaceConnectorSyncLogId())
                .isEqualTo(UUID.nameUUIDFromBytes(("collect:" + CollectEvents.COLLECT).getBytes(StandardCharsets.UTF_8)));
        assertThat(log.workspaceId()).isEqualTo(CollectEvents.WORKSPACE);
        assertThat(log.workspaceConnectorId()).isEqualTo(CollectEvents.CONNECTOR);
        assertThat(log.status()).isEqualTo(ConnectorSyncStatus.success);
        assertThat(log.triggerType()).isEqualTo(TriggerType.manual);
        assertThat(log.cloudTaskId()).isNull();
        assertThat(log.startedAt()).isEqualTo(t(2));
        assertThat(log.completedAt()).isEqualTo(t(45));
        assertThat(log.durationMs()).isEqualTo(43_000);
        assertThat(log.error()).isNull();
        assertThat(log.metadata()).isEqualTo("{\"collect_id\":\"" + CollectEvents.COLLECT + "\",\"provider\":\"linkedin\"}");
        assertThat(log.createdAt()).isEqualTo(t(0));
        assertThat(log.updatedAt()).isEqualTo(t(47));
        assertThat(log.deletedAt()).isNull();
        assertThat(run.syncLogUpdates).singleElement().satisfies(update -> assertThat(update.revision()).isEqualTo(1));
        assertThat(run.ledger().revision()).isEqualTo(3);
        assertThat(run.ledger().syncLogRevision()).isEqualTo(1);
    }

    @Test
    void shouldCompleteAtTheTerminalEventsOccurrenceWhenItGivesNoEndedAt() {
        CollectFoldRun run = CollectFoldRun.of(inProgress().at(0).started(0).connector(), failed().at(12).error("captcha"));

        assertThat(run.rowOrFail().endedAt()).isNull();
        SyncLogRow log = run.syncLogOrFail();
        assertThat(log.status()).isEqualTo(ConnectorSyncStatus.error);
        assertThat(log.completedAt()).isEqualTo(t(12));
        assertThat(log.durationMs()).isEqualTo(12_000);
        assertThat(log.error()).isEqualTo("captcha");
    }

    @Test
    void shouldGiveAFailedCollectWithoutErrorTextADefaultError() {
        SyncLogRow log = CollectFoldRun.of(failed().at(3).connector(), failed().at(4).ended(3).error("  ").connector())
                .syncLogOrFail();

        assertThat(log.error()).isEqualTo("collect " + CollectEvents.COLLECT + " ended in error");
    }

    @Test
    void shouldLeaveDurationNullAndProviderOutOfMetadataWhenUnknown() {
        SyncLogRow log = CollectFoldRun.of(finalized().at(3).connector()).syncLogOrFail();

        assertThat(log.startedAt()).isNull();
        assertThat(log.durationMs()).isNull();
        assertThat(log.metadata()).isEqualTo("{\"collect_id\":\"" + CollectEvents.COLLECT + "\"}");
    }

    @Test
    void shouldEscapeTheProviderInMetadata() {
        SyncLogRow log = CollectFoldRun.of(finalized().at(3).provider("a \"quoted\" \\ slug").connector()).syncLogOrFail();

        assertThat(log.metadata()).endsWith("\"provider\":\"a \\\"quoted\\\" \\\\ slug\"}");
    }

    @Test
    void shouldProduceNoSyncLogWithoutAWorkspaceConnectorUntilOneIsNamed() {
        CollectFoldRun run = CollectFoldRun.of(inProgress().at(0), finalized().at(5));
        assertThat(run.syncLog()).isEmpty();
        assertThat(run.syncLogUpdates).isEmpty();

        run.apply(deleted().at(9).connector());

        SyncLogRow log = run.syncLogOrFail();
        assertThat(log.workspaceConnectorId()).isEqualTo(CollectEvents.CONNECTOR);
        assertThat(log.deletedAt()).isEqualTo(t(9));
    }

    @Test
    void shouldSoftDeleteTheCollectAndTheSyncLogItProduced() {
        CollectFoldRun run = CollectFoldRun.of(
                inProgress().at(0).connector(), finalized().at(5), deleted().at(100), deleted().at(90));

        CollectRow row = run.rowOrFail();
        assertThat(row.deletedAt()).isEqualTo(t(90));
        assertThat(row.status()).isEqualTo(CollectStatus.FINALIZED);
        assertThat(row.updatedAt()).isEqualTo(t(100));
        assertThat(run.syncLogOrFail().deletedAt()).isEqualTo(t(90));
    }

    @Test
    void shouldWaitForAStatusChangeBeforeARowExistsForADeletion() {
        CollectFoldRun run = CollectFoldRun.of(deleted().at(9));
        assertThat(run.row()).isEmpty();
        assertThat(run.emitted).isEmpty();
        assertThat(run.ledger()).isNotNull();

        run.apply(todo().at(1));

        CollectRow row = run.rowOrFail();
        assertThat(row.deletedAt()).isEqualTo(t(9));
        assertThat(row.createdAt()).isEqualTo(t(1));
        assertThat(row.updatedAt()).isEqualTo(t(9));
    }

    @Test
    void shouldIgnoreARepeatedEventId() {
        CollectEvents start = inProgress().at(1).connector();
        CollectFoldRun run = CollectFoldRun.of(start, finalized().at(5));
        CollectLedger before = run.ledger();

        CollectDecision again = run.apply(start);

        assertThat(again.ledgerChanged()).isFalse();
        assertThat(again.rejections()).isEmpty();
        assertThat(run.ledger()).isEqualTo(before);
    }

    @Test
    void shouldNotEmitWhenNothingDerivedChanges() {
        CollectFoldRun run = CollectFoldRun.of(todo().at(0).connector(), finalized().at(10));

        CollectDecision decision = run.apply(inProgress().at(5));

        assertThat(decision.ledgerChanged()).isTrue();
        assertThat(run.ledger().revision()).isEqualTo(2);
        assertThat(run.ledger().syncLogRevision()).isEqualTo(1);
    }

    @Test
    void shouldRejectAProviderOver255Characters() {
        CollectFoldRun run = CollectFoldRun.of(todo().at(0).provider("p".repeat(256)));

        assertThat(run.rejections).singleElement().extracting(Rejection::reason).isEqualTo(RejectionReason.FIELD_TOO_LONG);
        assertThat(run.row()).isEmpty();
        assertThat(run.ledger()).as("a rejected event stamps no workspace").isNull();
        assertThat(CollectFoldRun.of(todo().at(0).provider("p".repeat(255))).rejections).isEmpty();
    }

    @Test
    void shouldRejectAnEventNamingAnotherWorkspace() {
        CollectFoldRun run = CollectFoldRun.of(
                todo().at(0),
                inProgress().at(1).workspace(UUID.randomUUID()),
                deleted().at(2).workspace(UUID.randomUUID()));

        assertThat(run.rejections).extracting(Rejection::reason)
                .containsExactly(RejectionReason.WORKSPACE_MISMATCH, RejectionReason.WORKSPACE_MISMATCH);
        CollectRow row = run.rowOrFail();
        assertThat(row.status()).isEqualTo(CollectStatus.TODO);
        assertThat(row.deletedAt()).isNull();
        assertThat(row.updatedAt()).isEqualTo(t(0));
    }

    @Test
    void shouldKeepTheEarlierEndOfTwoTerminalEvents() {
        CollectEvents later = finalized().at(50).ended(50);
        CollectEvents earlier = failed().at(60).ended(40).error("timeout");
        CollectFoldRun run = CollectFoldRun.of(inProgress().at(0).connector(), later, earlier);

        assertThat(run.rejections).singleElement().satisfies(rejection -> {
            assertThat(rejection.reason()).isEqualTo(RejectionReason.CONFLICTING_TERMINAL_EVENT);
            assertThat(rejection.eventId()).isEqualTo(later.eventId());
            assertThat(rejection.origin().offset()).as("the displaced event's own origin").isEqualTo(1);
            assertThat(rejection.origin().value()).as("a ledger keeps positions, not bytes").isNull();
        });
        CollectRow row = run.rowOrFail();
        assertThat(row.status()).isEqualTo(CollectStatus.ERROR);
        assertThat(row.endedAt()).isEqualTo(t(40));
        assertThat(row.updatedAt()).as("the displaced event no longer counts").isEqualTo(t(60));
        assertThat(run.syncLogUpdates).extracting(update -> update.row().orElseThrow().status())
                .containsExactly(ConnectorSyncStatus.success, ConnectorSyncStatus.error);
    }

    @Test
    void shouldCompareEndsByOccurrenceWhenEndedAtIsMissing() {
        CollectEvents explicit = finalized().at(5).ended(30);
        CollectFoldRun run = CollectFoldRun.of(explicit, failed().at(20));

        assertThat(run.rowOrFail().status()).isEqualTo(CollectStatus.ERROR);
        assertThat(run.rejections).singleElement().extracting(Rejection::eventId).isEqualTo(explicit.eventId());
    }

    @Test
    void shouldBreakAnEndTieByTheLowerEventId() {
        CollectEvents low = finalized().id("00000000-0000-0000-0000-000000000001").at(10).ended(10);
        CollectEvents high = failed().id("00000000-0000-0000-0000-000000000002").at(10).ended(10);

        CollectFoldRun run = CollectFoldRun.of(high, low);

        assertThat(run.rowOrFail().status()).isEqualTo(CollectStatus.FINALIZED);
        assertThat(run.rejections).singleElement().extracting(Rejection::eventId).isEqualTo(high.eventId());
    }

    @Test
    void shouldRejectAStartAfterTheEndAsNegativeDuration() {
        CollectEvents lateStart = inProgress().at(50).started(40);
        CollectFoldRun run = CollectFoldRun.of(finalized().at(30).ended(30).connector(), lateStart);

        assertThat(run.rejections).singleElement().satisfies(rejection -> {
            assertThat(rejection.reason()).isEqualTo(RejectionReason.NEGATIVE_DURATION);
            assertThat(rejection.eventId()).isEqualTo(lateStart.eventId());
        });
        CollectRow row = run.rowOrFail();
        assertThat(row.startedAt()).isNull();
        assertThat(row.updatedAt()).as("a rejected event has no effect on any row").isEqualTo(t(30));
        assertThat(run.syncLogOrFail().durationMs()).isNull();
    }

    @Test
    void shouldRetractAnAcceptedStartWhenAnEarlierEndArrives() {
        CollectEvents start = inProgress().at(40).started(40);
        CollectFoldRun run = CollectFoldRun.of(start, finalized().at(30).ended(30));

        assertThat(run.rejections).singleElement().satisfies(rejection -> {
            assertThat(rejection.reason()).isEqualTo(RejectionReason.NEGATIVE_DURATION);
            assertThat(rejection.eventId()).isEqualTo(start.eventId());
            assertThat(rejection.origin().offset()).isZero();
            assertThat(rejection.origin().value()).as("a ledger keeps positions, not bytes").isNull();
        });
        CollectRow row = run.rowOrFail();
        assertThat(row.status()).isEqualTo(CollectStatus.FINALIZED);
        assertThat(row.startedAt()).isNull();
        assertThat(row.createdAt()).isEqualTo(t(30));
    }

    @Test
    void shouldRejectATerminalEventThatStartsAfterItEnds() {
        CollectFoldRun run = CollectFoldRun.of(inProgress().at(0), finalized().at(30).started(31).ended(30));

        assertThat(run.rejections).singleElement().extracting(Rejection::reason).isEqualTo(RejectionReason.NEGATIVE_DURATION);
        assertThat(run.rowOrFail().status()).isEqualTo(CollectStatus.IN_PROGRESS);
    }

    @Test
    void shouldRejectTheEndWhenTheDurationExceedsTheIntegerRange() {
        Instant start = t(0);
        Instant end = start.plusMillis(Integer.MAX_VALUE + 1L);
        CollectFoldRun run = CollectFoldRun.of(inProgress().at(0).started(start).connector(), finalized().at(1).ended(end));

        assertThat(run.rejections).singleElement().extracting(Rejection::reason).isEqualTo(RejectionReason.DURATION_OUT_OF_RANGE);
        assertThat(run.rowOrFail().status()).isEqualTo(CollectStatus.IN_PROGRESS);
        assertThat(run.syncLog()).isEmpty();

        CollectFoldRun justFits = CollectFoldRun.of(inProgress().at(0).started(start).connector(),
                finalized().at(1).ended(start.plusMillis(Integer.MAX_VALUE)));
        assertThat(justFits.rejections).isEmpty();
        assertThat(justFits.syncLogOrFail().durationMs()).isEqualTo(Integer.MAX_VALUE);
    }

    @Test
    void shouldRejectATerminalEventWhoseOwnDurationExceedsTheIntegerRange() {
        Instant end = t(0).plusMillis(Integer.MAX_VALUE + 1L);
        CollectFoldRun run = CollectFoldRun.of(todo().at(0), failed().at(1).started(t(0)).ended(end));

        assertThat(run.rejections).singleElement().extracting(Rejection::reason).isEqualTo(RejectionReason.DURATION_OUT_OF_RANGE);
        assertThat(run.rowOrFail().status()).isEqualTo(CollectStatus.TODO);
    }

    @Test
    void shouldWithdrawAProducedSyncLogWhenAnEarlierStartPutsItsEndOutOfRange() {
        CollectFoldRun run = CollectFoldRun.of(inProgress().at(0).connector(), finalized().at(10).ended(10));
        assertThat(run.syncLog()).isPresent();

        run.apply(inProgress().at(1).started(t(10).minusMillis(Integer.MAX_VALUE + 1L)));

        assertThat(run.rejections).singleElement().extracting(Rejection::reason).isEqualTo(RejectionReason.DURATION_OUT_OF_RANGE);
        assertThat(run.rowOrFail().status()).isEqualTo(CollectStatus.IN_PROGRESS);
        assertThat(run.syncLog()).isEmpty();
        assertThat(run.syncLogUpdates).hasSize(2).last().satisfies(update -> {
            assertThat(update.row()).as("a tombstone").isEmpty();
            assertThat(update.revision()).isEqualTo(2);
        });
    }

    @Test
    void shouldCountRowAndSyncLogRevisionsSeparately() {
        CollectFoldRun run = CollectFoldRun.of(todo().at(0).connector(), inProgress().at(1), finalized().at(2), deleted().at(3));

        assertThat(run.ledger().revision()).isEqualTo(4);
        assertThat(run.ledger().syncLogRevision()).isEqualTo(2);
        assertThat(run.syncLogUpdates).extracting(SyncLogUpdate::revision).containsExactly(1L, 2L);
    }
}
