package dev.syncledger.processor.collect;

import static dev.syncledger.processor.collect.CollectEvents.deleted;
import static dev.syncledger.processor.collect.CollectEvents.failed;
import static dev.syncledger.processor.collect.CollectEvents.finalized;
import static dev.syncledger.processor.collect.CollectEvents.inProgress;
import static dev.syncledger.processor.collect.CollectEvents.todo;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.api.Test;

class CollectLedgerSerdeTest {

    private final CollectLedgerSerde serde = new CollectLedgerSerde();

    @Test
    void shouldRestoreALedgerExactlyAsStoredIncludingVerdictsOriginsAndBothRevisions() {
        CollectFoldRun run = CollectFoldRun.of(
                todo().at(0).provider("linkedin").task(UUID.randomUUID()).connector(),
                inProgress().at(40).started(40),
                finalized().at(30).ended(30),
                failed().at(50).ended(50).error("late"),
                deleted().at(60));
        CollectLedger ledger = run.ledger();
        assertThat(ledger.entries()).anyMatch(CollectLedgerEntry::isRejected);
        assertThat(ledger.syncLogRevision()).isPositive();

        byte[] bytes = serde.serializer().serialize("changelog", ledger);
        CollectLedger restored = serde.deserializer().deserialize("changelog", bytes);

        assertThat(restored).isEqualTo(ledger);
        assertThat(restored.row()).isEqualTo(ledger.row());
        assertThat(restored.syncLog()).isEqualTo(ledger.syncLog());
    }

    @Test
    void shouldDropTheRawBytesOfRejectedEntriesButKeepThoseOfAcceptedOnes() {
        CollectFoldRun run = CollectFoldRun.of(inProgress().at(40).started(40), finalized().at(30).ended(30));

        assertThat(run.ledger().entries()).allSatisfy(entry -> {
            if (entry.isRejected()) {
                assertThat(entry.origin().value()).isNull();
            } else {
                assertThat(entry.origin().value()).isNotNull();
            }
        });
    }
}
