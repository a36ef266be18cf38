package dev.syncledger.app.config;

import dev.syncledger.app.cli.DurationConverter;
import dev.syncledger.processor.StreamsSettings;
import java.time.Duration;
import picocli.CommandLine.Option;

/** How the processor runs: its Kafka Streams application id, its threads and the diagnostics' retention. */
public final class ProcessorOptions {

    @Option(names = "--application-id", paramLabel = "ID", defaultValue = StreamsSettings.DEFAULT_APPLICATION_ID,
            description = "Kafka Streams application id; instances with the same id share the work. The sink's consumer group is"
                    + " this id with -sink appended (default: ${DEFAULT-VALUE}).")
    String applicationId;

    @Option(names = "--threads", paramLabel = "N", defaultValue = "1",
            description = "Kafka Streams threads of this instance (default: ${DEFAULT-VALUE}).")
    int threads;

    @Option(names = "--diagnostic-retention", paramLabel = "DURATION", defaultValue = "30d", converter = DurationConverter.class,
            description = "Diagnostics older than this are pruned, and not stored when they arrive that old (default: ${DEFAULT-VALUE}).")
    Duration diagnosticRetention;

    public String applicationId() {
        return applicationId;
    }

    public int threads() {
        return threads;
    }

    public Duration diagnosticRetention() {
        return diagnosticRetention;
    }
}
