package dev.syncledger.app.run;

import dev.syncledger.app.cli.Shutdown;
import dev.syncledger.app.config.CommonOptions;
import dev.syncledger.app.config.DatabaseOptions;
import dev.syncledger.app.config.HttpOptions;
import dev.syncledger.app.config.KafkaOptions;
import dev.syncledger.app.api.ApiServeOptions;
import dev.syncledger.app.config.ProcessorOptions;
import dev.syncledger.app.config.SinkOptions;
import dev.syncledger.app.config.WebhookOptions;
import dev.syncledger.app.config.SchemaRegistryOptions;
import dev.syncledger.app.config.SyncLedgerSettings;
import dev.syncledger.app.config.TopicOptions;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

@Command(
        name = "run",
        mixinStandardHelpOptions = true,
        description = {
                "Runs the processor and the sink (or one of them, --only) against an existing Kafka cluster and PostgreSQL,",
                "until SIGTERM or Ctrl-C. Instances with the same --application-id share the partitions.",
                "Every option can also be set with an environment variable (--bootstrap-servers as SYNC_LEDGER_BOOTSTRAP_SERVERS)",
                "or in the --config file (bootstrap-servers=...); a flag wins over the environment, which wins over the file."})
public final class RunCommand implements Callable<Integer> {

    private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(90);

    @Spec
    CommandSpec spec;

    @Mixin
    KafkaOptions kafka;

    @Mixin
    SchemaRegistryOptions registry;

    @Mixin
    DatabaseOptions database;

    @Mixin
    ProcessorOptions processor;

    @Mixin
    SinkOptions sink;

    @Mixin
    TopicOptions topics;

    @Mixin
    CommonOptions common;

    @Mixin
    HttpOptions http;

    @Mixin
    WebhookOptions webhooks;

    @Option(names = "--serve-api", description = "Also serve the read API and the connectors page (see `serve`; --api-port, token secret).")
    boolean serveApi;

    @Mixin
    ApiServeOptions api;

    @Option(names = "--only", paramLabel = "processor|sink|notifier",
            description = "Run only the processor, the sink or the notifier (default: all three; the notifier only with a --webhook-url"
                    + " or --webhook-workspace-url).")
    Run.Component only;

    @Option(names = "--state-dir", paramLabel = "DIR", defaultValue = "${sys:user.home}/sync-ledger-state",
            description = "Kafka Streams' local state; one per instance on a machine (default: ${DEFAULT-VALUE}).")
    Path stateDir;

    @Option(names = "--store-memory-mib", paramLabel = "MIB", defaultValue = "512",
            description = "Memory all of the processor's RocksDB stores share, whatever the partitions it owns: one block cache"
                    + " holding their indexes and filters, a quarter of it for memtables (default: ${DEFAULT-VALUE}, at least 64).")
    long storeMemoryMib;

    private final Shutdown shutdown;
    private final Map<String, String> environment;

    public RunCommand(Shutdown shutdown, Map<String, String> environment) {
        this.shutdown = shutdown;
        this.environment = Map.copyOf(environment);
    }

    /** The settings this command line resolved to: flags, then environment, then --config file, then defaults. */
    public SyncLedgerSettings settings() {
        try {
            return SyncLedgerSettings.of(kafka, registry, database, processor, sink, topics, stateDir, storeMemoryMib);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
    }

    public Set<Run.Component> components() {
        return only == null ? EnumSet.allOf(Run.Component.class) : EnumSet.of(only);
    }

    @Override
    public Integer call() {
        Run run;
        try {
            run = new Run(settings(), components(), http.settings(), webhooks.settings(environment),
                    serveApi ? Optional.of(api.settings(environment)) : Optional.empty());
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        int exitCode = 1;
        try (Shutdown.Registration signals = shutdown.onSignals(CLOSE_TIMEOUT)) {
            run.execute(shutdown, spec.commandLine().getOut());
            exitCode = 0;
            return exitCode;
        } finally {
            shutdown.stopped(exitCode);
        }
    }
}
