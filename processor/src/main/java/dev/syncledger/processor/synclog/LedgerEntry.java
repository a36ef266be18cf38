package dev.syncledger.processor.synclog;

import dev.syncledger.processor.rejection.EventOrigin;
import dev.syncledger.processor.rejection.RejectionReason;

/**
 * An event the run has taken in, with the verdict already announced for it and where it came from (its
 * coordinates, not its bytes: if a later event displaces it, its rejection points at the input topic).
 */
public record LedgerEntry(SyncLogEvent event, RejectionReason rejectedAs, EventOrigin position) {

    public static LedgerEntry accepted(SyncLogEvent event, EventOrigin origin) {
        return new LedgerEntry(event, null, origin.withoutValue());
    }

    public boolean isRejected() {
        return rejectedAs != null;
    }

    LedgerEntry rejected(RejectionReason reason) {
        return new LedgerEntry(event.withoutPayload(), reason, position);
    }

    LedgerEntry withoutPayload() {
        return new LedgerEntry(event.withoutPayload(), rejectedAs, position);
    }
}
