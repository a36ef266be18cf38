package dev.syncledger.sink.db;

import java.time.Instant;
import java.util.Objects;

/** One row of rejected_events; (sourceTopic, sourcePartition, sourceOffset) identifies it. */
public record RejectedEventRow(
        String eventId,
        String reason,
        String message,
        String sourceTopic,
        int sourcePartition,
        long sourceOffset,
        String recordKey,
        byte[] payload,
        Instant rejectedAt) {

    public RejectedEventRow {
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(sourceTopic, "sourceTopic");
        Objects.requireNonNull(rejectedAt, "rejectedAt");
        eventId = storable(eventId);
        reason = storable(reason);
        message = storable(message);
        recordKey = storable(recordKey);
    }

    /** PostgreSQL text cannot hold NUL; a rejection must still be storable whatever the bad record held. */
    private static String storable(String text) {
        return text == null ? null : text.replace('\u0000', '\uFFFD');
    }
}
