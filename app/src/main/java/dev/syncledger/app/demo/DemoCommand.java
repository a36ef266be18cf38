package dev.syncledger.app.demo;

import dev.syncledger.processor.StreamsSettings;
import dev.syncledger.app.config.DurationConverter;
import dev.syncledger.app.cli.Shutdown;
import dev.syncledger.app.cli.UserFacingException;
import dev.syncledger.app.config.CommonOptions;
import dev.syncledger.app.config.HttpOptions;
import dev.syncledger.app.generate.WorkloadOptions;
import dev.syncledger.processor.TopologyConfig;
import dev.syncledger.schemas.serde.SerdeConfig;
import dev.syncledger.sink.db.Database;
import dev.syncledger.sink.db.DatabaseUnavailableException;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

@Command(
        name = "demo",
        mixinStandardHelpOptions = true,
        description = {
                "The whole pipeline on this machine in one command: starts a Kafka broker inside this process, the processor and",
                "the sink into the local PostgreSQL; feeds a generated workload that ends now (see 'generate'); prints the",
                "throughput and the connectors failing now, worst first; then keeps running, with /metrics and /health, until",
                "Ctrl-C or the end of --duration, and exits 0. Its schema (default sync_ledger_demo) is emptied at every start;",
                "a schema holding tables the demo did not create is refused.",
                "Every option can also be set with an environment variable (--database-url as SYNC_LEDGER_DATABASE_URL)",
                "or in the --config file (database-url=...); a flag wins over the environment, which wins over the file."})
public final class DemoCommand implements Callable<Integer> {

    private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(90);

    @Spec
    CommandSpec spec;

    @Option(names = "--database-url", paramLabel = "URL", defaultValue = Database.DEFAULT_URL,
            description = "PostgreSQL JDBC URL (default: " + Database.DEFAULT_URL + ").")
    String databaseUrl;

    @Option(names = "--schema", paramLabel = "NAME", defaultValue = "sync_ledger_demo",
            description = "The demo's own schema, emptied at every start (default: ${DEFAULT-VALUE}).")
    String schema;

    @Option(names = "--duration", paramLabel = "DURATION", converter = DurationConverter.class,
            description = "Stop this long after the start (e.g. 60s; 0s stops right after the report); default: run until Ctrl-C.")
    Duration duration;

    @Mixin
    WorkloadOptions workload;

    @Option(names = "--partitions", paramLabel = "N", defaultValue = "3", description = "Partitions of each topic (default: ${DEFAULT-VALUE}).")
    int partitions;

    @Option(names = "--threads", paramLabel = "N", defaultValue = "" + StreamsSettings.DEFAULT_THREADS, description = "Processor stream threads (default: ${DEFAULT-VALUE}).")
    int threads;

    @Option(names = "--timeout", paramLabel = "DURATION", defaultValue = "300s", converter = DurationConverter.class,
            description = "How long to wait for the workload to reach PostgreSQL (default: ${DEFAULT-VALUE}).")
    Duration timeout;

    @Option(names = "--webhook-receiver",
            description = "Also run a webhook receiver of the demo's own on 127.0.0.1 and a notifier posting every alert transition to it,"
                    + " signed with a random secret; the receiver prints what it gets and whether each signature verified.")
    boolean webhookReceiver;

    @Mixin
    HttpOptions http;

    @Mixin
    CommonOptions common;

    /** Some connectors go silent and some fail in streaks, so that the demo has late connectors and alerts to show. */
    static final double DEMO_SILENT_CONNECTORS = 0.05;
    static final double DEMO_FAILURE_STREAKS = 0.1;

    /** The clock the workload's end is read from. */
    Clock clock = Clock.systemUTC();

    private final Shutdown shutdown;

    public DemoCommand(Shutdown shutdown) {
        this.shutdown = shutdown;
    }

    @Override
    public Integer call() throws InterruptedException {
        Demo demo = new Demo(settings());
        int exitCode = 1;
        try (Shutdown.Registration signals = shutdown.onSignals(CLOSE_TIMEOUT)) {
            demo.run(shutdown, spec.commandLine().getOut(), spec.commandLine().getErr());
            exitCode = 0;
            return exitCode;
        } catch (DatabaseUnavailableException e) {
            throw new UserFacingException(e.getMessage(), e);
        } finally {
            shutdown.stopped(exitCode);
        }
    }

    private Demo.Settings settings() {
        if (duration != null && duration.isNegative()) {
            throw usage("--duration must not be negative");
        }
        if (partitions < 1) {
            throw usage("--partitions must be at least 1, not " + partitions);
        }
        if (threads < 1) {
            throw usage("--threads must be at least 1, not " + threads);
        }
        try {
            Database.requireSchemaName(schema);
            return new Demo.Settings(databaseUrl, schema, workload.spec(null, clock.instant(), DEMO_SILENT_CONNECTORS, DEMO_FAILURE_STREAKS), new TopologyConfig(SerdeConfig.withoutRegistry()), partitions, threads,
                    http.settings(), timeout, Optional.ofNullable(duration), webhookReceiver);
        } catch (IllegalArgumentException e) {
            throw usage(e.getMessage());
        }
    }

    private ParameterException usage(String message) {
        return new ParameterException(spec.commandLine(), message);
    }
}
