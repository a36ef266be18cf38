package dev.syncledger.app.observability;

import dev.syncledger.sink.notify.DeliveryListener;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Webhook deliveries by outcome (a fixed set of labels) and how long they take: each request, and from the
 * notifier recording a transition to its receiver's 2xx. Counts kept here, so attempts made before the
 * endpoint binds are not lost.
 */
public final class WebhookMetrics implements DeliveryListener, MeterBinder {

    public static final String DELIVERIES = "sync_ledger.webhook.deliveries";
    public static final String REQUEST_DURATION = "sync_ledger.webhook.request.duration";
    public static final String DELIVERY_LATENCY = "sync_ledger.webhook.delivery.latency";

    private final Map<Outcome, AtomicLong> attempts = new EnumMap<>(Outcome.class);
    private volatile Timer requests;
    private volatile Timer latency;

    public WebhookMetrics() {
        for (Outcome outcome : Outcome.values()) {
            attempts.put(outcome, new AtomicLong());
        }
    }

    @Override
    public void attempted(Outcome outcome, Duration requestTime, Duration sinceRecorded) {
        attempts.get(outcome).incrementAndGet();
        Timer requestTimer = requests;
        if (requestTimer != null) {
            requestTimer.record(requestTime);
        }
        Timer latencyTimer = latency;
        if (outcome == Outcome.DELIVERED && latencyTimer != null) {
            latencyTimer.record(sinceRecorded);
        }
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        attempts.forEach((outcome, count) -> FunctionCounter.builder(DELIVERIES, count, AtomicLong::get)
                .tag("outcome", outcome.name().toLowerCase(Locale.ROOT))
                .description("Webhook delivery attempts by how they ended: delivered, failed (retried), gone (410), expired (gave up)")
                .register(registry));
        requests = Timer.builder(REQUEST_DURATION).description("How long one webhook request took, answered or not")
                .publishPercentileHistogram().register(registry);
        latency = Timer.builder(DELIVERY_LATENCY).description("From the notifier recording an alert transition to a 2xx from its receiver")
                .publishPercentileHistogram().register(registry);
    }

    long count(Outcome outcome) {
        return attempts.get(outcome).get();
    }
}
