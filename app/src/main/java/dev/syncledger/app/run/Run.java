package dev.syncledger.app.run;

import dev.syncledger.app.cli.Preflight;
import dev.syncledger.app.cli.Shutdown;
import dev.syncledger.app.cli.UserFacingException;
import dev.syncledger.app.config.SyncLedgerSettings;
import dev.syncledger.app.observability.ObservabilityServer;
import dev.syncledger.app.observability.ObservabilitySettings;
import dev.syncledger.app.observability.PipelineObservability;
import dev.syncledger.app.pipeline.ProcessorRunner;
import dev.syncledger.app.pipeline.SinkRunner;
import dev.syncledger.schemas.Topics;
import dev.syncledger.schemas.Topics.TopicSpec;
import dev.syncledger.sink.KafkaUnavailableException;
import dev.syncledger.sink.db.Database;
import dev.syncledger.sink.db.DatabaseUnavailableException;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
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
    public enum Component { processor, sink }

    private final SyncLedgerSettings settings;
    private final Set<Component> components;
    private final ObservabilitySettings http;

    public Run(SyncLedgerSettings settings, Set<Component> components, ObservabilitySettings http) {
        this.settings = settings;
        this.components = EnumSet.copyOf(components);
        this.http = http;
    }

    public void execute(Shutdown shutdown, PrintWriter out) {
        Preflight preflight = new Preflight(settings);
        Database db = components.contains(Component.sink) ? Preflight.database(settings.databaseUrl(), settings.schema()) : null;
        String database = db == null ? null : db.displayUrl();
        try (Admin admin = preflight.admin()) {
            preflight.kafka(admin);
            preflight.schemaRegistry();
            preflight.topics(admin, neededTopics());
        }
        ProcessorRunner processor = null;
        SinkRunner sink = null;
        ObservabilityServer server = null;
        try {
            if (components.contains(Component.processor)) {
                processor = ProcessorRunner.start(settings.streams(), settings.topology(), START_TIMEOUT);
            }
            if (components.contains(Component.sink)) {
                sink = startSink(db);
            }
            server = PipelineObservability.start(http, settings.bootstrapServers(), processor, sink, db);
            String running = describe(database);
            LOG.info("running {}", running);
            out.println("running " + running + "; stop with Ctrl-C");
            out.flush();
            watchUntilStopped(shutdown, processor, sink);
        } finally {
            if (server != null) {
                server.close();
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
        return String.join(" and ", parts) + " against Kafka at " + settings.bootstrapServers()
                + settings.schemaRegistryUrl().map(url -> " with the schema registry at " + url).orElse("");
    }

    private static void watchUntilStopped(Shutdown shutdown, ProcessorRunner processor, SinkRunner sink) {
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
