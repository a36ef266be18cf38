package dev.syncledger.processor.synclog;

import dev.syncledger.processor.rejection.EventOrigin;
import dev.syncledger.processor.rejection.RejectionReason;

/**
 * An event the run has taken in, with the verdict already announced for it. The origin keeps the raw
 * bytes while the event is accepted, because a later event may still displace it and its rejection
 * must carry them; once rejected, the bytes are dropped.
 */
public record LedgerEntry(SyncLogEvent event, RejectionReason rejectedAs, EventOrigin origin) {

    public static LedgerEntry accepted(SyncLogEvent event, EventOrigin origin) {
        return new LedgerEntry(event, null, origin);
    }

    public boolean isRejected() {
        return rejectedAs != null;
    }

    LedgerEntry rejected(RejectionReason reason) {
        return new LedgerEntry(event, reason, origin == null ? null : origin.withoutValue());
    }
}
