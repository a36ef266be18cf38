package dev.syncledger.processor.status;

import dev.syncledger.processor.identity.UuidOrder;
import java.time.Instant;
import java.util.UUID;

/**
 * The order runs are "newest" in: by a time, then by sync_log_id as an unsigned 128-bit number
 * (the same as comparing the lowercase text form), so that two runs at the same millisecond still
 * have one answer. {@link RunIndexKeys} encodes exactly this order in store keys.
 */
final class RunOrder {

    private RunOrder() {}

    static int compare(Instant time, UUID id, Instant otherTime, UUID otherId) {
        int byTime = time.compareTo(otherTime);
        return byTime != 0 ? byTime : compareIds(id, otherId);
    }

    /** Not {@link UUID#compareTo}, which compares signed halves and disagrees with the byte order of store keys. */
    static int compareIds(UUID a, UUID b) {
        return UuidOrder.LOWER_FIRST.compare(a, b);
    }
}
