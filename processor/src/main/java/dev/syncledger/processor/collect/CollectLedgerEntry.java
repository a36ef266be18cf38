package dev.syncledger.processor.collect;

import dev.syncledger.processor.rejection.EventOrigin;
import dev.syncledger.processor.rejection.RejectionReason;

/**
 * An event the collect has taken in, with the verdict already announced for it. The origin keeps the
 * raw bytes while the event is accepted, because a later event may still displace it and its rejection
 * must carry them; once rejected, the bytes are dropped.
 */
public record CollectLedgerEntry(CollectChange event, RejectionReason rejectedAs, EventOrigin origin) {

    public static CollectLedgerEntry accepted(CollectChange event, EventOrigin origin) {
        return new CollectLedgerEntry(event, null, origin);
    }

    public boolean isRejected() {
        return rejectedAs != null;
    }

    CollectLedgerEntry rejected(RejectionReason reason) {
        return new CollectLedgerEntry(event, reason, origin == null ? null : origin.withoutValue());
    }
}
