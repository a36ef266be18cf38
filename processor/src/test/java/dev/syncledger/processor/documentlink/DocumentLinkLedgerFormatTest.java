package dev.syncledger.processor.documentlink;

import static dev.syncledger.processor.documentlink.DocumentLinkEvents.linked;
import static dev.syncledger.processor.documentlink.DocumentLinkEvents.unlinked;
import static org.assertj.core.api.Assertions.assertThat;

import dev.syncledger.processor.store.BinarySerde;
import dev.syncledger.schemas.Topics;
import org.junit.jupiter.api.Test;

class DocumentLinkLedgerFormatTest {

    private final BinarySerde<DocumentLinkLedger> serde = DocumentLinkFormats.ledger(Topics.DOCUMENT_LINKS.name());

    @Test
    void shouldRestoreALedgerExactlyAsStored() {
        DocumentLinkLedger ledger = LinkFoldRun.of(
                linked().at(5).direction("output"), unlinked().at(30).direction("output"), linked().at(2).direction("output")).ledger();

        assertThat(roundTrip(ledger)).isEqualTo(ledger);
        assertThat(roundTrip(ledger).row()).isEqualTo(ledger.row());
    }

    @Test
    void shouldRestoreALedgerThatHoldsOnlyUnlinks() {
        DocumentLinkLedger ledger = LinkFoldRun.of(unlinked().at(30)).ledger();

        DocumentLinkLedger restored = roundTrip(ledger);

        assertThat(restored).isEqualTo(ledger);
        assertThat(restored.earliestLink()).isNull();
        assertThat(restored.row()).isEmpty();
    }

    private DocumentLinkLedger roundTrip(DocumentLinkLedger ledger) {
        return serde.decode(serde.encode(ledger));
    }
}
