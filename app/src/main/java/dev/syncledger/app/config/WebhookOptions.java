package dev.syncledger.app.config;

import dev.syncledger.sink.notify.NotifierConfig;
import dev.syncledger.sink.notify.WebhookSignature;
import dev.syncledger.sink.notify.WebhookTargets;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import picocli.CommandLine.Option;

/**
 * Where the notifier posts alert transitions, and the secret it signs them with. The secret is never an option
 * value (help and error lines would show it): it comes from a file or from {@value #SECRET_VARIABLE}.
 */
public final class WebhookOptions {

    public static final String SECRET_VARIABLE = "SYNC_LEDGER_WEBHOOK_SECRET";

    @Option(names = "--webhook-url", paramLabel = "URL",
            description = "Post every alert transition (opened, resolved) of every workspace to this http(s) URL.")
    URI webhookUrl;

    @Option(names = "--webhook-workspace-url", paramLabel = "WORKSPACE_ID=URL",
            description = "Also post a workspace's alert transitions to its own URL; repeatable.")
    Map<UUID, URI> workspaceUrls = new LinkedHashMap<>();

    @Option(names = "--webhook-secret-file", paramLabel = "FILE",
            description = "The HMAC-SHA256 signing secret (at least 16 bytes), read from this file; or set " + SECRET_VARIABLE + ".")
    Path secretFile;

    @Option(names = "--webhook-timeout", paramLabel = "DURATION", defaultValue = "10s", converter = DurationConverter.class,
            description = "How long one delivery attempt may take before it counts as failed (default: ${DEFAULT-VALUE}).")
    Duration timeout;

    /**
     * The webhooks configured, or empty when no URL is.
     *
     * @throws IllegalArgumentException naming what is wrong: a URL that is not http(s), a missing or short secret
     */
    public Optional<WebhookSettings> settings(Map<String, String> environment) {
        WebhookTargets targets = new WebhookTargets(Optional.ofNullable(webhookUrl), workspaceUrls == null ? Map.of() : workspaceUrls);
        if (targets.isEmpty()) {
            return Optional.empty();
        }
        if (timeout == null || timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("--webhook-timeout must be positive");
        }
        return Optional.of(new WebhookSettings(targets, signature(environment), timeout));
    }

    private WebhookSignature signature(Map<String, String> environment) {
        byte[] secret = Secrets.read(secretFile, "--webhook-secret-file", environment, SECRET_VARIABLE);
        if (secret == null) {
            throw new IllegalArgumentException("webhooks need a signing secret: give --webhook-secret-file FILE or set " + SECRET_VARIABLE);
        }
        if (secret.length < 16) {
            throw new IllegalArgumentException("the webhook signing secret must be at least 16 bytes, was " + secret.length);
        }
        return new WebhookSignature(secret);
    }

    /** Webhooks as configured; {@link #toString} shows no secret. */
    public record WebhookSettings(WebhookTargets targets, WebhookSignature signature, Duration timeout) {

        public NotifierConfig notifier(SyncLedgerSettings settings) {
            return NotifierConfig.of(settings.kafka(), targets, signature).withGroupId(settings.notifierGroupId())
                    .withSerde(settings.serde()).withRequestTimeout(timeout);
        }
    }
}
