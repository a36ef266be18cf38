package dev.syncledger.processor;

import org.apache.kafka.common.metrics.Sensor;
import org.apache.kafka.streams.processor.api.ProcessorContext;

/**
 * sync-ledger's own counters (events accepted, rows pruned), as Kafka Streams metrics in the group
 * {@value #GROUP}, one per task: {@code <name>-total} and {@code <name>-rate}. Each processor removes
 * its sensors on close.
 */
public final class LedgerSensors {

    public static final String SCOPE = "sync-ledger";

    /** The metric group Kafka Streams files these counters under: {@code stream-<scope>-metrics}. */
    public static final String GROUP = "stream-" + SCOPE + "-metrics";

    private LedgerSensors() {}

    /** A counter named e.g. {@code diagnostics-pruned}, reported as {@code diagnostics-pruned-total}. */
    public static Sensor counter(ProcessorContext<?, ?> context, String name) {
        return context.metrics().addRateTotalSensor(SCOPE, "task-" + context.taskId(), name, Sensor.RecordingLevel.INFO);
    }
}
