package dev.syncledger.app.observability;

import dev.syncledger.schemas.kafka.KafkaConnection;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.syncledger.app.events.EventLineFeed;
import dev.syncledger.app.events.EventPublisher;
import dev.syncledger.app.events.PublishedLines;
import dev.syncledger.app.pipeline.CatchUp;
import dev.syncledger.app.pipeline.PipelineObservability;
import dev.syncledger.app.pipeline.ProcessorRunner;
import dev.syncledger.app.pipeline.SinkRunner;
import dev.syncledger.app.testing.CuttableTcpProxy;
import dev.syncledger.app.testing.TestDatabase;
import dev.syncledger.app.testing.TestKafka;
import dev.syncledger.processor.StreamsSettings;
import dev.syncledger.processor.TopologyConfig;
import dev.syncledger.processor.topics.TopicProvisioner;
import dev.syncledger.schemas.Topics;
import dev.syncledger.schemas.serde.SerdeConfig;
import dev.syncledger.sink.SinkConfig;
import dev.syncledger.sink.db.Database;
import java.net.Socket;
import java.net.URI;
import dev.syncledger.sink.fixtures.TestPostgres;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The endpoint on a real pipeline: in-process broker, processor, sink, PostgreSQL, and a real HTTP client. */
class ObservabilityIT {

    private static final Path SAMPLE = Path.of("..", "samples", "events.jsonl");
    private static final String APPLICATION_ID = "observability-it";
    /** Checks every 200 ms with a 1 s timeout, so that an outage and the recovery show within seconds. */
    private static final HealthSchedule QUICK = new HealthSchedule(Duration.ofMillis(200), Duration.ofSeconds(1), Duration.ofSeconds(10));
    /** The acceptance bound for /health/live. */
    private static final Duration LIVE_BOUND = Duration.ofMillis(100);

    private final TestDatabase database = TestDatabase.freshSchema();
    private final List<AutoCloseable> toClose = new ArrayList<>();

    @AfterEach
    void cleanUp() throws Exception {
        for (int i = toClose.size() - 1; i >= 0; i--) {
            toClose.get(i).close();
        }
        database.close();
    }

    @Test
    void shouldExposeOurMetersAndKafkaStreamsMetersAfterThePipelineProcessedEvents(@TempDir Path dir) throws Exception {
        TestKafka broker = keep(TestKafka.start(dir.resolve("kafka")));
        Admin admin = keep(Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers())));
        new TopicProvisioner(admin).ensure(2, (short) 1);
        StreamsSettings streams = StreamsSettings.defaults(broker.bootstrapServers(), dir.resolve("streams")).withApplicationId(APPLICATION_ID);
        ProcessorRunner processor = keep(ProcessorRunner.start(streams, TopologyConfig.defaults(), Duration.ofSeconds(60)));
        SinkRunner sink = keep(SinkRunner.start(SinkConfig.of(broker.bootstrapServers())
                .withDatabaseUrl(database.url()).withSchema(database.schema())));
        Database db = keep(Database.connect(database.url(), database.schema()));
        ObservabilityServer server = keep(PipelineObservability.start(ObservabilitySettings.onPort(0), KafkaConnection.to(broker.bootstrapServers()),
                processor, sink, db));
        Http http = new Http(server.uri());

        long published = publish(Files.readAllLines(SAMPLE), broker);
        CatchUp catchUp = new CatchUp(admin);
        catchUp.awaitFolded(APPLICATION_ID, Duration.ofSeconds(60));
        List<String> outputs = new ArrayList<>(Topics.TABLES.stream().map(Topics.TopicSpec::name).toList());
        outputs.add(Topics.REJECTED.name());
        catchUp.awaitSunk(outputs, sink::committedOffsets, Duration.ofSeconds(60));

        HttpResponse<String> response = http.get("/metrics");
        assertThat(response.statusCode()).isEqualTo(200);
        String metrics = response.body();
        assertThat(value(metrics, "sync_ledger_rows_written_total{table=\"workspace_connector_sync_logs\"}")).isPositive();
        assertThat(sumOf(metrics, "sync_ledger_events_rejected_total")).as("rejections of the sample, every reason")
                .isEqualTo(rejectedEventsStored());
        assertThat(value(metrics, "sync_ledger_events_rejected_total{reason=\"missing_error\"}")).isPositive();
        assertThat(metrics).contains("sync_ledger_events_rejected_total{reason=\"conflicting_diagnostic\"}");
        assertThat(metrics).contains("sync_ledger_rows_pruned_total");
        // Overdue alerts keep opening on the processor's clock meanwhile: the gauge and the table agree once settled.
        for (String kind : List.of("consecutive_failures", "overdue", "failure_diagnostics_burst")) {
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                String scraped = http.get("/metrics").body();
                long open = database.jdbi().withHandle(h -> h.createQuery(
                        "SELECT count(*) FROM connector_alerts WHERE state = 'open' AND kind::text = :kind").bind("kind", kind)
                        .mapTo(Long.class).one());
                assertThat(value(scraped, "sync_ledger_alerts_open{kind=\"" + kind + "\"}")).as("open " + kind + " alerts").isEqualTo(open);
            });
        }
        for (String entity : List.of("sync-run", "diagnostic", "document-link", "collect")) {
            assertThat(value(metrics, "sync_ledger_events_accepted_total{entity=\"" + entity + "\"}")).as(entity).isPositive();
        }
        // Every published event is counted once on arrival, accepted or rejected; a rejection may also be a displaced event.
        assertThat(sumOf(metrics, "sync_ledger_events_accepted_total")).isLessThan(published)
                .isGreaterThanOrEqualTo(published - rejectedEventsStored());
        assertThat(metrics).contains("sync_ledger_sink_lag{partition=\"0\",topic=\"connector-sync.state.workspace-connector-sync-logs\"}");
        assertThat(metrics).containsPattern("(?m)^kafka_stream_\\w+");
        assertThat(metrics).as("the processor's RocksDB stores, beside its in-memory ones")
                .containsPattern("(?m)^kafka_stream_state_\\w+\\{[^}]*store_type=\"rocksdb\"")
                .containsPattern("(?m)^kafka_stream_state_\\w+\\{[^}]*store_type=\"in-memory\"");
        assertThat(metrics).containsPattern("(?m)^kafka_consumer_\\w+\\{.*client_id=\"consumer-sync-ledger-sink");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(
                value(http.get("/metrics").body(), "sync_ledger_sink_lag{partition=\"0\",topic=\"connector-sync.state.workspace-connector-sync-logs\"}"))
                .isZero());
        assertThat(http.get("/health/ready").statusCode()).isEqualTo(200);
    }

    @Test
    void shouldTurnNotReadyWhileTheDatabaseIsCutOffAndReadyAgainWhenItIsBack(@TempDir Path dir) throws Exception {
        TestKafka broker = keep(TestKafka.start(dir.resolve("kafka")));
        CuttableTcpProxy proxy = keep(CuttableTcpProxy.to(TestPostgres.host(), TestPostgres.port()));
        Database db = keep(Database.connect(proxiedUrl(proxy), database.schema()));
        ObservabilityServer server = keep(ObservabilityServer.start(ObservabilitySettings.onPort(0).withHealth(QUICK),
                List.of(HealthChecks.database(db, QUICK.checkTimeout()), HealthChecks.broker(KafkaConnection.to(broker.bootstrapServers()), QUICK.checkTimeout())),
                List.of()));
        Http http = new Http(server.uri());
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(http.get("/health/ready").statusCode()).isEqualTo(200));

        proxy.cut();

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(http.get("/health/ready").statusCode()).isEqualTo(503));
        HttpResponse<String> down = http.get("/health/ready");
        assertThat(down.body()).contains("\"status\":\"DOWN\"", "\"broker\":\"ok\"", "\"database\":\"database_unreachable\"");
        assertThat(down.body()).as("no host, port, database, user or error text").doesNotContain(
                "127.0.0.1", Integer.toString(proxy.port()), broker.bootstrapServers(), "postgres", database.schema(), "PostgreSQL", "cannot");
        assertThat(http.get("/health/live").statusCode()).isEqualTo(200);

        proxy.restore();

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(http.get("/health/ready").statusCode()).isEqualTo(200));
        assertThat(http.get("/health/live").statusCode()).isEqualTo(200);
        assertThat(http.get("/unknown").statusCode()).isEqualTo(404);
    }

    /** A database that refuses every connection, and one that accepts and never answers (hung). */
    enum Outage {
        REFUSING(CuttableTcpProxy::cut),
        HUNG(CuttableTcpProxy::stall);

        private final java.util.function.Consumer<CuttableTcpProxy> start;

        Outage(java.util.function.Consumer<CuttableTcpProxy> start) {
            this.start = start;
        }
    }

    @ParameterizedTest
    @EnumSource(Outage.class)
    void shouldAnswerLiveWithin100MsWhileTwentySlowClientsHoldOnAndTheDatabaseIsOut(Outage outage) throws Exception {
        CuttableTcpProxy proxy = keep(CuttableTcpProxy.to(TestPostgres.host(), TestPostgres.port()));
        Database db = keep(Database.connect(proxiedUrl(proxy), database.schema()));
        ObservabilityServer server = keep(ObservabilityServer.start(ObservabilitySettings.onPort(0).withHealth(QUICK),
                List.of(HealthChecks.database(db, QUICK.checkTimeout())), List.of()));
        URI uri = server.uri();
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(Probe.get(uri, "/health").status()).isEqualTo(200));
        List<Socket> slow = Probe.slowClients(uri, 20);
        try {
            outage.start.accept(proxy);

            // Within a check timeout and two intervals, give or take a loaded machine.
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(Probe.get(uri, "/health").body())
                    .contains("\"status\":\"DOWN\"", "\"database\":\"database_unreachable\""));
            assertThat(Probe.slowest(uri, "/health/live", 200, 50, 10)).as("/health/live, slowest of 10").isLessThan(LIVE_BOUND);
            assertThat(Probe.slowest(uri, "/health", 503, 20, 10)).as("/health serves the snapshot").isLessThan(LIVE_BOUND);
            assertThat(Probe.get(uri, "/health").body()).as("no host, port, database, user or error text").doesNotContain(
                    "127.0.0.1", Integer.toString(proxy.port()), "5432", "postgres", database.schema(), "PostgreSQL", "timeout");

            proxy.restore();

            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(Probe.get(uri, "/health").body())
                    .contains("\"status\":\"UP\"", "\"database\":\"ok\""));
        } finally {
            Probe.closeAll(slow);
        }
    }

    private static String proxiedUrl(CuttableTcpProxy proxy) {
        return TestPostgres.urlThrough(proxy.port());
    }

    private static double value(String metrics, String series) {
        Matcher matcher = Pattern.compile("(?m)^" + Pattern.quote(series) + " (\\S+)$").matcher(metrics);
        assertThat(matcher.find()).as("series %s in%n%s", series, metrics).isTrue();
        return Double.parseDouble(matcher.group(1));
    }

    private static double sumOf(String metrics, String name) {
        Matcher matcher = Pattern.compile("(?m)^" + Pattern.quote(name) + "\\{[^}]*} (\\S+)$").matcher(metrics);
        double sum = 0;
        while (matcher.find()) {
            sum += Double.parseDouble(matcher.group(1));
        }
        return sum;
    }

    private double rejectedEventsStored() {
        return database.jdbi().withHandle(h -> h.createQuery("SELECT count(*) FROM rejected_events").mapTo(Long.class).one());
    }

    private static long publish(List<String> lines, TestKafka broker) {
        try (EventPublisher publisher = new EventPublisher(broker.bootstrapServers(), SerdeConfig.withoutRegistry())) {
            PublishedLines fed = new EventLineFeed(publisher).feed(lines.iterator());
            publisher.flush();
            return fed.published();
        }
    }

    private <T extends AutoCloseable> T keep(T resource) {
        toClose.add(resource);
        return resource;
    }
}
