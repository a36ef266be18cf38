package dev.syncledger.processor.diagnostic;

import static dev.syncledger.processor.diagnostic.DiagnosticEvents.emitted;
import static dev.syncledger.processor.diagnostic.DiagnosticEvents.t;
import static org.assertj.core.api.Assertions.assertThat;

import dev.syncledger.processor.rejection.Rejection;
import dev.syncledger.processor.rejection.RejectionReason;
import java.util.List;
import org.junit.jupiter.api.Test;

class DiagnosticFoldTest {

    private static final String LOW = "00000000-0000-4000-8000-000000000001";
    private static final String HIGH = "00000000-0000-4000-8000-000000000002";

    @Test
    void shouldInsertTheRowWithItsTimesTakenFromOccurredAt() {
        DiagnosticFoldRun run = DiagnosticFoldRun.of(emitted().at(7).targetModel("journal_entry").reason("fk_parent_missing")
                .tool("qonto_list_transactions").httpStatus(404).detail("parent journal missing"));

        DiagnosticRow row = run.rowOrFail();
        assertThat(row.diagnosticId()).isEqualTo(DiagnosticEvents.DIAGNOSTIC);
        assertThat(row.workspaceId()).isEqualTo(DiagnosticEvents.WORKSPACE);
        assertThat(row.workspaceConnectorId()).isEqualTo(DiagnosticEvents.CONNECTOR);
        assertThat(row.targetModel()).isEqualTo(TargetModel.JOURNAL_ENTRY);
        assertThat(row.reason()).isEqualTo(SyncFailureReason.FK_PARENT_MISSING);
        assertThat(row.toolName()).isEqualTo("qonto_list_transactions");
        assertThat(row.httpStatus()).isEqualTo(404);
        assertThat(row.detail()).isEqualTo("parent journal missing");
        assertThat(row.occurredAt()).isEqualTo(t(7));
        assertThat(row.createdAt()).isEqualTo(t(7));
        assertThat(row.updatedAt()).isEqualTo(t(7));
        assertThat(run.emitted).containsExactly(row);
        assertThat(run.rejections).isEmpty();
    }

    @Test
    void shouldAcceptADiagnosticWithoutToolNameOrHttpStatus() {
        DiagnosticRow row = DiagnosticFoldRun.of(emitted().tool(null).httpStatus(null).reason("mapping_generation_hard_fail")).rowOrFail();

        assertThat(row.toolName()).isNull();
        assertThat(row.httpStatus()).isNull();
    }

    @Test
    void shouldKnowEveryValueOfBothDatabaseEnums() {
        assertThat(TargetModel.values()).hasSize(12);
        assertThat(SyncFailureReason.values()).hasSize(23);
        for (TargetModel model : TargetModel.values()) {
            assertThat(DiagnosticFoldRun.of(emitted().targetModel(model.code())).rowOrFail().targetModel()).isEqualTo(model);
        }
        for (SyncFailureReason reason : SyncFailureReason.values()) {
            assertThat(DiagnosticFoldRun.of(emitted().reason(reason.code())).rowOrFail().reason()).isEqualTo(reason);
        }
        assertThat(TargetModel.fromCode("payment_means")).contains(TargetModel.PAYMENT_MEANS);
        assertThat(SyncFailureReason.fromCode("structured_pipeline_fell_back_to_legacy"))
                .contains(SyncFailureReason.STRUCTURED_PIPELINE_FELL_BACK_TO_LEGACY);
    }

    @Test
    void shouldChangeNothingForTheSameEventAgain() {
        DiagnosticEvents event = emitted();
        DiagnosticFoldRun run = DiagnosticFoldRun.of(event);

        DiagnosticDecision again = run.apply(event.domain());

        assertThat(again.storeChanged()).isFalse();
        assertThat(again.rejections()).isEmpty();
        assertThat(run.emitted).hasSize(1);
    }

    @Test
    void shouldNotLetAnotherWorkspaceOrConnectorTakeADiagnosticIdEvenWithALowerEventId() {
        java.util.UUID otherWorkspace = java.util.UUID.fromString("00000000-0000-4000-8000-0000000000aa");
        java.util.UUID otherConnector = java.util.UUID.fromString("00000000-0000-4000-8000-0000000000bb");
        DiagnosticEvents owner = emitted().id(HIGH).detail("the owner's");
        DiagnosticFoldRun run = DiagnosticFoldRun.of(owner, emitted().id(LOW).workspace(otherWorkspace).connector(otherConnector).detail("a stranger's"),
                emitted().id("00000000-0000-4000-8000-000000000000").connector(otherConnector).detail("another connector's"));

        assertThat(run.rowOrFail().detail()).isEqualTo("the owner's");
        assertThat(run.rowOrFail().workspaceId()).isEqualTo(DiagnosticEvents.WORKSPACE);
        assertThat(run.emitted).hasSize(1);
        assertThat(run.rejections).extracting(Rejection::reason)
                .containsExactly(RejectionReason.WORKSPACE_MISMATCH, RejectionReason.WORKSPACE_MISMATCH);
    }

    @Test
    void shouldRejectAnotherEventWithAHigherIdForTheSameDiagnosticAsConflicting() {
        DiagnosticEvents winner = emitted().id(LOW).detail("first");
        DiagnosticEvents loser = emitted().id(HIGH).detail("second");
        DiagnosticFoldRun run = DiagnosticFoldRun.of(winner, loser);

        assertThat(run.rejections).singleElement().satisfies(rejection -> {
            assertThat(rejection.reason()).isEqualTo(RejectionReason.CONFLICTING_DIAGNOSTIC);
            assertThat(rejection.eventId()).isEqualTo(loser.eventId());
            assertThat(rejection.origin().offset()).isEqualTo(1);
            assertThat(rejection.message()).contains(LOW);
        });
        assertThat(run.rowOrFail().detail()).isEqualTo("first");
        assertThat(run.emitted).hasSize(1);
    }

    @Test
    void shouldLetALowerEventIdDisplaceTheAcceptedOneAndRetractItWithItsOwnOrigin() {
        DiagnosticEvents first = emitted().id(HIGH).at(5).detail("arrived first");
        DiagnosticEvents second = emitted().id(LOW).at(9).detail("lower id");
        DiagnosticFoldRun run = DiagnosticFoldRun.of(first, second);

        Rejection retracted = run.rejections.get(0);
        assertThat(run.rejections).hasSize(1);
        assertThat(retracted.reason()).isEqualTo(RejectionReason.CONFLICTING_DIAGNOSTIC);
        assertThat(retracted.eventId()).isEqualTo(first.eventId());
        assertThat(retracted.origin()).as("the displaced event's position: a ledger keeps no bytes")
                .isEqualTo(DiagnosticEvents.origin(0, DiagnosticEvents.DIAGNOSTIC).withoutValue());
        assertThat(run.emitted).extracting(DiagnosticRow::detail).containsExactly("arrived first", "lower id");
        assertThat(run.rowOrFail().occurredAt()).isEqualTo(t(9));
        assertThat(run.stored(DiagnosticEvents.DIAGNOSTIC).acceptedEventId()).isEqualTo(second.eventId());
    }

    @Test
    void shouldCompareEventIdsInTheirTextOrderNotAsSignedNumbers() {
        DiagnosticEvents text = emitted().id("7fffffff-ffff-4fff-bfff-ffffffffffff").detail("lower as text");
        DiagnosticEvents signedLower = emitted().id("80000000-0000-4000-8000-000000000000").detail("lower as a signed number");

        assertThat(DiagnosticFoldRun.of(signedLower, text).rowOrFail().detail()).isEqualTo("lower as text");
        assertThat(DiagnosticFoldRun.of(text, signedLower).rowOrFail().detail()).isEqualTo("lower as text");
    }

    @Test
    void shouldNotEmitARowWhenTheDisplacingEventSaysExactlyTheSame() {
        DiagnosticFoldRun run = DiagnosticFoldRun.of(emitted().id(HIGH), emitted().id(LOW));

        assertThat(run.emitted).hasSize(1);
        assertThat(run.rejections).extracting(Rejection::reason).containsExactly(RejectionReason.CONFLICTING_DIAGNOSTIC);
    }

    @Test
    void shouldChangeNothingWhenARejectedConflictingEventIsRedelivered() {
        DiagnosticEvents loser = emitted().id(HIGH);
        DiagnosticFoldRun run = DiagnosticFoldRun.of(loser, emitted().id(LOW));

        DiagnosticDecision again = run.apply(loser.domain());

        assertThat(again.storeChanged()).isFalse();
        assertThat(again.rejections()).isEmpty();
        assertThat(run.rejections).hasSize(1);
    }

    @Test
    void shouldRejectAnUnknownTargetModelOrReasonAsUnknownEnumValue() {
        DiagnosticFoldRun run = DiagnosticFoldRun.of(emitted().targetModel("purchase_order"), emitted().reason("quota_exceeded"),
                emitted().targetModel("Invoice"));

        assertThat(run.rejections).extracting(Rejection::reason).containsOnly(RejectionReason.UNKNOWN_ENUM_VALUE).hasSize(3);
        assertThat(run.rejections.get(0).message()).contains("target_model 'purchase_order'");
        assertThat(run.rejections.get(1).message()).contains("reason 'quota_exceeded'");
        assertThat(run.rejections).allSatisfy(rejection -> assertThat(rejection.origin().value()).isNotNull());
        assertThat(run.rows()).isEmpty();
    }

    @Test
    void shouldRejectAnHttpStatusOutsideOneHundredToFiveHundredNinetyNine() {
        for (int status : List.of(0, 99, 600, -200, 1000)) {
            DiagnosticFoldRun run = DiagnosticFoldRun.of(emitted().httpStatus(status));
            assertThat(run.rejections).as("http_status %d", status).extracting(Rejection::reason)
                    .containsExactly(RejectionReason.INVALID_HTTP_STATUS);
            assertThat(run.rows()).isEmpty();
        }
        assertThat(DiagnosticFoldRun.of(emitted().httpStatus(100)).rowOrFail().httpStatus()).isEqualTo(100);
        assertThat(DiagnosticFoldRun.of(emitted().httpStatus(599)).rowOrFail().httpStatus()).isEqualTo(599);
    }

    @Test
    void shouldRejectAMissingOrBlankDetailAsMissingDetail() {
        DiagnosticFoldRun run = DiagnosticFoldRun.of(emitted().detail(null), emitted().detail(""), emitted().detail(" \t"));

        assertThat(run.rejections).extracting(Rejection::reason).containsOnly(RejectionReason.MISSING_DETAIL).hasSize(3);
        assertThat(run.rows()).isEmpty();
    }

    @Test
    void shouldNotLetARejectedEventConflictWithALaterValidOne() {
        DiagnosticFoldRun run = DiagnosticFoldRun.of(emitted().id(LOW).detail(null), emitted().id(HIGH).detail("valid"));

        assertThat(run.rejections).extracting(Rejection::reason).containsExactly(RejectionReason.MISSING_DETAIL);
        assertThat(run.rowOrFail().detail()).isEqualTo("valid");
    }

    @Test
    void shouldDropAndCountADiagnosticAlreadyPastRetentionWithoutRejectingIt() {
        DiagnosticFoldRun run = DiagnosticFoldRun.of(t(100), List.of(emitted().at(99).domain()));

        assertThat(run.expiredOnArrival).isEqualTo(1);
        assertThat(run.rejections).isEmpty();
        assertThat(run.rows()).isEmpty();
    }

    @Test
    void shouldKeepADiagnosticDatedExactlyAtTheRetentionBound() {
        DiagnosticFoldRun run = DiagnosticFoldRun.of(t(100), List.of(emitted().at(100).domain()));

        assertThat(run.expiredOnArrival).isZero();
        assertThat(run.rowOrFail().occurredAt()).isEqualTo(t(100));
    }

    @Test
    void shouldRejectAnInvalidDiagnosticEvenWhenItIsPastRetention() {
        DiagnosticFoldRun run = DiagnosticFoldRun.of(t(100), List.of(emitted().at(1).httpStatus(42).domain()));

        assertThat(run.rejections).extracting(Rejection::reason).containsExactly(RejectionReason.INVALID_HTTP_STATUS);
        assertThat(run.expiredOnArrival).isZero();
    }

    @Test
    void shouldNotLetAnExpiredEventDisplaceAnAcceptedOne() {
        DiagnosticFoldRun run = DiagnosticFoldRun.of(t(100), List.of(
                emitted().id(HIGH).at(150).detail("kept").domain(),
                emitted().id(LOW).at(50).detail("too old").domain()));

        assertThat(run.rowOrFail().detail()).isEqualTo("kept");
        assertThat(run.rejections).isEmpty();
        assertThat(run.expiredOnArrival).isEqualTo(1);
    }

    @Test
    void shouldKeepEachDiagnosticIdApart() {
        DiagnosticEvents other = emitted().diagnostic(java.util.UUID.fromString("0b5c7a3e-9a1d-4f5e-8c2b-3d4e5f607182")).detail("other");
        DiagnosticFoldRun run = DiagnosticFoldRun.of(emitted().detail("one"), other);

        assertThat(run.rows()).hasSize(2);
        assertThat(run.rejections).isEmpty();
    }
}
