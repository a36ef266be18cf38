package dev.syncledger.app.config;

import dev.syncledger.app.cli.DurationConverter;
import dev.syncledger.processor.StreamsSettings;
import dev.syncledger.processor.ledger.LedgerRules;
import java.time.Duration;
import picocli.CommandLine.Option;

/** How the processor runs: its Kafka Streams application id, its threads, the diagnostics' retention and its ledgers' bounds. */
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

    @Option(names = "--ledger-horizon", paramLabel = "DURATION", defaultValue = "7d", converter = DurationConverter.class,
            description = "How long, in event time, the processor holds a run, collect or link after its latest event once it has ended;"
                    + " a later event for it is rejected as arrived_after_horizon (default: ${DEFAULT-VALUE}).")
    Duration ledgerHorizon;

    @Option(names = "--max-events-per-run", paramLabel = "N", defaultValue = "" + LedgerRules.DEFAULT_MAX_EVENTS_PER_RUN,
            description = "Distinct events a run or collect may take in; the next is rejected as too_many_events (default: ${DEFAULT-VALUE}).")
    int maxEventsPerRun;

    public String applicationId() {
        return applicationId;
    }

    public int threads() {
        return threads;
    }

    public Duration diagnosticRetention() {
        return diagnosticRetention;
    }

    public Duration ledgerHorizon() {
        return ledgerHorizon;
    }

    public int maxEventsPerRun() {
        return maxEventsPerRun;
    }
}
