package dev.syncledger.app.observability;

import dev.syncledger.schemas.kafka.KafkaConnection;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code sync_ledger_sink_lag{topic,partition}}: per state or rejected partition, its last stable offset
 * minus the offset the sink stored in PostgreSQL with its rows. Computed at most every few seconds, when a
 * scrape asks; while the broker or the database cannot answer, the gauges read NaN.
 */
final class SinkLag implements MeterBinder, RefreshedOnScrape, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SinkLag.class);
    static final Duration CACHE = Duration.ofSeconds(5);
    private static final Duration TIMEOUT = Duration.ofSeconds(2);

    private final Admin admin;
    private final Supplier<Map<TopicPartition, Long>> sinkOffsets;
    private final List<String> topics;
    private final Clock clock = Clock.systemUTC();
    private final Set<TopicPartition> registered = ConcurrentHashMap.newKeySet();
    private volatile Map<TopicPartition, Long> lag = Map.of();
    private Instant computedAt = Instant.MIN;

    SinkLag(KafkaConnection kafka, Supplier<Map<TopicPartition, Long>> sinkOffsets, Collection<String> topics) {
        int millis = (int) TIMEOUT.toMillis();
        Map<String, Object> config = kafka.clientConfig();
        config.put(AdminClientConfig.CLIENT_ID_CONFIG, "sync-ledger-sink-lag");
        config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, millis);
        config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, millis);
        this.admin = Admin.create(config);
        this.sinkOffsets = sinkOffsets;
        this.topics = List.copyOf(topics);
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        beforeScrape(registry);
    }

    @Override
    public synchronized void beforeScrape(MeterRegistry registry) {
        if (computedAt.plus(CACHE).isAfter(clock.instant())) {
            return;
        }
        computedAt = clock.instant();
        try {
            lag = compute();
        } catch (RuntimeException | Error e) {
            LOG.debug("sink lag not computed: {}", e.toString());
            lag = Map.of();
            return;
        }
        lag.keySet().forEach(partition -> {
            if (registered.add(partition)) {
                Gauge.builder(SyncLedgerMetrics.SINK_LAG, this, self -> self.lagOf(partition))
                        .tag("topic", partition.topic())
                        .tag("partition", Integer.toString(partition.partition()))
                        .description("Records of the partition not yet written to PostgreSQL by the sink")
                        .register(registry);
            }
        });
    }

    private double lagOf(TopicPartition partition) {
        Long value = lag.get(partition);
        return value == null ? Double.NaN : value;
    }

    private Map<TopicPartition, Long> compute() {
        try {
            Map<String, TopicDescription> descriptions = admin.describeTopics(topics).allTopicNames()
                    .get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            Map<TopicPartition, OffsetSpec> request = new HashMap<>();
            descriptions.values().forEach(topic -> topic.partitions().forEach(
                    p -> request.put(new TopicPartition(topic.name(), p.partition()), OffsetSpec.latest())));
            Map<TopicPartition, Long> ends = new HashMap<>();
            admin.listOffsets(request, new ListOffsetsOptions(IsolationLevel.READ_COMMITTED)).all()
                    .get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)
                    .forEach((partition, info) -> ends.put(partition, info.offset()));
            Map<TopicPartition, Long> stored = sinkOffsets.get();
            Map<TopicPartition, Long> result = new HashMap<>();
            ends.forEach((partition, end) -> result.put(partition, Math.max(0, end - stored.getOrDefault(partition, 0L))));
            return Map.copyOf(result);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException("cannot read the end offsets: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        admin.close(Duration.ofSeconds(5));
    }
}
