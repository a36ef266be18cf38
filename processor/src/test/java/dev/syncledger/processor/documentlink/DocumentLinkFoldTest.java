package dev.syncledger.processor.documentlink;

import static dev.syncledger.processor.documentlink.DocumentLinkEvents.linked;
import static dev.syncledger.processor.documentlink.DocumentLinkEvents.t;
import static dev.syncledger.processor.documentlink.DocumentLinkEvents.unlinked;
import static org.assertj.core.api.Assertions.assertThat;

import dev.syncledger.processor.rejection.RejectionReason;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class DocumentLinkFoldTest {

    @Test
    void shouldCreateAnActiveRowFromTheFirstLink() {
        LinkFoldRun run = LinkFoldRun.of(linked().at(0));

        DocumentLinkRow row = run.rowOrFail();
        assertThat(row.key()).isEqualTo(DocumentLinkEvents.KEY);
        assertThat(row.workspaceId()).isEqualTo(DocumentLinkEvents.WORKSPACE);
        assertThat(row.createdAt()).isEqualTo(t(0));
        assertThat(row.updatedAt()).isEqualTo(t(0));
        assertThat(row.deletedAt()).isNull();
        assertThat(run.revisions).containsExactly(1L);
    }

    @Test
    void shouldSoftDeleteWhenTheLatestEventIsAnUnlink() {
        DocumentLinkRow row = LinkFoldRun.of(linked().at(0), unlinked().at(30)).rowOrFail();

        assertThat(row.createdAt()).isEqualTo(t(0));
        assertThat(row.updatedAt()).isEqualTo(t(30));
        assertThat(row.deletedAt()).isEqualTo(t(30));
    }

    @Test
    void shouldClearDeletedAtWhenALaterLinkFollowsTheUnlink() {
        LinkFoldRun run = LinkFoldRun.of(linked().at(0), unlinked().at(30), linked().at(60));

        DocumentLinkRow row = run.rowOrFail();
        assertThat(row.createdAt()).as("created_at stays the earliest link").isEqualTo(t(0));
        assertThat(row.updatedAt()).isEqualTo(t(60));
        assertThat(row.deletedAt()).isNull();
        assertThat(run.emitted).extracting(DocumentLinkRow::deletedAt).containsExactly(null, t(30), null);
        assertThat(run.revisions).containsExactly(1L, 2L, 3L);
    }

    @Test
    void shouldMoveCreatedAtBackWhenAnEarlierLinkArrivesLate() {
        LinkFoldRun run = LinkFoldRun.of(linked().at(20), linked().at(5));

        DocumentLinkRow row = run.rowOrFail();
        assertThat(row.createdAt()).isEqualTo(t(5));
        assertThat(row.updatedAt()).as("the latest event is still the link at 20").isEqualTo(t(20));
        assertThat(run.revisions).containsExactly(1L, 2L);
    }

    @Test
    void shouldIgnoreAnUnlinkOlderThanTheLatestLink() {
        LinkFoldRun run = LinkFoldRun.of(linked().at(0), linked().at(60));

        DocumentLinkDecision late = run.apply(unlinked().at(30).domain());

        assertThat(late.ledgerChanged()).isFalse();
        assertThat(late.rejections()).isEmpty();
        assertThat(run.rowOrFail().deletedAt()).isNull();
        assertThat(run.rowOrFail().updatedAt()).isEqualTo(t(60));
    }

    @Test
    void shouldEmitNoRowForUnlinksAloneButKeepThemForALateEarlierLink() {
        LinkFoldRun run = LinkFoldRun.of(unlinked().at(10));

        assertThat(run.emitted).isEmpty();
        assertThat(run.ledger()).as("the unlink is kept").isNotNull();
        assertThat(run.ledger().revision()).isZero();

        run.apply(linked().at(5).domain());

        DocumentLinkRow row = run.rowOrFail();
        assertThat(row.createdAt()).isEqualTo(t(5));
        assertThat(row.updatedAt()).isEqualTo(t(10));
        assertThat(row.deletedAt()).as("the unlink at 10 is the latest event").isEqualTo(t(10));
        assertThat(run.revisions).containsExactly(1L);
    }

    @Test
    void shouldBreakATieOnOccurredAtByTheHigherEventIdInEitherOrder() {
        String low = "00000000-0000-0000-0000-000000000001";
        String high = "00000000-0000-0000-0000-000000000002";

        DocumentLinkRow unlinkWins = LinkFoldRun.of(linked().at(10).id(low), unlinked().at(10).id(high)).rowOrFail();
        DocumentLinkRow unlinkWinsReversed = LinkFoldRun.of(unlinked().at(10).id(high), linked().at(10).id(low)).rowOrFail();
        DocumentLinkRow linkWins = LinkFoldRun.of(unlinked().at(10).id(low), linked().at(10).id(high)).rowOrFail();
        DocumentLinkRow linkWinsReversed = LinkFoldRun.of(linked().at(10).id(high), unlinked().at(10).id(low)).rowOrFail();

        assertThat(unlinkWins.deletedAt()).isEqualTo(t(10));
        assertThat(unlinkWinsReversed).isEqualTo(unlinkWins);
        assertThat(linkWins.deletedAt()).isNull();
        assertThat(linkWinsReversed).isEqualTo(linkWins);
    }

    @Test
    void shouldChangeNothingForARedeliveredEvent() {
        DocumentLinkEvents unlink = unlinked().at(30);
        LinkFoldRun run = LinkFoldRun.of(linked().at(0), unlink, linked().at(10));
        DocumentLinkLedger before = run.ledger();

        DocumentLinkDecision again = run.apply(unlink.domain());

        assertThat(again.ledgerChanged()).isFalse();
        assertThat(again.rejections()).isEmpty();
        assertThat(run.ledger()).isEqualTo(before);
    }

    @Test
    void shouldRejectAnEventNamingAnotherWorkspaceWithoutTouchingTheRow() {
        UUID other = UUID.randomUUID();
        DocumentLinkEvents intruder = unlinked().at(30).workspace(other);
        LinkFoldRun run = LinkFoldRun.of(linked().at(0));

        DocumentLinkDecision decision = run.apply(intruder.domain());

        assertThat(decision.ledgerChanged()).isFalse();
        assertThat(decision.rejections()).singleElement().satisfies(rejection -> {
            assertThat(rejection.reason()).isEqualTo(RejectionReason.WORKSPACE_MISMATCH);
            assertThat(rejection.eventId()).isEqualTo(intruder.eventId());
            assertThat(rejection.origin().offset()).isEqualTo(1);
            assertThat(rejection.message()).contains(other.toString()).contains(DocumentLinkEvents.WORKSPACE.toString());
        });
        assertThat(run.rowOrFail().deletedAt()).isNull();
        assertThat(run.rowOrFail().updatedAt()).isEqualTo(t(0));
    }

    @Test
    void shouldStampTheWorkspaceFromAnUnlinkSeenBeforeAnyLink() {
        UUID other = UUID.randomUUID();
        LinkFoldRun run = LinkFoldRun.of(unlinked().at(10).workspace(other), linked().at(0));

        assertThat(run.rejections).singleElement().extracting(r -> r.reason()).isEqualTo(RejectionReason.WORKSPACE_MISMATCH);
        assertThat(run.row()).isEmpty();
    }

    @Test
    void shouldKeepEachDirectionAndConnectorItsOwnLedger() {
        LinkEvent input = linked().at(0).domain();
        LinkEvent output = linked().at(0).direction("output").domain();
        LinkEvent otherConnector = linked().at(0).connector(UUID.randomUUID()).domain();

        assertThat(input.key()).isNotEqualTo(output.key()).isNotEqualTo(otherConnector.key());
        assertThat(output.key().toString())
                .isEqualTo(DocumentLinkEvents.DOCUMENT + "/" + DocumentLinkEvents.CONNECTOR + "/output");
    }
}
