package dev.syncledger.sink.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Signing, verifying, the retry schedule and the URLs a webhook may go to: no broker, no database. */
class WebhookSignatureTest {

    private static final WebhookSignature SIGNATURE = new WebhookSignature("0123456789abcdef0123".getBytes(StandardCharsets.UTF_8));
    private static final Instant NOW = Instant.parse("2026-12-06T10:00:00Z");
    private static final String BODY = "{\"id\":\"x\",\"type\":\"alert.opened\"}";

    @Test
    void matchesAnHmacComputedIndependently() throws Exception {
        javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
        mac.init(new javax.crypto.spec.SecretKeySpec("0123456789abcdef0123".getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        String expected = "v1=" + java.util.HexFormat.of().formatHex(mac.doFinal((NOW.getEpochSecond() + "." + BODY).getBytes(StandardCharsets.UTF_8)));

        assertThat(SIGNATURE.sign(NOW.getEpochSecond(), BODY)).isEqualTo(expected);
    }

    @Test
    void verifiesAGenuineFreshRequestOnly() {
        String timestamp = Long.toString(NOW.getEpochSecond());
        String signed = SIGNATURE.sign(NOW.getEpochSecond(), BODY);

        assertThat(SIGNATURE.verify(timestamp, signed, BODY, NOW.plusSeconds(299))).isTrue();
        assertThat(SIGNATURE.verify(timestamp, signed, BODY + " ", NOW)).as("body changed").isFalse();
        assertThat(SIGNATURE.verify(Long.toString(NOW.getEpochSecond() + 1), signed, BODY, NOW)).as("timestamp changed").isFalse();
        assertThat(SIGNATURE.verify(timestamp, signed, BODY, NOW.plus(Duration.ofMinutes(5)).plusSeconds(1))).as("a replay").isFalse();
        assertThat(new WebhookSignature("another-secret-of-16+".getBytes(StandardCharsets.UTF_8)).verify(timestamp, signed, BODY, NOW))
                .as("another secret").isFalse();
        assertThat(SIGNATURE.verify("not a number", signed, BODY, NOW)).isFalse();
        assertThat(SIGNATURE.verify(timestamp, null, BODY, NOW)).isFalse();
    }

    @Test
    void refusesAShortSecretAndNeverShowsIt() {
        assertThatThrownBy(() -> new WebhookSignature("short".getBytes(StandardCharsets.UTF_8)))
                .hasMessageContaining("at least 16 bytes").hasMessageNotContaining("short");
        assertThat(SIGNATURE.toString()).doesNotContain("0123456789");
    }

    @Test
    void backsOffExponentiallyWithJitterAndGivesUpAfterTheWindow() {
        RetrySchedule schedule = RetrySchedule.DEFAULT;
        Instant created = NOW;
        assertThat(schedule.next(created, 1, NOW, () -> 0.0)).isEqualTo(NOW.plusMillis(500));
        assertThat(schedule.next(created, 1, NOW, () -> 0.999)).isBetween(NOW.plusMillis(999), NOW.plusMillis(1000));
        assertThat(schedule.next(created, 4, NOW, () -> 0.0)).isEqualTo(NOW.plusSeconds(4));
        assertThat(schedule.next(created, 30, NOW, () -> 0.0)).as("capped at an hour").isEqualTo(NOW.plus(Duration.ofMinutes(30)));
        assertThat(schedule.next(created, 30, NOW.plus(Duration.ofHours(24)), () -> 0.0)).as("past 24 hours").isNull();
    }

    @Test
    void acceptsHttpAndHttpsUrlsOnlyAndSendsEachWorkspaceToTheGlobalAndItsOwn() {
        assertThatThrownBy(() -> WebhookTargets.requireHttp(URI.create("file:///etc/passwd"))).hasMessageContaining("http(s)");
        assertThatThrownBy(() -> WebhookTargets.requireHttp(URI.create("ftp://example.com/x"))).hasMessageContaining("http(s)");
        java.util.UUID workspace = java.util.UUID.randomUUID();
        URI global = URI.create("https://hooks.example.com/all");
        URI own = URI.create("https://hooks.example.com/one");
        WebhookTargets targets = new WebhookTargets(Optional.of(global), Map.of(workspace, own));

        assertThat(targets.urlsFor(workspace)).containsExactly(global, own);
        assertThat(targets.urlsFor(java.util.UUID.randomUUID())).containsExactly(global);
        assertThat(WebhookTargets.redacted(URI.create("https://user:pass@hooks.example.com/x?token=s"))).isEqualTo("https://hooks.example.com/x");
    }
}
