package dev.syncledger.sink.notify;

import dev.syncledger.schemas.text.Redaction;
import dev.syncledger.schemas.kafka.KafkaConnection;
import dev.syncledger.schemas.serde.SerdeConfig;
import java.time.Duration;
import java.util.Objects;

/**
 * What the notifier needs.
 *
 * @param requestTimeout how long one attempt may take, connection included: a receiver that hangs costs this much
 * @param concurrency deliveries in flight at once
 * @param idlePoll how often the database is asked for due deliveries when nothing woke the notifier
 */
public record NotifierConfig(KafkaConnection kafka, String groupId, SerdeConfig serde, WebhookTargets targets,
                             WebhookSignature signature, Duration requestTimeout, int concurrency, Duration idlePoll,
                             RetrySchedule retry) {

    public static final String DEFAULT_GROUP_ID = "sync-ledger-notifier";
    public static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(10);
    public static final int DEFAULT_CONCURRENCY = 4;

    public NotifierConfig {
        Objects.requireNonNull(kafka, "kafka");
        Objects.requireNonNull(groupId, "groupId");
        Objects.requireNonNull(serde, "serde");
        Objects.requireNonNull(targets, "targets");
        Objects.requireNonNull(signature, "signature");
        Objects.requireNonNull(requestTimeout, "requestTimeout");
        Objects.requireNonNull(idlePoll, "idlePoll");
        Objects.requireNonNull(retry, "retry");
        if (concurrency < 1 || concurrency > 64) {
            throw new IllegalArgumentException("webhook concurrency must be between 1 and 64, was " + concurrency);
        }
    }

    public static NotifierConfig of(KafkaConnection kafka, WebhookTargets targets, WebhookSignature signature) {
        return new NotifierConfig(kafka, DEFAULT_GROUP_ID, SerdeConfig.withoutRegistry(), targets, signature,
                DEFAULT_REQUEST_TIMEOUT, DEFAULT_CONCURRENCY, Duration.ofSeconds(1), RetrySchedule.DEFAULT);
    }

    public NotifierConfig withGroupId(String id) {
        return new NotifierConfig(kafka, id, serde, targets, signature, requestTimeout, concurrency, idlePoll, retry);
    }

    public NotifierConfig withSerde(SerdeConfig value) {
        return new NotifierConfig(kafka, groupId, value, targets, signature, requestTimeout, concurrency, idlePoll, retry);
    }

    public NotifierConfig withRequestTimeout(Duration value) {
        return new NotifierConfig(kafka, groupId, serde, targets, signature, value, concurrency, idlePoll, retry);
    }

    public NotifierConfig withRetry(RetrySchedule value) {
        return new NotifierConfig(kafka, groupId, serde, targets, signature, requestTimeout, concurrency, idlePoll, value);
    }

    /** A claimed delivery is tried again after this if its attempt never got recorded (the notifier died). */
    public Duration lease() {
        return requestTimeout.multipliedBy(2).plusSeconds(1);
    }

    /** Secrets hidden: a settings record ends up in log lines and error messages. */
    @Override
    public String toString() {
        return Redaction.describe(this);
    }
}
