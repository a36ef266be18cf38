package dev.syncledger.processor.retention;

import org.apache.kafka.common.metrics.Sensor;
import org.apache.kafka.streams.processor.api.ProcessorContext;

/**
 * Counters of what retention removed, as Kafka Streams metrics in the group {@code stream-sync-ledger-metrics},
 * one per task: {@code <name>-total} and {@code <name>-rate}. Each processor removes its sensors on close.
 */
public final class RetentionSensors {

    public static final String SCOPE = "sync-ledger";

    private RetentionSensors() {}

    /** A counter named e.g. {@code diagnostics-pruned}, reported as {@code diagnostics-pruned-total}. */
    public static Sensor counter(ProcessorContext<?, ?> context, String name) {
        return context.metrics().addRateTotalSensor(SCOPE, "task-" + context.taskId(), name, Sensor.RecordingLevel.INFO);
    }
}
