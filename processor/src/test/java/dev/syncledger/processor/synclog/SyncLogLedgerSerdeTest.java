package dev.syncledger.processor.synclog;

import static dev.syncledger.processor.synclog.SyncRunEvents.failed;
import static dev.syncledger.processor.synclog.SyncRunEvents.scheduled;
import static dev.syncledger.processor.synclog.SyncRunEvents.started;
import static dev.syncledger.processor.synclog.SyncRunEvents.succeeded;
import static org.assertj.core.api.Assertions.assertThat;

import dev.syncledger.schemas.TriggerType;
import org.junit.jupiter.api.Test;

class SyncLogLedgerSerdeTest {

    private final SyncLogLedgerSerde serde = new SyncLogLedgerSerde();

    @Test
    void shouldRestoreALedgerExactlyAsStoredIncludingVerdictsAndOrigins() {
        FoldRun run = FoldRun.of(
                scheduled().at(0).trigger(TriggerType.cloud_task).cloudTask("tasks/1"),
                started().at(40).time(40),
                succeeded().at(30).time(30).metadata("{\"records_synced\":3}"),
                failed().at(50).time(50).error("late"));
        SyncLogLedger ledger = run.ledger();
        assertThat(ledger.entries()).anyMatch(LedgerEntry::isRejected);

        byte[] bytes = serde.serializer().serialize("changelog", ledger);
        SyncLogLedger restored = serde.deserializer().deserialize("changelog", bytes);

        assertThat(restored).isEqualTo(ledger);
        assertThat(restored.row()).isEqualTo(ledger.row());
    }

    @Test
    void shouldDropTheRawBytesOfRejectedEntriesButKeepThoseOfAcceptedOnes() {
        FoldRun run = FoldRun.of(started().at(40).time(40), succeeded().at(30).time(30));

        assertThat(run.ledger().entries()).allSatisfy(entry -> {
            if (entry.isRejected()) {
                assertThat(entry.origin().value()).isNull();
            } else {
                assertThat(entry.origin().value()).isNotNull();
            }
        });
    }
}
