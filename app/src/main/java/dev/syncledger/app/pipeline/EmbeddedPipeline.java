package dev.syncledger.app.pipeline;

import dev.syncledger.schemas.text.Redaction;
import dev.syncledger.schemas.kafka.KafkaConnection;
import dev.syncledger.app.broker.EmbeddedKafkaBroker;
import dev.syncledger.app.events.EventPublisher;
import dev.syncledger.app.observability.ObservabilityServer;
import dev.syncledger.app.observability.ObservabilitySettings;
import dev.syncledger.app.observability.WebhookMetrics;
import dev.syncledger.processor.StreamsSettings;
import dev.syncledger.processor.TopologyConfig;
import dev.syncledger.processor.topics.TopicProvisioner;
import dev.syncledger.schemas.Topics;
import dev.syncledger.schemas.Topics.TopicSpec;
import dev.syncledger.sink.SinkConfig;
import dev.syncledger.sink.db.Database;
import dev.syncledger.sink.notify.Notifier;
import dev.syncledger.sink.notify.NotifierConfig;
import dev.syncledger.sink.notify.WebhookSignature;
import dev.syncledger.sink.notify.WebhookTargets;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The whole pipeline inside this process: a single-node broker in a temporary directory, the topics,
 * the processor, the sink into an already migrated database, a publisher for the inputs and, when
 * asked, the /metrics and /health endpoint. Closing it stops everything and deletes the broker's data.
 */
public final class EmbeddedPipeline implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedPipeline.class);
    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);

    /**
     * What to start; {@code http} is null unless the endpoint is wanted; with {@code webhooks}, a notifier delivers the
     * alerts to them.
     */
    public record Options(String databaseUrl, Database database, TopologyConfig topology, int partitions, String applicationId, int threads,
                          ObservabilitySettings http, Optional<Webhooks> webhooks) {

        public Options(String databaseUrl, Database database, TopologyConfig topology, int partitions, String applicationId, int threads,
                       ObservabilitySettings http) {
            this(databaseUrl, database, topology, partitions, applicationId, threads, http, Optional.empty());
        }

        /** Secrets hidden: a settings record ends up in log lines and error messages. */
        @Override
        public String toString() {
            return Redaction.describe(this);
        }
    }

    /** Where the embedded notifier posts alert transitions and what it signs them with. */
    public record Webhooks(WebhookTargets targets, WebhookSignature signature) {}

    private final Options options;
    private final Path work;
    private final List<AutoCloseable> started = new ArrayList<>();
    private EmbeddedKafkaBroker broker;
    private Admin admin;
    private ProcessorRunner processor;
    private SinkRunner sink;
    private EventPublisher publisher;
    private ObservabilityServer http;
    private Notifier notifier;
    private final WebhookMetrics webhookMetrics = new WebhookMetrics();

    private EmbeddedPipeline(Options options, Path work) {
        this.options = options;
        this.work = work;
    }

    public static EmbeddedPipeline start(Options options) {
        EmbeddedPipeline pipeline = new EmbeddedPipeline(options, createWorkDirectory());
        try {
            pipeline.startAll();
            return pipeline;
        } catch (RuntimeException e) {
            pipeline.close();
            throw e;
        }
    }

    private void startAll() {
        broker = keep(EmbeddedKafkaBroker.start(work.resolve("kafka")));
        admin = keep(Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers())));
        new TopicProvisioner(admin).ensure(options.partitions(), (short) 1);
        KafkaConnection kafka = KafkaConnection.to(broker.bootstrapServers());
        StreamsSettings defaults = StreamsSettings.defaults(kafka, work.resolve("streams"));
        StreamsSettings streams = new StreamsSettings(options.applicationId(), kafka, defaults.stateDir(),
                defaults.processingGuarantee(), options.threads(), defaults.commitInterval(), defaults.replicationFactor(),
                defaults.storeMemoryBytes(), Map.of());
        sink = keep(SinkRunner.start(SinkConfig.of(kafka)
                .withDatabaseUrl(options.databaseUrl())
                .withSchema(options.database().schema())
                .withSerde(options.topology().serde()), options.database()));
        processor = keep(ProcessorRunner.start(streams, options.topology(), START_TIMEOUT));
        publisher = keep(new EventPublisher(broker.bootstrapServers(), options.topology().serde()));
        options.webhooks().ifPresent(webhooks -> notifier = keep(Notifier.start(
                NotifierConfig.of(kafka, webhooks.targets(), webhooks.signature())
                        .withGroupId(options.applicationId() + "-notifier").withSerde(options.topology().serde()),
                options.database(), webhookMetrics)));
        if (options.http() != null) {
            http = keep(PipelineObservability.start(options.http(), kafka, processor, sink, options.database(),
                    notifier, notifier == null ? null : webhookMetrics));
        }
    }

    public EventPublisher publisher() {
        return publisher;
    }

    public SinkRunner sink() {
        return sink;
    }

    public String bootstrapServers() {
        return broker.bootstrapServers();
    }

    /** Where /metrics and /health are served, when they are. */
    public Optional<URI> httpUri() {
        return Optional.ofNullable(http).map(ObservabilityServer::uri);
    }

    /**
     * Flushes the publisher, then waits until the processor has committed past every input's end and the
     * sink has stored offsets past every output's end: everything published so far is in PostgreSQL.
     */
    public void awaitCaughtUp(Duration timeout) {
        publisher.flush();
        CatchUp catchUp = new CatchUp(admin);
        // Rows go out in the transaction that commits their input; the connector status is one repartition further.
        catchUp.awaitFolded(options.applicationId(), timeout);
        List<TopicSpec> outputs = new ArrayList<>(Topics.TABLES);
        outputs.add(Topics.REJECTED);
        catchUp.awaitSunk(names(outputs), sink::committedOffsets, timeout);
    }

    @Override
    public void close() {
        // Reverse order: the endpoint and the publisher first, then the processor (its last transaction
        // commits), the sink (it may still write what the processor produced), the admin, the broker.
        for (int i = started.size() - 1; i >= 0; i--) {
            try {
                started.get(i).close();
            } catch (Exception e) {
                LOG.warn("could not close {}: {}", started.get(i).getClass().getSimpleName(), e.getMessage());
            }
        }
        deleteRecursively(work);
    }

    private <T extends AutoCloseable> T keep(T resource) {
        started.add(resource);
        return resource;
    }

    private static List<String> names(List<TopicSpec> specs) {
        return specs.stream().map(TopicSpec::name).toList();
    }

    private static Path createWorkDirectory() {
        try {
            return Files.createTempDirectory("sync-ledger-embedded-");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a temporary directory for the broker: " + e.getMessage(), e);
        }
    }

    private static void deleteRecursively(Path directory) {
        try (Stream<Path> paths = Files.walk(directory)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            LOG.warn("could not delete {}: {}", directory, e.getMessage());
        }
    }
}
