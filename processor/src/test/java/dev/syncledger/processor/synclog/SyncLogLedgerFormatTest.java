package dev.syncledger.processor.synclog;

import static dev.syncledger.processor.synclog.SyncRunEvents.failed;
import static dev.syncledger.processor.synclog.SyncRunEvents.scheduled;
import static dev.syncledger.processor.synclog.SyncRunEvents.started;
import static dev.syncledger.processor.synclog.SyncRunEvents.succeeded;
import static org.assertj.core.api.Assertions.assertThat;

import dev.syncledger.processor.store.BinarySerde;
import dev.syncledger.schemas.TriggerType;
import org.junit.jupiter.api.Test;

class SyncLogLedgerFormatTest {

    private final BinarySerde<SyncLogLedger> serde = SyncLogBranch.ledgerSerde();

    @Test
    void shouldRestoreALedgerExactlyAsStoredIncludingVerdictsAndPositions() {
        FoldRun run = FoldRun.of(
                scheduled().at(0).trigger(TriggerType.cloud_task).cloudTask("tasks/1"),
                started().at(40).time(40).cloudTask("tasks/1"),
                succeeded().at(30).time(30).metadata("{\"records_synced\":3}"),
                failed().at(50).time(50).error("late"));
        SyncLogLedger ledger = run.ledger();
        assertThat(ledger.entries()).anyMatch(LedgerEntry::isRejected);

        SyncLogLedger restored = serde.decode(serde.encode(ledger));

        assertThat(restored).isEqualTo(ledger);
        assertThat(restored.row()).isEqualTo(ledger.row());
    }

    @Test
    void shouldKeepOnlyPositionsAndOnlyTheWinningTerminalEventsPayload() {
        FoldRun run = FoldRun.of(started().at(40).time(40), succeeded().at(30).time(30).metadata("{\"a\":1}"),
                failed().at(50).time(50).error("a later failure"));

        assertThat(run.ledger().entries()).allSatisfy(entry -> assertThat(entry.position().value()).isNull());
        assertThat(run.ledger().entries()).filteredOn(entry -> entry.event().kind() == SyncLogEventKind.FAILED)
                .allSatisfy(entry -> assertThat(entry.event().error()).as("a losing terminal event's error is dropped").isNull());
        assertThat(run.rowOrFail().metadata()).isEqualTo("{\"a\":1}");
    }

    @Test
    void shouldStoreEachDistinctCloudTaskIdOnce() {
        String longId = "projects/p/locations/l/queues/q/tasks/" + "x".repeat(200);
        FoldRun many = new FoldRun();
        for (int i = 0; i < 50; i++) {
            many.apply(scheduled().at(i).cloudTask(longId).domain());
        }

        assertThat(serde.encode(many.ledger()).length).isLessThan(50 * 64 + 2 * longId.length());
    }
}
