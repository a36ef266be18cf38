package dev.syncledger.app.run;

import dev.syncledger.app.api.ApiServeOptions;
import dev.syncledger.app.api.ReadApi;
import dev.syncledger.app.cli.Preflight;
import dev.syncledger.app.cli.Shutdown;
import dev.syncledger.app.cli.UserFacingException;
import dev.syncledger.app.config.SyncLedgerSettings;
import dev.syncledger.app.config.WebhookOptions.WebhookSettings;
import dev.syncledger.app.observability.ObservabilityServer;
import dev.syncledger.app.observability.ObservabilitySettings;
import dev.syncledger.app.pipeline.PipelineObservability;
import dev.syncledger.app.observability.WebhookMetrics;
import dev.syncledger.app.pipeline.ProcessorRunner;
import dev.syncledger.app.pipeline.SinkRunner;
import dev.syncledger.schemas.Topics.TopicSpec;
import dev.syncledger.schemas.Topics;
import dev.syncledger.schemas.text.OneLine;
import dev.syncledger.sink.KafkaUnavailableException;
import dev.syncledger.sink.db.Database;
import dev.syncledger.sink.db.DatabaseUnavailableException;
import dev.syncledger.sink.notify.Notifier;
import dev.syncledger.sink.retention.RejectedEventsRetention;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.streams.KafkaStreams;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The processor and/or the sink against an existing cluster until a stop is requested: checks what
 * they need, starts them, watches them, and on the stop closes Kafka Streams (its last transaction
 * commits) and the sink (its batch in hand commits).
 */
public final class Run {

    private static final Logger LOG = LoggerFactory.getLogger(Run.class);
    private static final Duration START_TIMEOUT = Duration.ofSeconds(120);
    private static final Duration WATCH_INTERVAL = Duration.ofMillis(500);

    /** What an instance runs; {@code --only} picks one. */
    public enum Component { processor, sink, notifier }

    private final SyncLedgerSettings settings;
    private final Set<Component> components;
    private final ObservabilitySettings http;
    private final Optional<WebhookSettings> webhooks;
    private final Optional<ApiServeOptions.Settings> api;

    /**
     * @throws IllegalArgumentException when only the notifier is asked for and no webhook URL is configured
     */
    public Run(SyncLedgerSettings settings, Set<Component> components, ObservabilitySettings http, Optional<WebhookSettings> webhooks,
               Optional<ApiServeOptions.Settings> api) {
        this.settings = settings;
        this.http = http;
        this.webhooks = webhooks;
        this.api = api;
        EnumSet<Component> running = EnumSet.copyOf(components);
        if (webhooks.isEmpty() && running.remove(Component.notifier) && running.isEmpty()) {
            throw new IllegalArgumentException("--only notifier needs somewhere to deliver: give --webhook-url or --webhook-workspace-url");
        }
        this.components = running;
    }

    public void execute(Shutdown shutdown, PrintWriter out) {
        Preflight preflight = new Preflight(settings);
        boolean needsDatabase = components.contains(Component.sink) || components.contains(Component.notifier) || api.isPresent();
        Database db = needsDatabase ? Preflight.database(settings.databaseUrl(), settings.schema()) : null;
        String database = db == null ? null : db.displayUrl();
        try (Admin admin = preflight.admin()) {
            preflight.kafka(admin);
            preflight.schemaRegistry();
            preflight.topics(admin, neededTopics());
        }
        ProcessorRunner processor = null;
        SinkRunner sink = null;
        Notifier notifier = null;
        RejectedEventsRetention rejectedRetention = null;
        WebhookMetrics webhookMetrics = new WebhookMetrics();
        ObservabilityServer server = null;
        ReadApi readApi = null;
        try {
            if (components.contains(Component.processor)) {
                processor = ProcessorRunner.start(settings.streams(), settings.topology(), START_TIMEOUT);
            }
            if (components.contains(Component.sink)) {
                sink = startSink(db);
                rejectedRetention = RejectedEventsRetention.start(db, settings.rejectedRetention());
            }
            if (components.contains(Component.notifier)) {
                notifier = Notifier.start(webhooks.orElseThrow().notifier(settings), db, webhookMetrics);
            } else if (components.contains(Component.sink)) {
                LOG.info("no --webhook-url: alerts are stored in connector_alerts, not delivered");
            }
            server = PipelineObservability.start(http, settings.kafka(), processor, sink, db, notifier, webhookMetrics);
            if (api.isPresent()) {
                db.migrate();
                readApi = api.get().start(db.jdbi());
                out.println("serving the read API and the connectors page at " + readApi.uri() + "/");
            }
            String running = describe(database);
            LOG.info("running {}", running);
            out.println("running " + running + "; stop with Ctrl-C");
            out.flush();
            watchUntilStopped(shutdown, processor, sink, notifier);
        } finally {
            if (readApi != null) {
                readApi.close();
            }
            if (server != null) {
                server.close();
            }
            if (notifier != null) {
                notifier.close();
            }
            if (rejectedRetention != null) {
                rejectedRetention.close();
            }
            close(processor, sink);
            if (db != null) {
                db.close();
            }
        }
        out.println("stopped cleanly: " + String.join(" and ", components.stream().map(Component::name).toList()) + " closed");
        out.flush();
    }

    /** The sink writes through the pool the health checks use: one pool per process. */
    private SinkRunner startSink(Database db) {
        try {
            return SinkRunner.start(settings.sink(), db);
        } catch (DatabaseUnavailableException | KafkaUnavailableException | IllegalArgumentException e) {
            throw new UserFacingException(e.getMessage(), e);
        }
    }

    private List<TopicSpec> neededTopics() {
        Set<TopicSpec> needed = new LinkedHashSet<>();
        if (components.contains(Component.processor)) {
            needed.addAll(Topics.ALL);
        }
        if (components.contains(Component.sink)) {
            needed.addAll(Topics.TABLES);
            needed.add(Topics.REJECTED);
        }
        if (components.contains(Component.notifier)) {
            needed.add(Topics.ALERTS);
        }
        return new ArrayList<>(needed);
    }

    private String describe(String database) {
        List<String> parts = new ArrayList<>();
        if (components.contains(Component.processor)) {
            parts.add("the processor (application " + settings.applicationId() + ", " + settings.threads() + " thread(s), state in "
                    + settings.stateDir() + ")");
        }
        if (components.contains(Component.sink)) {
            parts.add("the sink (group " + settings.sinkGroupId() + " into " + database + ", schema " + settings.schema() + ")");
        }
        if (components.contains(Component.notifier)) {
            parts.add("the notifier (group " + settings.notifierGroupId() + ", deliveries recorded in " + database + ")");
        }
        return String.join(" and ", parts) + " against Kafka at " + settings.bootstrapServers()
                + settings.schemaRegistry().map(registry -> " with the schema registry at " + registry.url()).orElse("");
    }

    private static void watchUntilStopped(Shutdown shutdown, ProcessorRunner processor, SinkRunner sink, Notifier notifier) {
        try {
            while (!shutdown.awaitRequest(WATCH_INTERVAL)) {
                if (processor != null && (processor.failure().isPresent() || processor.state() == KafkaStreams.State.ERROR
                        || processor.state() == KafkaStreams.State.NOT_RUNNING)) {
                    throw new UserFacingException(processor.failure()
                            .orElse("the processor stopped (state " + processor.state() + "); see the log lines above"));
                }
                if (sink != null && !sink.isAlive()) {
                    throw new UserFacingException("the sink stopped; see the log lines above");
                }
                if (notifier != null && notifier.failure().isPresent()) {
                    throw new UserFacingException("the notifier stopped: " + OneLine.describe(notifier.failure().get()));
                }
            }
            LOG.info("stop requested: closing");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            LOG.info("interrupted: closing");
        }
    }

    private static void close(ProcessorRunner processor, SinkRunner sink) {
        // The processor first: its last transaction commits, and the sink may still write what it produced.
        try {
            if (processor != null) {
                processor.close();
            }
        } finally {
            if (sink != null) {
                sink.close();
            }
        }
    }
}
