package dev.syncledger.app.replay;

import dev.syncledger.app.config.DurationConverter;
import dev.syncledger.app.cli.UserFacingException;
import dev.syncledger.app.observability.ObservabilitySettings;
import dev.syncledger.processor.TopologyConfig;
import dev.syncledger.processor.ledger.LedgerRules;
import dev.syncledger.app.config.CommonOptions;
import dev.syncledger.app.config.DatabaseOptions;
import dev.syncledger.app.config.EventInputOptions;
import dev.syncledger.app.events.EventLineReader;
import dev.syncledger.app.config.ProcessorOptions;
import dev.syncledger.app.config.SchemaRegistryOptions;
import dev.syncledger.sink.db.DatabaseUnavailableException;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
        name = "replay",
        mixinStandardHelpOptions = true,
        description = {
                "Starts a single-node Kafka broker inside this process, the processor and the sink; publishes every line of",
                "the events file; waits until everything has reached PostgreSQL; prints a summary.",
                "Every option can also be set with an environment variable (--database-url as SYNC_LEDGER_DATABASE_URL)",
                "or in the --config file (database-url=...); a flag wins over the environment, which wins over the file."})
public final class ReplayCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--events", required = true, paramLabel = "FILE", description = "JSON event lines, one event per line; - reads standard input.")
    String events;

    @Mixin
    EventInputOptions input;

    @Mixin
    DatabaseOptions database;

    @Mixin
    SchemaRegistryOptions registry;

    @Mixin
    ProcessorOptions processor;

    @Mixin
    CommonOptions common;

    @Option(names = "--partitions", paramLabel = "N", defaultValue = "3", description = "Partitions of each topic (default: ${DEFAULT-VALUE}).")
    int partitions;

    @Option(names = "--timeout", paramLabel = "DURATION", defaultValue = "120s", converter = DurationConverter.class,
            description = "How long to wait for the pipeline to catch up (default: ${DEFAULT-VALUE}).")
    Duration timeout;

    @Option(names = "--http-port", paramLabel = "PORT",
            description = "Serve /metrics and /health on this port while the replay runs (0 picks a free one); off unless given.")
    Integer httpPort;

    @Option(names = "--http-host", paramLabel = "ADDRESS", defaultValue = ObservabilitySettings.DEFAULT_HOST,
            description = "The address the HTTP endpoint binds (default: ${DEFAULT-VALUE}; inside a container, the wildcard address).")
    String httpHost;

    @Override
    public Integer call() {
        if (partitions < 1) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--partitions must be at least 1");
        }
        Duration retention = processor.diagnosticRetention();
        if (retention.isNegative() || retention.isZero()) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--diagnostic-retention must be positive");
        }
        if (processor.threads() < 1) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--threads must be at least 1");
        }
        if (processor.ledgerHorizon().isNegative() || processor.ledgerHorizon().isZero()) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--ledger-horizon must be positive");
        }
        if (input.maxLineBytes() < EventLineReader.MIN_MAX_LINE_BYTES || input.maxLineBytes() > EventLineReader.MAX_MAX_LINE_BYTES) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--max-line-bytes must be between "
                    + EventLineReader.MIN_MAX_LINE_BYTES + " and " + EventLineReader.MAX_MAX_LINE_BYTES + ", not " + input.maxLineBytes());
        }
        if (processor.maxEventsPerRun() < 1) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--max-events-per-run must be at least 1");
        }
        TopologyConfig topology;
        try {
            topology = new TopologyConfig(registry.serde()).withDiagnosticRetention(retention)
                    .withLedger(new LedgerRules(processor.ledgerHorizon(), processor.maxEventsPerRun())).withWatch(processor.watch());
        } catch (IllegalArgumentException e) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
        Replay replay = new Replay(new Replay.ReplayOptions(database.databaseUrl(), database.schema(), topology, partitions, timeout,
                processor.applicationId(), processor.threads(), http(), input.maxLineBytes()));
        ReplaySummary summary;
        try (InputStream lines = open()) {
            summary = replay.run(lines);
        } catch (DatabaseUnavailableException | IllegalArgumentException e) {
            throw new UserFacingException(e.getMessage(), e);
        } catch (IOException | UncheckedIOException e) {
            throw new UserFacingException("cannot read " + events + ": " + e.getMessage(), e);
        }
        PrintWriter out = spec.commandLine().getOut();
        out.println("replayed " + ("-".equals(events) ? "standard input" : events));
        summary.print(out);
        return 0;
    }

    private ObservabilitySettings http() {
        if (httpPort == null) {
            return null;
        }
        try {
            return new ObservabilitySettings(httpHost, httpPort);
        } catch (IllegalArgumentException e) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
    }

    /** Bytes, not characters: the feed decodes each line itself, so that a stray byte spoils that line only. */
    private InputStream open() throws IOException {
        if ("-".equals(events)) {
            return System.in;
        }
        try {
            return Files.newInputStream(Path.of(events));
        } catch (NoSuchFileException e) {
            throw new UserFacingException("no such events file: " + events);
        }
    }
}
