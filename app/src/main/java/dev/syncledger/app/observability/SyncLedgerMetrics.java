package dev.syncledger.app.observability;

import dev.syncledger.schemas.kafka.KafkaConnection;
import dev.syncledger.processor.LedgerSensors;
import dev.syncledger.processor.ledger.AcceptedEvents;
import dev.syncledger.processor.rejection.RejectionReason;
import dev.syncledger.schemas.serde.SerdeConfig;
import dev.syncledger.sink.SyncLedgerSink;
import dev.syncledger.sink.table.StateTable;
import dev.syncledger.sink.table.StateTables;
import dev.syncledger.sink.write.SinkRecordReader;
import dev.syncledger.sink.write.SinkRefusals;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.kafka.KafkaClientMetrics;
import io.micrometer.core.instrument.binder.kafka.KafkaStreamsMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.stream.Stream;
import org.apache.kafka.common.Metric;
import org.apache.kafka.streams.KafkaStreams;

/**
 * sync-ledger's meters, all under the {@code sync_ledger_} prefix once in Prometheus format, and the
 * Kafka client binders beside them:
 * <ul>
 * <li>{@code sync_ledger_rows_written_total{table}}: state rows the sink committed, per PostgreSQL table
 *     (including those the version guard left unchanged);</li>
 * <li>{@code sync_ledger_events_accepted_total{entity}}: input events the processor's folds accepted on arrival,
 *     per entity (sync-run, diagnostic, document-link, collect), from its {@code <entity>-events-accepted-total}
 *     Kafka Streams metrics;</li>
 * <li>{@code sync_ledger_events_rejected_total{reason}}: rejected events the sink committed to rejected_events, per reason;</li>
 * <li>{@code sync_ledger_rows_deleted_total}: rows deleted by tombstones (retention, unlinks);</li>
 * <li>{@code sync_ledger_sink_lag{topic,partition}}: records on a state or rejected partition not yet in PostgreSQL;</li>
 * <li>{@code sync_ledger_rows_pruned_total}: diagnostics removed by retention, from the processor's
 *     {@code diagnostics-pruned-total} Kafka Streams metric.</li>
 * </ul>
 */
public final class SyncLedgerMetrics {

    public static final String ROWS_WRITTEN = "sync_ledger.rows.written";
    public static final String ROWS_DELETED = "sync_ledger.rows.deleted";
    public static final String EVENTS_REJECTED = "sync_ledger.events.rejected";
    public static final String SINK_LAG = "sync_ledger.sink.lag";
    public static final String ROWS_PRUNED = "sync_ledger.rows.pruned";
    public static final String EVENTS_ACCEPTED = "sync_ledger.events.accepted";
    public static final String THREAD_REPLACEMENTS = "sync_ledger.processor.thread.replacements";

    static final String PRUNED_METRIC = "diagnostics-pruned-total";
    static final String PRUNED_GROUP = LedgerSensors.GROUP;

    private SyncLedgerMetrics() {}

    /** The sink's counters, its lag (read from {@code kafka} and the offsets stored in PostgreSQL) and its consumer's metrics. */
    public static List<MeterBinder> sink(SyncLedgerSink sink, KafkaConnection kafka) {
        return List.of(
                new SinkCounters(sink),
                new SinkLag(kafka, sink::committedOffsets, SinkRecordReader.TOPICS),
                new KafkaClientMetrics(MetricsOnlyConsumer.of(sink::consumerMetrics)));
    }

    /** The processor's Kafka Streams metrics, the events its folds accepted and the rows retention pruned. */
    public static List<MeterBinder> processor(KafkaStreams streams) {
        return List.of(new KafkaStreamsMetrics(streams), eventsAccepted(streams::metrics), rowsPruned(streams::metrics));
    }

    static MeterBinder eventsAccepted(java.util.function.Supplier<Map<org.apache.kafka.common.MetricName, ? extends Metric>> metrics) {
        return registry -> AcceptedEvents.ENTITIES.forEach(entity -> FunctionCounter
                .builder(EVENTS_ACCEPTED, metrics, m -> sumOf(m.get(), LedgerSensors.GROUP, AcceptedEvents.metricName(entity)))
                .tag("entity", entity)
                .description("Input events the processor accepted on arrival, summed over this instance's tasks")
                .register(registry));
    }

    /** Stream threads the processor replaced after a failure; it stops once it has replaced a few in a short while. */
    public static MeterBinder threadReplacements(java.util.function.LongSupplier replaced) {
        return registry -> FunctionCounter.builder(THREAD_REPLACEMENTS, replaced, r -> r.getAsLong())
                .description("processor stream threads replaced after a failure")
                .register(registry);
    }

    /** Memory, threads, CPU and uptime of this JVM. */
    /** Alerts open now by kind, counted in the database at each scrape. */
    public static MeterBinder openAlerts(dev.syncledger.sink.db.Database database) {
        return new OpenAlerts(database);
    }

    public static List<MeterBinder> jvm() {
        return List.of(new JvmMemoryMetrics(), new JvmThreadMetrics(), new ProcessorMetrics(), new UptimeMetrics());
    }

    static MeterBinder rowsPruned(java.util.function.Supplier<Map<org.apache.kafka.common.MetricName, ? extends Metric>> metrics) {
        return registry -> FunctionCounter.builder(ROWS_PRUNED, metrics, m -> sumOf(m.get(), PRUNED_GROUP, PRUNED_METRIC))
                .description("Diagnostics removed from the processor's store by retention, summed over this instance's tasks")
                .register(registry);
    }

    static double sumOf(Map<org.apache.kafka.common.MetricName, ? extends Metric> metrics, String group, String name) {
        double sum = 0;
        for (Map.Entry<org.apache.kafka.common.MetricName, ? extends Metric> entry : metrics.entrySet()) {
            if (entry.getKey().group().equals(group) && entry.getKey().name().equals(name)
                    && entry.getValue().metricValue() instanceof Number value && Double.isFinite(value.doubleValue())) {
                sum += value.doubleValue();
            }
        }
        return sum;
    }

    /**
     * Counters over the sink's running totals. Every table and every known reason is registered at once, so a
     * series exists at 0 before its first row. A reason this release does not know (a newer producer's, or bytes
     * that merely look like one) counts under {@value #OTHER_REASON}: label values come from a fixed set, however
     * many distinct reasons records carry.
     */
    static final class SinkCounters implements MeterBinder, RefreshedOnScrape {

        static final String OTHER_REASON = "other";

        private final SyncLedgerSink sink;
        private final Set<String> tables = ConcurrentHashMap.newKeySet();
        private final Set<String> reasons = ConcurrentHashMap.newKeySet();

        SinkCounters(SyncLedgerSink sink) {
            this.sink = sink;
        }

        @Override
        public void bindTo(MeterRegistry registry) {
            StateTables.all(SerdeConfig.withoutRegistry()).stream().map(StateTable::tableName).forEach(table -> table(registry, table));
            Stream.concat(Stream.of(RejectionReason.values()).map(RejectionReason::code),
                            Stream.of(SinkRefusals.UNDECODABLE, SinkRefusals.UNWRITABLE))
                    .forEach(reason -> reason(registry, reason));
            FunctionCounter.builder(EVENTS_REJECTED, sink, s -> s.rejectedEventsWrittenByReason().entrySet().stream()
                            .filter(entry -> !reasons.contains(entry.getKey())).mapToLong(Map.Entry::getValue).sum())
                    .tag("reason", OTHER_REASON)
                    .description("Rejected events the sink committed to rejected_events")
                    .register(registry);
            FunctionCounter.builder(ROWS_DELETED, sink, SyncLedgerSink::rowsDeleted)
                    .description("Rows the sink deleted because of tombstones (retention, unlinks)")
                    .register(registry);
        }

        @Override
        public void beforeScrape(MeterRegistry registry) {
            sink.rowsWrittenByTable().keySet().forEach(table -> table(registry, table));
        }

        private void table(MeterRegistry registry, String table) {
            if (tables.add(table)) {
                register(registry, ROWS_WRITTEN, "table", table, SyncLedgerSink::rowsWrittenByTable,
                        "State rows the sink committed to PostgreSQL, including unchanged ones");
            }
        }

        private void reason(MeterRegistry registry, String reason) {
            if (reasons.add(reason)) {
                register(registry, EVENTS_REJECTED, "reason", reason, SyncLedgerSink::rejectedEventsWrittenByReason,
                        "Rejected events the sink committed to rejected_events");
            }
        }

        private void register(MeterRegistry registry, String name, String tag, String value,
                              Function<SyncLedgerSink, Map<String, Long>> counts, String description) {
            FunctionCounter.builder(name, sink, s -> counts.apply(s).getOrDefault(value, 0L))
                    .tag(tag, value)
                    .description(description)
                    .register(registry);
        }
    }
}
