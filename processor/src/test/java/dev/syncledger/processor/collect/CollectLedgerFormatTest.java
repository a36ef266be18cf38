package dev.syncledger.processor.collect;

import static dev.syncledger.processor.collect.CollectEvents.deleted;
import static dev.syncledger.processor.collect.CollectEvents.failed;
import static dev.syncledger.processor.collect.CollectEvents.finalized;
import static dev.syncledger.processor.collect.CollectEvents.inProgress;
import static dev.syncledger.processor.collect.CollectEvents.todo;
import static org.assertj.core.api.Assertions.assertThat;

import dev.syncledger.processor.store.BinarySerde;
import dev.syncledger.schemas.Topics;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class CollectLedgerFormatTest {

    private final BinarySerde<CollectLedger> serde = CollectFormats.ledger(Topics.COLLECTS.name());

    @Test
    void shouldRestoreALedgerExactlyAsStoredIncludingVerdictsPositionsAndBothRevisions() {
        CollectFoldRun run = CollectFoldRun.of(
                todo().at(0).provider("linkedin").task(UUID.randomUUID()).connector(),
                inProgress().at(40).started(40),
                finalized().at(30).ended(30),
                failed().at(50).ended(50).error("late"),
                deleted().at(60));
        CollectLedger ledger = run.ledger();
        assertThat(ledger.entries()).anyMatch(CollectLedgerEntry::isRejected);
        assertThat(ledger.syncLogRevision()).isPositive();

        CollectLedger restored = serde.decode(serde.encode(ledger));

        assertThat(restored).isEqualTo(ledger);
        assertThat(restored.row()).isEqualTo(ledger.row());
        assertThat(restored.syncLog()).isEqualTo(ledger.syncLog());
    }

    @Test
    void shouldKeepPositionsNotBytesAndOnlyTheWinningEndsError() {
        CollectFoldRun run = CollectFoldRun.of(inProgress().at(40).started(40), finalized().at(30).ended(30),
                failed().at(50).ended(50).error("a later end"));

        assertThat(run.ledger().entries()).allSatisfy(entry -> assertThat(entry.position().value()).isNull());
        assertThat(run.ledger().entries()).filteredOn(CollectLedgerEntry::isRejected)
                .allSatisfy(entry -> assertThat(entry.event().error()).isNull());
    }
}
