package dev.syncledger.app.api;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

/**
 * Where a page of a (timestamp, id) order starts: just after the cursor, or on the first page before every row. The
 * first page gets a bound no stored timestamp reaches rather than "no condition", so every page is the same plain
 * row comparison that an index on (workspace_pk, timestamp, id) answers by reading one page's worth of entries.
 */
final class KeysetStart {

    private static final Instant BEYOND_LAST = Instant.parse("9999-12-31T23:59:59Z");
    private static final Instant BEFORE_FIRST = Instant.parse("0001-01-01T00:00:00Z");
    private static final UUID HIGHEST_ID = new UUID(-1L, -1L);
    private static final UUID LOWEST_ID = new UUID(0L, 0L);

    private KeysetStart() {}

    static OffsetDateTime value(Instant after, boolean descending) {
        Instant start = after != null ? after : descending ? BEYOND_LAST : BEFORE_FIRST;
        return start.atOffset(ZoneOffset.UTC);
    }

    static UUID id(Instant after, UUID afterId, boolean descending) {
        return after != null && afterId != null ? afterId : descending ? HIGHEST_ID : LOWEST_ID;
    }
}
