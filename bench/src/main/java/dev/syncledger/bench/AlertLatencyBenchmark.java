package dev.syncledger.bench;

import dev.syncledger.schemas.kafka.KafkaConnection;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import dev.syncledger.app.pipeline.ProcessorRunner;
import dev.syncledger.processor.StreamsSettings;
import dev.syncledger.schemas.Topics;
import dev.syncledger.schemas.serde.AvroCodec;
import dev.syncledger.schemas.syncrun.SyncFailed;
import dev.syncledger.schemas.syncrun.SyncRunEvent;
import dev.syncledger.sink.notify.DeliveryListener;
import dev.syncledger.sink.notify.Notifier;
import dev.syncledger.sink.notify.NotifierConfig;
import dev.syncledger.sink.notify.WebhookSignature;
import dev.syncledger.sink.notify.WebhookTargets;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.locks.LockSupport;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsConfig;

/**
 * Alert latency at idle: from publishing the failure that makes a connector's third in a row to a webhook
 * receiver on 127.0.0.1 getting its {@code consecutive_failures} alert, through the real processor
 * (exactly_once_v2) and notifier. Connectors fail one at a time, a few a second, so nothing queues: the number is
 * the pipeline's own latency (two commits, the alerts topic read committed, a delivery row, a POST). Warm-up
 * connectors first, not counted.
 */
final class AlertLatencyBenchmark {

    private static final String APPLICATION_ID = "alert-latency-bench";
    private static final int WARM_UP = 20;
    private static final int PER_SECOND = 10;
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final BenchSize size;
    private final String databaseUrl;
    private final BenchKafka kafka;

    AlertLatencyBenchmark(BenchSize size, String databaseUrl, BenchKafka kafka) {
        this.size = size;
        this.databaseUrl = databaseUrl;
        this.kafka = kafka;
    }

    StageResult run() {
        int measured = size.name().equals("quick") ? 20 : 300;
        kafka.freshTopics(List.of());
        Map<UUID, Long> received = new ConcurrentHashMap<>();
        WebhookSignature signature = new WebhookSignature("bench-secret-of-sufficient-length".getBytes(StandardCharsets.UTF_8));
        HttpServer receiver = receiver(received);
        try (BenchDatabase database = BenchDatabase.create(databaseUrl, "alerts")) {
            StreamsSettings streams = kafka.streams(APPLICATION_ID, StreamsConfig.EXACTLY_ONCE_V2);
            URI url = URI.create("http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook");
            NotifierConfig notifierConfig = NotifierConfig.of(KafkaConnection.to(kafka.bootstrapServers()), new WebhookTargets(Optional.of(url), Map.of()), signature)
                    .withGroupId(APPLICATION_ID + "-notifier").withSerde(kafka.topology().serde());
            try (ProcessorRunner processor = ProcessorRunner.start(streams, kafka.topology(), BenchKafka.START_TIMEOUT);
                 Notifier notifier = Notifier.start(notifierConfig, database.database(), DeliveryListener.NONE);
                 KafkaProducer<String, byte[]> producer = producer()) {
                failConnectors(WARM_UP, producer, received, new ConcurrentHashMap<>());
                received.clear();
                Map<UUID, Long> published = new ConcurrentHashMap<>();
                failConnectors(measured, producer, received, published);
                long[] latencies = published.entrySet().stream().filter(e -> received.containsKey(e.getKey()))
                        .mapToLong(e -> received.get(e.getKey()) - e.getValue()).toArray();
                return result(Latencies.of(latencies), measured - latencies.length);
            }
        } finally {
            receiver.stop(0);
        }
    }

    /** Three failed runs per connector, the third timed; connectors one after another at {@value #PER_SECOND} a second. */
    private void failConnectors(int count, KafkaProducer<String, byte[]> producer, Map<UUID, Long> received, Map<UUID, Long> published) {
        AvroCodec<SyncRunEvent> codec = AvroCodec.create(SyncRunEvent.getClassSchema(), kafka.topology().serde());
        long interval = 1_000_000_000L / PER_SECOND;
        long started = System.nanoTime();
        UUID workspace = UUID.randomUUID();
        for (int i = 0; i < count; i++) {
            UUID connector = UUID.randomUUID();
            for (int failure = 1; failure <= 3; failure++) {
                if (failure == 3) {
                    long due = started + i * interval;
                    long wait = due - System.nanoTime();
                    if (wait > 0) {
                        LockSupport.parkNanos(wait);
                    }
                }
                UUID run = UUID.randomUUID();
                Instant now = Instant.now();
                SyncRunEvent event = new SyncRunEvent(UUID.randomUUID(), now, workspace, connector, run, new SyncFailed(now, "HTTP 500", null));
                long at = System.nanoTime();
                producer.send(new ProducerRecord<>(Topics.SYNC_RUNS.name(), run.toString(), codec.encode(Topics.SYNC_RUNS.name(), event)));
                producer.flush();
                if (failure == 3) {
                    published.put(connector, at);
                }
            }
        }
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < deadline && !received.keySet().containsAll(published.keySet())) {
            ProcessorBenchmark.sleep(Duration.ofMillis(50));
        }
    }

    private KafkaProducer<String, byte[]> producer() {
        return new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(), ProducerConfig.LINGER_MS_CONFIG, 0),
                new StringSerializer(), new ByteArraySerializer());
    }

    private static HttpServer receiver(Map<UUID, Long> received) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 64);
            server.setExecutor(Executors.newFixedThreadPool(4));
            server.createContext("/hook", exchange -> {
                long at = System.nanoTime();
                try (InputStream in = exchange.getRequestBody()) {
                    var body = JSON.readTree(in.readNBytes(1 << 16));
                    if ("consecutive_failures".equals(body.path("alert").path("kind").asText())
                            && "alert.opened".equals(body.path("type").asText())) {
                        received.putIfAbsent(UUID.fromString(body.path("alert").path("workspace_connector_id").asText()), at);
                    }
                }
                exchange.sendResponseHeaders(204, -1);
                exchange.close();
            });
            server.start();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static StageResult result(Latencies latencies, int neverReceived) {
        List<ResultRow> rows = List.of(
                ResultRow.plain("alerts", "third failure published -> webhook received, p50", Numbers.millis(latencies.p50Ms())),
                ResultRow.plain("alerts", "third failure published -> webhook received, p95", Numbers.millis(latencies.p95Ms())),
                ResultRow.plain("alerts", "third failure published -> webhook received, p99", Numbers.millis(latencies.p99Ms())),
                ResultRow.plain("alerts", "third failure published -> webhook received, max", Numbers.millis(latencies.maxMs())),
                ResultRow.plain("alerts", "alerts timed (never received)", String.format("%,d (%d)", latencies.count(), neverReceived)));
        Map<String, Object> numbers = new LinkedHashMap<>();
        numbers.put("connectors_per_second", PER_SECOND);
        numbers.put("alerts_timed", latencies.count());
        numbers.put("never_received", neverReceived);
        numbers.put("p50_ms", latencies.p50Ms());
        numbers.put("p95_ms", latencies.p95Ms());
        numbers.put("p99_ms", latencies.p99Ms());
        numbers.put("max_ms", latencies.maxMs());
        return new StageResult("alerts", rows, numbers);
    }
}
