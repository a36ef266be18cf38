package dev.syncledger.app.replay;

import dev.syncledger.app.broker.EmbeddedKafkaBroker;
import dev.syncledger.app.events.EventLineFeed;
import dev.syncledger.app.events.EventPublisher;
import dev.syncledger.app.events.PublishedLines;
import dev.syncledger.app.observability.ObservabilityServer;
import dev.syncledger.app.observability.ObservabilitySettings;
import dev.syncledger.app.observability.PipelineObservability;
import dev.syncledger.app.pipeline.CatchUp;
import dev.syncledger.app.pipeline.ProcessorRunner;
import dev.syncledger.app.pipeline.SinkRunner;
import dev.syncledger.processor.StreamsSettings;
import dev.syncledger.processor.TopologyConfig;
import dev.syncledger.processor.status.StatusTopology;
import dev.syncledger.processor.topics.TopicProvisioner;
import dev.syncledger.schemas.Topics;
import dev.syncledger.schemas.Topics.TopicSpec;
import dev.syncledger.schemas.serde.SerdeConfig;
import dev.syncledger.sink.SinkConfig;
import dev.syncledger.sink.db.Database;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Replays a file of JSON event lines through the whole pipeline on an in-process broker: publish,
 * process, sink, and wait until every published event is reflected in PostgreSQL.
 */
public final class Replay {

    private static final Logger LOG = LoggerFactory.getLogger(Replay.class);
    static final String APPLICATION_ID = "sync-ledger-replay";
    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);

    private final ReplayOptions options;

    public Replay(ReplayOptions options) {
        this.options = options;
    }

    public ReplaySummary run(BufferedReader lines) {
        Instant started = Instant.now();
        Database database = Database.connect(options.databaseUrl(), options.schema());
        database.migrate();
        Path work = createWorkDirectory();
        try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(work.resolve("kafka"));
             Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()))) {
            new TopicProvisioner(admin).ensure(options.partitions(), (short) 1);
            StreamsSettings defaults = StreamsSettings.defaults(broker.bootstrapServers(), work.resolve("streams"));
            StreamsSettings streams = new StreamsSettings(options.applicationId(), defaults.bootstrapServers(), defaults.stateDir(),
                    defaults.processingGuarantee(), options.threads(), defaults.commitInterval(), defaults.replicationFactor(), Map.of());
            SinkConfig sinkConfig = SinkConfig.of(broker.bootstrapServers())
                    .withDatabaseUrl(options.databaseUrl())
                    .withSchema(options.schema())
                    .withSerde(options.serde());
            try (ProcessorRunner processor = ProcessorRunner.start(streams, options.topology(), START_TIMEOUT);
                 SinkRunner sink = SinkRunner.start(sinkConfig);
                 EventPublisher publisher = new EventPublisher(broker.bootstrapServers(), options.serde());
                 ObservabilityServer http = options.http() == null ? null
                         : PipelineObservability.start(options.http(), broker.bootstrapServers(), processor, sink, database)) {
                PublishedLines fed = new EventLineFeed(publisher).feed(lines);
                publisher.flush();
                CatchUp catchUp = new CatchUp(admin);
                // The connector status is two hops past the inputs: state topics, then the internal contributions topic.
                catchUp.awaitProcessed(options.applicationId(), names(Topics.INPUTS), options.timeout());
                catchUp.awaitProcessed(options.applicationId(), StatusTopology.SOURCE_TOPICS, options.timeout());
                catchUp.awaitProcessed(options.applicationId(), names(List.of(Topics.STATUS_CONTRIBUTIONS)), options.timeout());
                catchUp.awaitSunk(names(outputs()), sink::committedOffsets, options.timeout());
                LOG.info("replay caught up: {} events published, {} lines invalid", fed.published(), fed.invalidLines().size());
                return new ReplaySummary(fed,
                        sink.sink().rejectedEventsWritten(), rowCounts(database), Duration.between(started, Instant.now()));
            }
        } finally {
            deleteRecursively(work);
        }
    }

    private static Map<String, Long> rowCounts(Database database) {
        return ReplayCounts.perTable(database.jdbi());
    }

    private static List<TopicSpec> outputs() {
        List<TopicSpec> outputs = new ArrayList<>(Topics.STATES);
        outputs.add(Topics.REJECTED);
        return outputs;
    }

    private static List<String> names(List<TopicSpec> specs) {
        return specs.stream().map(TopicSpec::name).toList();
    }

    private static Path createWorkDirectory() {
        try {
            return Files.createTempDirectory("sync-ledger-replay-");
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

    /** What a replay needs to know; {@code http} is null unless the endpoint was asked for. */
    public record ReplayOptions(String databaseUrl, String schema, TopologyConfig topology, int partitions, Duration timeout,
                                String applicationId, int threads, ObservabilitySettings http) {

        /** One processor thread, the default application id, no HTTP endpoint. */
        public ReplayOptions(String databaseUrl, String schema, TopologyConfig topology, int partitions, Duration timeout) {
            this(databaseUrl, schema, topology, partitions, timeout, APPLICATION_ID, 1, null);
        }

        public SerdeConfig serde() {
            return topology.serde();
        }
    }
}
