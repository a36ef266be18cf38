package dev.syncledger.app.observability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.syncledger.app.cli.UserFacingException;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.common.Metric;
import org.apache.kafka.common.MetricName;
import org.apache.kafka.common.metrics.KafkaMetric;
import org.apache.kafka.common.metrics.Metrics;
import org.apache.kafka.common.metrics.Sensor;
import org.apache.kafka.common.metrics.stats.CumulativeSum;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The endpoint itself, with readiness checks whose answer the test sets and a counter it registers. */
class ObservabilityServerTest {

    private final AtomicReference<Optional<String>> databaseProblem = new AtomicReference<>(Optional.empty());
    private final Readiness database = new Readiness() {
        @Override
        public String name() {
            return "database";
        }

        @Override
        public Optional<String> problem() {
            return databaseProblem.get();
        }
    };
    private final MeterBinder events = registry -> Counter.builder("sync_ledger.test.events").register(registry).increment(3);
    private ObservabilityServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void staysLiveWhileTwentyClientsHoldHalfSentRequests() throws Exception {
        server = ObservabilityServer.start(ObservabilitySettings.onPort(0), List.of(database), List.of(events));
        List<java.net.Socket> slow = new java.util.ArrayList<>();
        try {
            for (int i = 0; i < 20; i++) {
                java.net.Socket socket = new java.net.Socket("127.0.0.1", server.port());
                socket.getOutputStream().write("GET /health/live HTTP/1.1\r\nHo".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
                socket.getOutputStream().flush();
                slow.add(socket);
            }
            // Each of these would wait behind the slow clients on a server with a thread per connection: the request's
            // own timeout, not a sleep, bounds the test.
            java.net.http.HttpClient client = java.net.http.HttpClient.newHttpClient();
            for (String path : List.of("/health/live", "/metrics", "/health/ready")) {
                java.net.http.HttpResponse<String> response = client.send(java.net.http.HttpRequest.newBuilder(server.uri().resolve(path))
                        .timeout(java.time.Duration.ofSeconds(5)).GET().build(), java.net.http.HttpResponse.BodyHandlers.ofString());
                assertThat(response.statusCode()).as(path).isEqualTo(200);
            }
        } finally {
            for (java.net.Socket socket : slow) {
                socket.close();
            }
        }
    }

    @Test
    void shouldServePrometheusTextOnMetrics() {
        server = ObservabilityServer.start(ObservabilitySettings.onPort(0), List.of(database), List.of(events));

        HttpResponse<String> response = new Http(server.uri()).get("/metrics");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("text/plain; version=0.0.4; charset=utf-8");
        assertThat(response.body()).contains("sync_ledger_test_events_total 3.0");
    }

    @Test
    void shouldTurnNotReadyWithTheReasonWhileACheckFailsAndStayLive() {
        server = ObservabilityServer.start(ObservabilitySettings.onPort(0), List.of(database), List.of());
        Http http = new Http(server.uri());
        assertThat(http.get("/health/ready").statusCode()).isEqualTo(200);

        databaseProblem.set(Optional.of("cannot reach PostgreSQL at x; is it running?"));

        HttpResponse<String> ready = http.get("/health/ready");
        assertThat(ready.statusCode()).isEqualTo(503);
        assertThat(ready.body()).isEqualTo(
                "{\"status\":\"DOWN\",\"checks\":{\"database\":\"cannot reach PostgreSQL at x; is it running?\"}}\n");
        assertThat(http.get("/health").statusCode()).isEqualTo(503);
        assertThat(http.get("/health/live").statusCode()).isEqualTo(200);

        databaseProblem.set(Optional.empty());
        HttpResponse<String> again = http.get("/health");
        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(again.body()).isEqualTo("{\"status\":\"UP\",\"checks\":{\"database\":\"UP\"}}\n");
    }

    @Test
    void shouldAnswer404ForAnUnknownPathAnd405ForAPost() {
        server = ObservabilityServer.start(ObservabilitySettings.onPort(0), List.of(), List.of());
        Http http = new Http(server.uri());

        assertThat(http.get("/nope").statusCode()).isEqualTo(404);
        assertThat(http.get("/health/ready/extra").statusCode()).isEqualTo(404);
        assertThat(http.post("/metrics").statusCode()).isEqualTo(405);
    }

    @Test
    void shouldBindTheLoopbackAddressByDefault() {
        server = ObservabilityServer.start(ObservabilitySettings.onPort(0), List.of(), List.of());

        assertThat(ObservabilitySettings.defaults().host()).isEqualTo("127.0.0.1");
        assertThat(ObservabilitySettings.defaults().port()).isEqualTo(8080);
        assertThat(server.uri().getHost()).isEqualTo("127.0.0.1");
    }

    @Test
    void shouldSayWhichPortIsTakenAndHowToChooseAnother() {
        server = ObservabilityServer.start(ObservabilitySettings.onPort(0), List.of(), List.of());

        assertThatThrownBy(() -> ObservabilityServer.start(ObservabilitySettings.onPort(server.port()), List.of(), List.of()))
                .isInstanceOf(UserFacingException.class)
                .hasMessageStartingWith("cannot listen on 127.0.0.1:" + server.port())
                .hasMessageEndingWith("choose another --http-port (0 picks a free one) or --http-host");
    }

    @Test
    void shouldRefuseAPortOutOfRange() {
        assertThatThrownBy(() -> ObservabilitySettings.onPort(70000))
                .hasMessage("--http-port must be between 0 and 65535 (0 picks a free port), was 70000");
    }

    @Test
    void shouldSumThePrunedCounterOverEveryTask() {
        try (Metrics metrics = new Metrics()) {
            for (String task : List.of("0_0", "0_1")) {
                Sensor sensor = metrics.sensor("pruned-" + task);
                sensor.add(metrics.metricName(SyncLedgerMetrics.PRUNED_METRIC, SyncLedgerMetrics.PRUNED_GROUP, Map.of("task-id", task)),
                        new CumulativeSum());
                sensor.record(task.equals("0_0") ? 2 : 5);
            }
            Map<MetricName, KafkaMetric> all = metrics.metrics();
            Map<MetricName, ? extends Metric> view = all;

            assertThat(SyncLedgerMetrics.sumOf(view, SyncLedgerMetrics.PRUNED_GROUP, SyncLedgerMetrics.PRUNED_METRIC)).isEqualTo(7.0);
        }
    }
}
