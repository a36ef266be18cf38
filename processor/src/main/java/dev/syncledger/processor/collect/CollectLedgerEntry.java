package dev.syncledger.processor.collect;

import dev.syncledger.processor.rejection.EventOrigin;
import dev.syncledger.processor.rejection.RejectionReason;

/**
 * An event the collect has taken in, with the verdict already announced for it and where it came from (its
 * coordinates, not its bytes: if a later event displaces it, its rejection points at the input topic).
 */
public record CollectLedgerEntry(CollectChange event, RejectionReason rejectedAs, EventOrigin position) {

    public static CollectLedgerEntry accepted(CollectChange event, EventOrigin origin) {
        return new CollectLedgerEntry(event, null, origin.withoutValue());
    }

    public boolean isRejected() {
        return rejectedAs != null;
    }

    CollectLedgerEntry rejected(RejectionReason reason) {
        return new CollectLedgerEntry(event.withoutPayload(), reason, position);
    }

    CollectLedgerEntry withoutPayload() {
        return new CollectLedgerEntry(event.withoutPayload(), rejectedAs, position);
    }
}
