package dev.syncledger.schemas.rejected;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;

/**
 * A rejected record's raw value as the rejection carries it: whole up to {@value #MAX_KEPT_BYTES} bytes; a larger
 * one as its first {@value #MAX_KEPT_BYTES} bytes, its size and the SHA-256 of the whole, so that the rejection
 * itself always fits a Kafka record and the original can still be recognised.
 */
public record RawValue(byte[] kept, int size, String sha256) {

    public static final int MAX_KEPT_BYTES = 65_536;

    public RawValue {
        Objects.requireNonNull(kept, "kept");
    }

    /** Null for a null value (a tombstone). */
    public static RawValue of(byte[] value) {
        if (value == null) {
            return null;
        }
        if (value.length <= MAX_KEPT_BYTES) {
            return new RawValue(value, value.length, null);
        }
        return new RawValue(Arrays.copyOf(value, MAX_KEPT_BYTES), value.length, sha256(value));
    }

    public boolean truncated() {
        return kept.length < size;
    }

    private static String sha256(byte[] value) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(value));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RawValue other && size == other.size && Arrays.equals(kept, other.kept)
                && Objects.equals(sha256, other.sha256);
    }

    @Override
    public int hashCode() {
        return Objects.hash(Arrays.hashCode(kept), size, sha256);
    }
}
