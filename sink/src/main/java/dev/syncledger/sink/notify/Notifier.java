package dev.syncledger.sink.notify;

import dev.syncledger.schemas.Topics;
import dev.syncledger.schemas.alert.ConnectorAlert;
import dev.syncledger.schemas.serde.AvroCodec;
import dev.syncledger.schemas.serde.UndecodableRecordException;
import dev.syncledger.schemas.text.OneLine;
import dev.syncledger.sink.db.Database;
import dev.syncledger.sink.db.SqlFailure;
import dev.syncledger.sink.notify.DeliveryDao.DueDelivery;
import dev.syncledger.sink.notify.DeliveryDao.NewDelivery;
import dev.syncledger.sink.notify.DeliveryDao.NewDeliveries;
import dev.syncledger.sink.notify.DeliveryListener.Outcome;
import dev.syncledger.sink.write.RetryPolicy;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers every alert transition to the configured webhooks, at least once. Two loops:
 * <ul>
 *   <li>intake reads the alerts topic and records one delivery per transition and URL in {@code alert_deliveries},
 *       then commits its offsets: a transition is in the database before the topic forgets it;</li>
 *   <li>delivery claims due deliveries under a lease, posts them (signed, {@link WebhookSignature}) on a bounded
 *       pool, each bounded by the request timeout, and records each attempt; a failure is retried with
 *       exponential backoff and jitter for up to 24 hours, a 410 stops it.</li>
 * </ul>
 * A notifier killed between a send and its record leaves the delivery pending under its lease: after the lease it
 * is sent again, with the same idempotency key. A database or broker that stays unreachable stops the notifier
 * after bounded retries, and {@link #failure()} says why.
 */
public final class Notifier implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Notifier.class);
    private static final RetryPolicy INFRASTRUCTURE = new RetryPolicy(8, Duration.ofMillis(500), Duration.ofSeconds(30));
    private static final int ERROR_CHARS = 500;
    /** How long a finished delivery and its attempts are kept, for whoever asks what was sent. */
    static final Duration KEEP_FINISHED = Duration.ofDays(30);
    private static final Duration FORGET_EVERY = Duration.ofMinutes(10);
    private static final int FORGET_BATCH = 10_000;

    /** A narrow seam for fault tests: runs after a webhook answered and before the attempt is recorded. */
    @FunctionalInterface
    public interface AfterSend {
        AfterSend NONE = transitionId -> {};

        void sent(UUID transitionId);
    }

    private final NotifierConfig config;
    private final Jdbi jdbi;
    private final DeliveryListener listener;
    private final AfterSend afterSend;
    private final Clock clock;
    private final AvroCodec<ConnectorAlert> codec;
    private final HttpClient http;
    private final ExecutorService senders;
    private final KafkaConsumer<String, byte[]> consumer;
    private final Semaphore wake = new Semaphore(0);
    private final AtomicReference<Throwable> failure = new AtomicReference<>();
    private final Thread intake;
    private final Thread delivery;
    private volatile boolean closing;

    private Notifier(NotifierConfig config, Database database, DeliveryListener listener, AfterSend afterSend, Clock clock) {
        this.config = config;
        this.jdbi = database.jdbi();
        this.listener = listener;
        this.afterSend = afterSend;
        this.clock = clock;
        this.codec = AvroCodec.create(ConnectorAlert.getClassSchema(), config.serde());
        this.senders = Executors.newFixedThreadPool(config.concurrency(), named("sync-ledger-webhook-sender"));
        // Its own executor: the senders block in send(), and the client's internals must not wait for them.
        this.http = HttpClient.newBuilder().connectTimeout(config.requestTimeout()).followRedirects(HttpClient.Redirect.NEVER).build();
        this.consumer = new KafkaConsumer<>(consumerProperties(config), new StringDeserializer(), new ByteArrayDeserializer());
        this.intake = new Thread(this::intake, "sync-ledger-notifier-intake");
        this.delivery = new Thread(this::deliver, "sync-ledger-notifier-delivery");
    }

    /** Starts both loops; the database must be migrated. */
    public static Notifier start(NotifierConfig config, Database database, DeliveryListener listener) {
        return start(config, database, listener, AfterSend.NONE);
    }

    public static Notifier start(NotifierConfig config, Database database, DeliveryListener listener, AfterSend afterSend) {
        Notifier notifier = new Notifier(config, database, listener, afterSend, Clock.systemUTC());
        notifier.intake.start();
        notifier.delivery.start();
        LOG.info("Notifier delivering alerts to {} webhook URL(s), {} at a time, {} timeout each", notifier.urlCount(),
                config.concurrency(), config.requestTimeout());
        return notifier;
    }

    /** Why the notifier stopped on its own, if it did. */
    public Optional<Throwable> failure() {
        return Optional.ofNullable(failure.get());
    }

    public boolean isRunning() {
        return !closing && failure.get() == null;
    }

    private int urlCount() {
        return (config.targets().global().isPresent() ? 1 : 0) + config.targets().byWorkspace().size();
    }

    private static Properties consumerProperties(NotifierConfig config) {
        Properties properties = new Properties();
        properties.putAll(config.kafka().clientConfig());
        properties.put(ConsumerConfig.GROUP_ID_CONFIG, config.groupId());
        properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        properties.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        // Only transitions of committed processor transactions: an aborted one may be redone with other ids.
        properties.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        properties.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 1_000);
        return properties;
    }

    private void intake() {
        try {
            consumer.subscribe(List.of(Topics.ALERTS.name()));
            while (!closing) {
                ConsumerRecords<String, byte[]> records = consumer.poll(Duration.ofMillis(500));
                if (records.isEmpty()) {
                    continue;
                }
                List<NewDelivery> deliveries = deliveriesOf(records);
                if (!deliveries.isEmpty()) {
                    withRetries("record webhook deliveries", () -> jdbi.useExtension(DeliveryDao.class,
                            dao -> dao.insert(NewDeliveries.of(deliveries), clock.instant())));
                    wake.release();
                }
                consumer.commitSync();
            }
        } catch (WakeupException e) {
            if (!closing) {
                stopOn(e);
            }
        } catch (RuntimeException e) {
            stopOn(e);
        } finally {
            consumer.close(Duration.ofSeconds(5));
        }
    }

    private List<NewDelivery> deliveriesOf(ConsumerRecords<String, byte[]> records) {
        List<NewDelivery> deliveries = new ArrayList<>();
        for (ConsumerRecord<String, byte[]> record : records) {
            if (record.value() == null) {
                continue;
            }
            ConnectorAlert alert;
            try {
                alert = codec.decode(record.topic(), record.value());
            } catch (UndecodableRecordException e) {
                // The sink sets the same record aside in rejected_events with its reason; nothing can be sent for it.
                LOG.warn("Notifier skipped an undecodable alert at {}-{}@{}: {}", record.topic(), record.partition(), record.offset(),
                        e.getMessage());
                continue;
            }
            String body = AlertWebhookBody.of(alert);
            for (URI url : config.targets().urlsFor(alert.getWorkspaceId())) {
                deliveries.add(new NewDelivery(alert.getTransitionId(), alert.getAlertId(), alert.getWorkspaceId(), url.toString(), body));
            }
        }
        return deliveries;
    }

    private void deliver() {
        long nextForget = System.nanoTime();
        try {
            while (!closing) {
                if (System.nanoTime() - nextForget >= 0) {
                    forgetFinished();
                    nextForget = System.nanoTime() + FORGET_EVERY.toNanos();
                }
                List<DueDelivery> due = withRetries("claim due webhook deliveries", () -> jdbi.withExtension(DeliveryDao.class,
                        dao -> dao.claimDue(clock.instant(), config.lease().toMillis(), config.concurrency())));
                if (due.isEmpty()) {
                    wake.tryAcquire(config.idlePoll().toMillis(), TimeUnit.MILLISECONDS);
                    wake.drainPermits();
                    continue;
                }
                List<Future<?>> attempts = new ArrayList<>(due.size());
                for (DueDelivery delivery : due) {
                    attempts.add(senders.submit(() -> attempt(delivery)));
                }
                for (Future<?> attempt : attempts) {
                    attempt.get();
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (java.util.concurrent.ExecutionException e) {
            stopOn(e.getCause());
        } catch (RuntimeException e) {
            stopOn(e);
        }
    }

    /** Keeps alert_deliveries bounded: finished rows older than {@link #KEEP_FINISHED} go, a bounded batch at a time. */
    private void forgetFinished() {
        Instant before = clock.instant().minus(KEEP_FINISHED);
        int forgotten = withRetries("forget old webhook deliveries", () -> jdbi.withExtension(DeliveryDao.class,
                dao -> dao.forgetFinished(before, FORGET_BATCH)));
        if (forgotten > 0) {
            LOG.info("Notifier forgot {} webhook deliveries finished before {}", forgotten, before);
        }
    }

    private void attempt(DueDelivery delivery) {
        Instant started = clock.instant();
        long timestamp = started.getEpochSecond();
        int attempt = delivery.attempts() + 1;
        HttpRequest request = HttpRequest.newBuilder(URI.create(delivery.url()))
                .timeout(config.requestTimeout())
                .header("Content-Type", "application/json")
                .header("User-Agent", "sync-ledger-webhooks/1")
                .header(WebhookSignature.EVENT_ID_HEADER, delivery.transitionId().toString())
                .header(WebhookSignature.IDEMPOTENCY_HEADER, delivery.transitionId().toString())
                .header(WebhookSignature.TIMESTAMP_HEADER, Long.toString(timestamp))
                .header(WebhookSignature.SIGNATURE_HEADER, config.signature().sign(timestamp, delivery.body()))
                .header(WebhookSignature.ATTEMPT_HEADER, Integer.toString(attempt))
                .POST(HttpRequest.BodyPublishers.ofString(delivery.body()))
                .build();
        Integer status = null;
        String error = null;
        try {
            HttpResponse<InputStream> response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
            status = response.statusCode();
            // The answer's body is not needed: closing it unread bounds what a receiver can make us read.
            response.body().close();
        } catch (HttpTimeoutException e) {
            error = "no answer within " + config.requestTimeout().toMillis() + " ms";
        } catch (IOException e) {
            error = OneLine.describe(e);
        } catch (InterruptedException e) {
            // Closing: the lease brings this delivery back to whoever runs next.
            Thread.currentThread().interrupt();
            return;
        }
        afterSend.sent(delivery.transitionId());
        Instant finished = clock.instant();
        Duration took = Duration.between(started, finished);
        Outcome outcome;
        Instant next = null;
        if (status != null && status >= 200 && status < 300) {
            outcome = Outcome.DELIVERED;
        } else if (status != null && status == 410) {
            outcome = Outcome.GONE;
        } else {
            next = config.retry().next(delivery.createdAt(), attempt, finished, () -> ThreadLocalRandom.current().nextDouble());
            outcome = next == null ? Outcome.EXPIRED : Outcome.FAILED;
            if (error == null) {
                error = "answered " + status;
            }
        }
        String state = switch (outcome) {
            case DELIVERED -> "delivered";
            case GONE -> "gone";
            case EXPIRED -> "expired";
            case FAILED -> "pending";
        };
        String recordedError = error == null ? null : error.substring(0, Math.min(error.length(), ERROR_CHARS));
        Integer statusCode = status;
        Instant nextAttempt = next;
        withRetries("record a webhook attempt", () -> jdbi.useTransaction(handle -> {
            DeliveryDao dao = handle.attach(DeliveryDao.class);
            dao.recordAttempt(delivery.pk(), attempt, started, statusCode, recordedError, (int) Math.min(took.toMillis(), Integer.MAX_VALUE));
            dao.settle(delivery.pk(), state, attempt, finished, statusCode, recordedError, nextAttempt);
        }));
        listener.attempted(outcome, took, Duration.between(delivery.createdAt(), finished));
        if (outcome == Outcome.GONE || outcome == Outcome.EXPIRED) {
            LOG.warn("Webhook delivery of {} to {} stopped after {} attempt(s): {}", delivery.transitionId(),
                    WebhookTargets.redacted(URI.create(delivery.url())), attempt, outcome == Outcome.GONE ? "the receiver answered 410 Gone" : error);
        }
    }

    private void withRetries(String what, Runnable work) {
        withRetries(what, () -> {
            work.run();
            return null;
        });
    }

    private <T> T withRetries(String what, java.util.function.Supplier<T> work) {
        for (int failed = 1; ; failed++) {
            try {
                return work.get();
            } catch (RuntimeException e) {
                // A statement PostgreSQL refuses for what it is will be refused again: only an outage is waited out.
                boolean passing = SqlFailure.sqlState(e).isEmpty() || SqlFailure.of(e).isRetriable();
                if (closing || !passing || failed >= INFRASTRUCTURE.maxAttempts()) {
                    throw new IllegalStateException("cannot " + what + " after " + failed + " attempt(s): " + OneLine.describe(e), e);
                }
                Duration pause = INFRASTRUCTURE.delayAfter(failed);
                LOG.warn("Notifier could not {} ({}); trying again in {} ms", what, OneLine.describe(e), pause.toMillis());
                try {
                    Thread.sleep(pause.toMillis());
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted while waiting to " + what, interrupted);
                }
            }
        }
    }

    private void stopOn(Throwable cause) {
        if (failure.compareAndSet(null, cause)) {
            LOG.error("Notifier stopped: {}", OneLine.describe(cause));
        }
        closing = true;
        consumer.wakeup();
        delivery.interrupt();
    }

    @Override
    public void close() {
        closing = true;
        consumer.wakeup();
        delivery.interrupt();
        try {
            intake.join(TimeUnit.SECONDS.toMillis(10));
            delivery.join(TimeUnit.SECONDS.toMillis(10));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        senders.shutdownNow();
        LOG.info("Notifier stopped");
    }

    private static java.util.concurrent.ThreadFactory named(String name) {
        return runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        };
    }
}
