package dev.syncledger.app.observability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;


import dev.syncledger.app.observability.Readiness.Problem;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
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

    /** Checks every 50 ms, so that a test sees a change within a few hundred milliseconds. */
    private static final HealthSchedule QUICK = new HealthSchedule(Duration.ofMillis(50), Duration.ofMillis(300), Duration.ofSeconds(5));
    /** The acceptance bound for /health/live. */
    private static final Duration LIVE_BOUND = Duration.ofMillis(100);

    private final AtomicReference<Optional<Problem>> databaseProblem = new AtomicReference<>(Optional.empty());
    private final Readiness database = new Readiness() {
        @Override
        public String name() {
            return "database";
        }

        @Override
        public Optional<Problem> problem() {
            return databaseProblem.get();
        }
    };
    private final MeterBinder events = registry -> Counter.builder("sync_ledger.test.events").register(registry).increment(3);
    private final CountDownLatch release = new CountDownLatch(1);
    private ObservabilityServer server;

    @AfterEach
    void stop() {
        release.countDown();
        if (server != null) {
            server.close();
        }
    }

    private ObservabilityServer start(List<? extends Readiness> checks, List<? extends MeterBinder> binders) {
        return ObservabilityServer.start(ObservabilitySettings.onPort(0).withHealth(QUICK), checks, binders);
    }

    @Test
    void staysLiveWithin100MsWhileTwentyClientsHoldHalfSentRequestsAndACheckHangs() throws Exception {
        AtomicInteger runs = new AtomicInteger();
        server = start(List.of(hungDatabase(runs)), List.of(events));
        List<Socket> slow = Probe.slowClients(server.uri(), 20);
        try {
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                    assertThat(Probe.get(server.uri(), "/health").body()).contains("\"database\":\"database_unreachable\""));

            assertThat(Probe.slowest(server.uri(), "/health/live", 200, 50, 10)).isLessThan(LIVE_BOUND);
            assertThat(Probe.slowest(server.uri(), "/health", 503, 50, 10)).as("/health serves the snapshot").isLessThan(LIVE_BOUND);
            assertThat(Probe.get(server.uri(), "/metrics").status()).isEqualTo(200);
            assertThat(runs).as("the hung check is never started twice").hasValue(1);
        } finally {
            Probe.closeAll(slow);
        }
    }

    @Test
    void shouldNotStartAHungCheckAgainAndReadyOnceItAnswers() {
        AtomicInteger runs = new AtomicInteger();
        server = start(List.of(hungDatabase(runs)), List.of());
        Http http = new Http(server.uri());
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(http.get("/health").body())
                .contains("\"status\":\"DOWN\"", "\"database\":\"database_unreachable\""));

        // Twenty intervals: a scheduler that started the check each time would have piled up twenty runs.
        await().during(QUICK.interval().multipliedBy(20)).atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(runs).hasValue(1));

        release.countDown();

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(http.get("/health").statusCode()).isEqualTo(200));
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(runs).hasValueGreaterThan(2));
    }

    @Test
    void shouldServePrometheusTextOnMetrics() {
        server = start(List.of(database), List.of(events));

        HttpResponse<String> response = new Http(server.uri()).get("/metrics");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("text/plain; version=0.0.4; charset=utf-8");
        assertThat(response.body()).contains("sync_ledger_test_events_total 3.0");
    }

    @Test
    void shouldAnswerBusyToAThirdScrapeWhileTwoAreSlowAndStayLive() throws Exception {
        CountDownLatch scraping = new CountDownLatch(ObservabilityServer.MAX_CONCURRENT_SCRAPES);
        server = start(List.of(), List.of(slowScrape(scraping)));
        Http http = new Http(server.uri());
        ExecutorService scrapers = Executors.newFixedThreadPool(2);
        try {
            List<Future<HttpResponse<String>>> held = List.of(scrapers.submit(() -> http.get("/metrics")),
                    scrapers.submit(() -> http.get("/metrics")));
            assertThat(scraping.await(10, TimeUnit.SECONDS)).as("both scrapes started").isTrue();

            HttpResponse<String> third = http.get("/metrics");

            assertThat(third.statusCode()).isEqualTo(503);
            assertThat(third.headers().firstValue("Retry-After")).hasValue("1");
            assertThat(Probe.slowest(server.uri(), "/health/live", 200, 20, 5)).isLessThan(LIVE_BOUND);
            release.countDown();
            for (Future<HttpResponse<String>> scrape : held) {
                assertThat(scrape.get(10, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
            }
        } finally {
            scrapers.shutdownNow();
        }
    }

    @Test
    void shouldTurnNotReadyWithAShortCodeWhileACheckFailsAndStayLive() {
        server = start(List.of(database), List.of());
        Http http = new Http(server.uri());
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(http.get("/health/ready").statusCode()).isEqualTo(200));

        databaseProblem.set(Optional.of(new Problem(HealthCode.database_unreachable,
                "cannot reach PostgreSQL at jdbc:postgresql://db.internal:5432/ledger?user=writer; is it running?")));

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(http.get("/health/ready").statusCode()).isEqualTo(503));
        HttpResponse<String> ready = http.get("/health/ready");
        assertThat(ready.body()).matches("\\{\"status\":\"DOWN\",\"age_ms\":\\d+,\"checks\":\\{\"database\":\"database_unreachable\"}}\n")
                .doesNotContain("db.internal", "5432", "ledger", "writer", "PostgreSQL");
        assertThat(http.get("/health").statusCode()).isEqualTo(503);
        assertThat(http.get("/health/live").statusCode()).isEqualTo(200);

        databaseProblem.set(Optional.empty());
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(http.get("/health").body())
                .matches("\\{\"status\":\"UP\",\"age_ms\":\\d+,\"checks\":\\{\"database\":\"ok\"}}\n"));
    }

    @Test
    void shouldSayPendingUntilACheckFirstAnswers() {
        CountDownLatch answered = new CountDownLatch(1);
        server = start(List.of(new Readiness() {
            @Override
            public String name() {
                return "slow_start";
            }

            @Override
            public Optional<Problem> problem() {
                awaitUninterruptibly(answered);
                return Optional.empty();
            }
        }), List.of());
        Http http = new Http(server.uri());

        assertThat(http.get("/health").body()).contains("\"slow_start\":\"pending\"");

        answered.countDown();
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(http.get("/health").statusCode()).isEqualTo(200));
    }

    @Test
    void shouldAnswer404ForAnUnknownPathAnd405ForAPost() {
        server = start(List.of(), List.of());
        Http http = new Http(server.uri());

        assertThat(http.get("/nope").statusCode()).isEqualTo(404);
        assertThat(http.get("/health/ready/extra").statusCode()).isEqualTo(404);
        assertThat(http.post("/metrics").statusCode()).isEqualTo(405);
    }

    @Test
    void shouldBindTheLoopbackAddressByDefault() {
        server = start(List.of(), List.of());

        assertThat(ObservabilitySettings.defaults().host()).isEqualTo("127.0.0.1");
        assertThat(ObservabilitySettings.defaults().port()).isEqualTo(8080);
        assertThat(ObservabilitySettings.defaults().health()).isEqualTo(HealthSchedule.DEFAULT);
        assertThat(server.uri().getHost()).isEqualTo("127.0.0.1");
    }

    @Test
    void shouldSayWhichPortIsTakenAndHowToChooseAnother() {
        server = start(List.of(), List.of());

        assertThatThrownBy(() -> ObservabilityServer.start(ObservabilitySettings.onPort(server.port()), List.of(), List.of()))
                .isInstanceOf(HttpEndpointException.class)
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

    /** A database check whose server accepts and never answers, until the test releases it; counts its runs. */
    private Readiness hungDatabase(AtomicInteger runs) {
        return new Readiness() {
            @Override
            public String name() {
                return "database";
            }

            @Override
            public HealthCode whenTimedOut() {
                return HealthCode.database_unreachable;
            }

            @Override
            public Optional<Problem> problem() {
                runs.incrementAndGet();
                awaitUninterruptibly(release);
                return Optional.empty();
            }
        };
    }

    /** Meters refreshed on scrape whose refresh waits until the test releases it, as a hung database would make it. */
    private MeterBinder slowScrape(CountDownLatch scraping) {
        abstract class SlowScrape implements MeterBinder, RefreshedOnScrape {}
        return new SlowScrape() {
            @Override
            public void bindTo(MeterRegistry registry) {}

            @Override
            public void beforeScrape(MeterRegistry registry) {
                scraping.countDown();
                awaitUninterruptibly(release);
            }
        };
    }

    private static void awaitUninterruptibly(CountDownLatch latch) {
        boolean interrupted = false;
        while (true) {
            try {
                latch.await();
                break;
            } catch (InterruptedException e) {
                interrupted = true; // as a JDBC read blocked on a socket ignores interruption
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
