package dev.syncledger.sink.db;

import dev.syncledger.schemas.rejected.RawValue;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * One row of rejected_events; (sourceTopic, sourcePartition, sourceOffset) identifies it. The payload is the raw
 * value as {@link RawValue} keeps it: whole, or a prefix with the whole's size and SHA-256. workspaceId is the
 * workspace the refused event claimed, null when none could be read: what a workspace's reader counts.
 */
public record RejectedEventRow(
        String eventId,
        String reason,
        String message,
        String sourceTopic,
        int sourcePartition,
        long sourceOffset,
        String recordKey,
        byte[] payload,
        Integer payloadSize,
        String payloadSha256,
        boolean payloadTruncated,
        Instant rejectedAt,
        UUID workspaceId) {

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

    /** How much of a record key a rejection keeps, as the processor's rejections do. */
    public static final int MAX_KEY_CHARS = 1_024;

    /** A row for a record the sink itself refuses, its value kept as any rejection keeps it; it names no workspace. */
    public static RejectedEventRow of(String reason, String message, String topic, int partition, long offset, String key, byte[] value,
                                      Instant rejectedAt) {
        RawValue raw = RawValue.of(value);
        String boundedKey = key != null && key.length() > MAX_KEY_CHARS ? key.substring(0, MAX_KEY_CHARS) : key;
        return new RejectedEventRow(null, reason, message, topic, partition, offset, boundedKey, raw == null ? null : raw.kept(),
                raw == null ? null : raw.size(), raw == null ? null : raw.sha256(), raw != null && raw.truncated(), rejectedAt, null);
    }

    /** PostgreSQL text cannot hold NUL; a rejection must still be storable whatever the bad record held. */
    private static String storable(String text) {
        return text == null ? null : text.replace('\u0000', '\uFFFD');
    }
}
