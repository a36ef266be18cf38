package dev.syncledger.processor.rejection;

import dev.syncledger.processor.limits.FieldLimits;
import dev.syncledger.schemas.text.OneLine;
import java.time.Instant;
import java.util.UUID;

/**
 * Checks that keep a value the Avro schema allows but PostgreSQL would refuse out of the pipeline,
 * so that one bad event is rejected instead of stopping the sink on every retry.
 */
public final class FieldChecks {

    /** timestamptz covers far more, but a time outside these years is a producer bug, not a sync run. */
    static final Instant EARLIEST = Instant.parse("1970-01-01T00:00:00Z");
    static final Instant LATEST = Instant.parse("9999-12-31T23:59:59.999Z");

    /** How much of a record key a message quotes. */
    private static final int QUOTED_KEY_CHARS = 80;

    private FieldChecks() {}

    public static void checkTime(String field, Instant value, UUID eventId) throws MalformedEventException {
        if (value != null && (value.isBefore(EARLIEST) || value.isAfter(LATEST))) {
            throw new MalformedEventException(field + " " + value + " is outside the years 1970 to 9999", eventId);
        }
    }

    /** PostgreSQL text and jsonb cannot hold the NUL character. */
    public static void checkText(String field, String value, UUID eventId) throws MalformedEventException {
        if (value != null && value.indexOf('\u0000') >= 0) {
            throw new MalformedEventException(field + " contains a NUL character, which PostgreSQL text cannot store", eventId);
        }
    }

    /** The record key must be the entity's id, so that all of its events share a partition. */
    public static void checkKey(String recordKey, UUID entityId, String idField, UUID eventId) throws MalformedEventException {
        if (!entityId.toString().equals(recordKey)) {
            throw new MalformedEventException("record key " + OneLine.quote(recordKey, QUOTED_KEY_CHARS) + " must equal " + idField
                    + " " + entityId + " so that its events share a partition", eventId);
        }
    }

    /** A varchar(n) field: over {@code maxChars} characters (code points, as PostgreSQL counts) is {@code field_too_long}. */
    public static String tooLong(String field, String value, int maxChars) {
        return FieldLimits.exceeds(value, maxChars)
                ? field + " has " + FieldLimits.characters(value) + " characters, at most " + maxChars + " are allowed"
                : null;
    }
}
