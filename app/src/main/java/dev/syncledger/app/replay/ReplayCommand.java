package dev.syncledger.app.replay;

import dev.syncledger.app.cli.DurationConverter;
import dev.syncledger.app.cli.UserFacingException;
import dev.syncledger.app.observability.ObservabilitySettings;
import dev.syncledger.processor.TopologyConfig;
import dev.syncledger.schemas.serde.SerdeConfig;
import dev.syncledger.sink.db.Database;
import dev.syncledger.sink.db.DatabaseUnavailableException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
        name = "replay",
        mixinStandardHelpOptions = true,
        description = {
                "Starts a single-node Kafka broker inside this process, the processor and the sink; publishes every line of",
                "the events file; waits until everything has reached PostgreSQL; prints a summary.",
                "Every option can also be set with an environment variable: --database-url as SYNC_LEDGER_DATABASE_URL."})
public final class ReplayCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--events", required = true, paramLabel = "FILE", description = "JSON event lines, one event per line; - reads standard input.")
    String events;

    @Option(names = "--database-url", paramLabel = "URL", defaultValue = Database.DEFAULT_URL,
            description = "PostgreSQL JDBC URL (default: ${DEFAULT-VALUE}).")
    String databaseUrl;

    @Option(names = "--schema", paramLabel = "NAME", defaultValue = Database.DEFAULT_SCHEMA,
            description = "The schema holding sync-ledger's tables, created when missing (default: ${DEFAULT-VALUE}).")
    String schema;

    @Option(names = "--schema-registry-url", paramLabel = "URL",
            description = "A Confluent-compatible schema registry; without it, events use Avro single-object encoding.")
    URI schemaRegistryUrl;

    @Option(names = "--partitions", paramLabel = "N", defaultValue = "3", description = "Partitions of each topic (default: ${DEFAULT-VALUE}).")
    int partitions;

    @Option(names = "--timeout", paramLabel = "DURATION", defaultValue = "120s", converter = DurationConverter.class,
            description = "How long to wait for the pipeline to catch up (default: ${DEFAULT-VALUE}).")
    Duration timeout;

    @Option(names = "--diagnostic-retention", paramLabel = "DURATION", defaultValue = "30d", converter = DurationConverter.class,
            description = "Diagnostics older than this are pruned, and not stored when they arrive that old (default: ${DEFAULT-VALUE}).")
    Duration diagnosticRetention;

    @Option(names = "--http-port", paramLabel = "PORT",
            description = "Serve /metrics and /health on this port while the replay runs (0 picks a free one); off unless given.")
    Integer httpPort;

    @Option(names = "--http-host", paramLabel = "ADDRESS", defaultValue = ObservabilitySettings.DEFAULT_HOST,
            description = "The address the HTTP endpoint binds (default: ${DEFAULT-VALUE}; 0.0.0.0 inside a container).")
    String httpHost;

    @Option(names = "--verbose", description = "Print stack traces of failures.")
    boolean verbose;

    @Override
    public Integer call() {
        if (partitions < 1) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--partitions must be at least 1");
        }
        SerdeConfig serde = schemaRegistryUrl == null ? SerdeConfig.withoutRegistry() : SerdeConfig.withRegistry(schemaRegistryUrl);
        if (diagnosticRetention.isNegative() || diagnosticRetention.isZero()) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--diagnostic-retention must be positive");
        }
        TopologyConfig topology = new TopologyConfig(serde).withDiagnosticRetention(diagnosticRetention);
        Replay replay = new Replay(new Replay.ReplayOptions(databaseUrl, schema, topology, partitions, timeout, http()));
        ReplaySummary summary;
        try (BufferedReader lines = open()) {
            summary = replay.run(lines);
        } catch (DatabaseUnavailableException | IllegalArgumentException e) {
            throw new UserFacingException(e.getMessage(), e);
        } catch (IOException e) {
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

    private BufferedReader open() throws IOException {
        if ("-".equals(events)) {
            return new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        }
        try {
            return Files.newBufferedReader(Path.of(events), StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new UserFacingException("no such events file: " + events);
        }
    }
}
