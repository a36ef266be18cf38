package dev.syncledger.app.observability;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.junit.jupiter.api.Test;

class StoreTagsTest {

    @Test
    void shouldKeepTheSameStoreMetricOfEveryKindOfStore() {
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        registry.config().meterFilter(new StoreTags());

        // As Kafka Streams' binder registers them: the in-memory commit hook first, then a RocksDB ledger store.
        Gauge.builder("kafka.stream.state.range.latency.max", () -> 1.0)
                .tags("in.memory.state.id", "ledger-commit-hook", "task.id", "0_0").register(registry);
        Gauge.builder("kafka.stream.state.range.latency.max", () -> 2.0)
                .tags("rocksdb-state-id", "sync-log-ledgers", "task.id", "0_0").register(registry);

        String scraped = registry.scrape();
        assertThat(scraped).contains(
                "kafka_stream_state_range_latency_max{state_id=\"ledger-commit-hook\",store_type=\"in-memory\",task_id=\"0_0\"} 1.0",
                "kafka_stream_state_range_latency_max{state_id=\"sync-log-ledgers\",store_type=\"rocksdb\",task_id=\"0_0\"} 2.0");
    }

    @Test
    void shouldLeaveOtherMetersAlone() {
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        registry.config().meterFilter(new StoreTags());

        Gauge.builder("kafka.consumer.records.lag", () -> 3.0).tags("client.id", "sink", "state.id", "x").register(registry);

        assertThat(registry.scrape()).contains("kafka_consumer_records_lag{client_id=\"sink\",state_id=\"x\"} 3.0");
    }
}
