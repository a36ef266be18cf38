package dev.syncledger.sink.notify;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Objects;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The signature a webhook carries: {@code v1=} and the hex HMAC-SHA256, keyed by the shared secret, of the
 * timestamp header's value, a dot, and the body's bytes exactly as sent. A receiver recomputes it, compares in
 * constant time, and refuses a timestamp more than {@link #TOLERANCE} away from its clock, so that a captured
 * request cannot be replayed later.
 */
public final class WebhookSignature {

    public static final String EVENT_ID_HEADER = "X-Sync-Ledger-Event-Id";
    public static final String TIMESTAMP_HEADER = "X-Sync-Ledger-Timestamp";
    public static final String SIGNATURE_HEADER = "X-Sync-Ledger-Signature";
    public static final String IDEMPOTENCY_HEADER = "Idempotency-Key";
    public static final String ATTEMPT_HEADER = "X-Sync-Ledger-Attempt";
    public static final Duration TOLERANCE = Duration.ofMinutes(5);
    private static final String VERSION = "v1=";

    private final byte[] secret;

    public WebhookSignature(byte[] secret) {
        Objects.requireNonNull(secret, "secret");
        if (secret.length < 16) {
            throw new IllegalArgumentException("the webhook secret must be at least 16 bytes, was " + secret.length);
        }
        this.secret = secret.clone();
    }

    /** The signature header's value for a body sent with this timestamp (epoch seconds). */
    public String sign(long timestampSeconds, String body) {
        return VERSION + HexFormat.of().formatHex(mac(timestampSeconds + "." + body));
    }

    /** Whether a received request is genuine and fresh: what a receiver does, and what the demo receiver and tests do. */
    public boolean verify(String timestampHeader, String signatureHeader, String body, Instant now) {
        if (timestampHeader == null || signatureHeader == null || !signatureHeader.startsWith(VERSION)) {
            return false;
        }
        long timestamp;
        try {
            timestamp = Long.parseLong(timestampHeader.trim());
        } catch (NumberFormatException e) {
            return false;
        }
        if (Math.abs(now.getEpochSecond() - timestamp) > TOLERANCE.toSeconds()) {
            return false;
        }
        byte[] expected = sign(timestamp, body).getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(expected, signatureHeader.trim().getBytes(StandardCharsets.US_ASCII));
    }

    private byte[] mac(String signed) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            return mac.doFinal(signed.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }

    @Override
    public String toString() {
        return "WebhookSignature[secret redacted]";
    }
}
