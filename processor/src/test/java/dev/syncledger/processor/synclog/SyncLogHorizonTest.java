package dev.syncledger.processor.synclog;

import static dev.syncledger.processor.synclog.SyncRunEvents.deleted;
import static dev.syncledger.processor.synclog.SyncRunEvents.failed;
import static dev.syncledger.processor.synclog.SyncRunEvents.scheduled;
import static dev.syncledger.processor.synclog.SyncRunEvents.started;
import static dev.syncledger.processor.synclog.SyncRunEvents.succeeded;
import static dev.syncledger.processor.synclog.SyncRunEvents.t;
import static org.assertj.core.api.Assertions.assertThat;

import dev.syncledger.processor.ledger.LedgerRules;
import dev.syncledger.processor.rejection.Rejection;
import dev.syncledger.processor.rejection.RejectionReason;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** What the sync-log fold does with time and size: the horizon, the cap on events and on bytes. */
class SyncLogHorizonTest {

    private static final LedgerRules RULES = new LedgerRules(Duration.ofDays(7), 5);
    private final SyncLogFold fold = new SyncLogFold(RULES);
    private long offset;

    @Test
    void shouldHoldASettledRunUntilTheHorizonHasPassedItsLatestEvent() {
        SyncLogLedger ledger = take(null, started().at(0).time(0), t(0));
        ledger = take(ledger, succeeded().at(60).time(60), t(60));

        assertThat(RULES.isExpired(ledger, t(60).plus(Duration.ofDays(7)))).isFalse();
        assertThat(RULES.isExpired(ledger, t(61).plus(Duration.ofDays(7)))).isTrue();
    }

    @Test
    void shouldHoldAnOpenRunFourHorizons() {
        SyncLogLedger ledger = take(null, started().at(0).time(0), t(0));

        assertThat(ledger.settled()).isFalse();
        assertThat(RULES.isExpired(ledger, t(1).plus(Duration.ofDays(8)))).isFalse();
        assertThat(RULES.isExpired(ledger, t(1).plus(Duration.ofDays(28)))).isTrue();
    }

    @Test
    void shouldRejectAnEventOlderThanTheHorizonForARunItDoesNotHold() {
        Instant clock = t(0).plus(Duration.ofDays(30));

        SyncLogDecision decision = fold.apply(null, started().at(0).time(0).domain(), SyncRunEvents.origin(offset++), clock);

        assertThat(decision.ledger()).isNull();
        assertThat(decision.rejections()).singleElement().satisfies(rejection -> {
            assertThat(rejection.reason()).isEqualTo(RejectionReason.ARRIVED_AFTER_HORIZON);
            assertThat(rejection.origin().value()).as("the raw bytes stay, to replay by hand").isNotNull();
        });
    }

    @Test
    void shouldRejectALateRedeliveryOfAnEventOfAForgottenRun() {
        SyncRunEvents start = started().at(0).time(0);
        SyncLogLedger ledger = take(take(null, start, t(0)), succeeded().at(10).time(10), t(10));

        SyncLogDecision decision = fold.apply(ledger, start.domain(), SyncRunEvents.origin(offset++), t(10).plus(Duration.ofDays(8)));

        assertThat(decision.rejections()).extracting(Rejection::reason).containsExactly(RejectionReason.ARRIVED_AFTER_HORIZON);
    }

    @Test
    void shouldStillTakeInALateEventForARunItHolds() {
        SyncLogLedger ledger = take(null, scheduled().at(0), t(0));

        SyncLogDecision decision = fold.apply(ledger, started().at(5).time(5).domain(), SyncRunEvents.origin(offset++),
                t(0).plus(Duration.ofDays(20)));

        assertThat(decision.rejections()).isEmpty();
        assertThat(decision.ledger().row().orElseThrow().startedAt()).isEqualTo(t(5));
    }

    @Test
    void shouldRejectTheDeletesOfARunItForgetsWithoutARow() {
        SyncRunEvents delete = deleted().at(0);
        SyncLogLedger ledger = take(null, delete, t(0));

        assertThat(ledger.row()).as("a delete alone is no row").isEmpty();
        assertThat(ledger.forgetRejections()).singleElement().satisfies(rejection -> {
            assertThat(rejection.reason()).isEqualTo(RejectionReason.ARRIVED_AFTER_HORIZON);
            assertThat(rejection.eventId()).isEqualTo(delete.eventId());
            assertThat(rejection.origin().value()).isNull();
        });
        assertThat(take(ledger, started().at(1).time(1), t(1)).forgetRejections()).as("once it has a row, it is just forgotten").isEmpty();
    }

    @Test
    void shouldStartAFreshLedgerWhenAnExpiredOneIsReplacedAndRejectWhatTheOldOneLeftWithoutARow() {
        SyncLogLedger onlyADelete = take(null, deleted().at(0), t(0));
        Instant later = t(0).plus(Duration.ofDays(9));

        long nineDays = Duration.ofDays(9).toSeconds();
        SyncLogDecision decision = fold.apply(onlyADelete, started().at(nineDays).time(nineDays).domain(), SyncRunEvents.origin(offset++), later);

        assertThat(decision.ledger().entries()).hasSize(1);
        assertThat(decision.ledger().revision()).isEqualTo(1);
        assertThat(decision.rejections()).extracting(Rejection::reason).containsExactly(RejectionReason.ARRIVED_AFTER_HORIZON);
    }

    @Test
    void shouldRejectTheEventPastTheCapOnDistinctEvents() {
        SyncLogLedger ledger = null;
        for (int i = 0; i < 5; i++) {
            ledger = take(ledger, scheduled().at(i), t(i));
        }

        SyncLogDecision decision = fold.apply(ledger, scheduled().at(9).domain(), SyncRunEvents.origin(offset++), t(9));

        assertThat(decision.ledgerChanged()).isFalse();
        assertThat(decision.rejections()).singleElement().satisfies(rejection -> {
            assertThat(rejection.reason()).isEqualTo(RejectionReason.TOO_MANY_EVENTS);
            assertThat(rejection.message()).contains("5 distinct events");
        });
    }

    @Test
    void shouldRejectAnEventThatWouldTakeTheLedgerPastItsByteBudget() {
        SyncLogFold roomy = new SyncLogFold(new LedgerRules(Duration.ofDays(7), 1_000));
        SyncLogLedger ledger = null;
        int accepted = 0;
        for (int i = 0; i < 1_000; i++) {
            SyncLogDecision decision = roomy.apply(ledger, scheduled().at(i).cloudTask("tasks/" + i + "-" + "x".repeat(240)).domain(),
                    SyncRunEvents.origin(offset++), t(i));
            if (decision.ledgerChanged()) {
                ledger = decision.ledger();
                accepted++;
            } else {
                assertThat(decision.rejections()).extracting(Rejection::reason).containsExactly(RejectionReason.TOO_MANY_EVENTS);
                break;
            }
        }

        assertThat(accepted).isLessThan(1_000);
        assertThat(SyncLogBranch.ledgerSerde().encode(ledger).length).isLessThanOrEqualTo(LedgerRules.MAX_LEDGER_BYTES);
    }

    @Test
    void shouldKeepALedgerOfAThousandPlainEventsSmall() {
        SyncLogFold roomy = new SyncLogFold(new LedgerRules(Duration.ofDays(7), 1_000));
        SyncLogLedger ledger = roomy.apply(null, failed().at(0).time(0).error("e".repeat(16_384)).domain(), SyncRunEvents.origin(0), t(0))
                .ledger();
        for (int i = 1; i < 1_000; i++) {
            ledger = roomy.apply(ledger, failed().at(i).time(i).error("e".repeat(16_384)).domain(), SyncRunEvents.origin(i), t(i)).ledger();
        }

        assertThat(ledger.entries()).hasSize(1_000);
        assertThat(SyncLogBranch.ledgerSerde().encode(ledger).length)
                .as("one winning terminal event keeps its error; the 999 losers keep none")
                .isLessThan(16_384 + 1_000 * 64);
    }

    private SyncLogLedger take(SyncLogLedger ledger, SyncRunEvents event, Instant clock) {
        SyncLogDecision decision = fold.apply(ledger, event.domain(), SyncRunEvents.origin(offset++), clock);
        assertThat(decision.ledgerChanged()).as("taken in").isTrue();
        return decision.ledger();
    }
}
