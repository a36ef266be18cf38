package dev.syncledger.bench;

import dev.syncledger.app.api.ApiTokens;
import dev.syncledger.app.api.ReadApi;
import dev.syncledger.sink.db.ConnectionLimits;
import dev.syncledger.sink.db.Database;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * The read API's list endpoint under load: 1,000,000 sync logs across 1,000 workspaces (full size), 50 clients
 * each asking for the first page (100 runs, newest first) of a random workspace as fast as answers come, over one
 * HTTP/1.1 connection each. A warm-up, then a timed window; every answer must be a 200. The API, PostgreSQL and the
 * clients share the machine.
 *
 * <p>Closed-loop clients measure saturation: their latency is 50 / throughput plus the spread. Two more passes put it
 * in proportion: the same clients turned away with a 401 before any query (what the HTTP path alone costs on these
 * cores), and the same 50 clients paced at half the saturating rate, latency counted from when each request was due
 * (so a stall is not hidden by the requests it delayed): what a dashboard sees when the API is busy but not overrun.
 */
final class ApiBenchmark {

    static final double GOAL_P99_MS = 50;
    static final int CLIENTS = 50;
    private static final int CONNECTORS_PER_WORKSPACE = 4;
    private static final int POOL = 16;

    private final BenchSize size;
    private final String databaseUrl;

    ApiBenchmark(BenchSize size, String databaseUrl) {
        this.size = size;
        this.databaseUrl = databaseUrl;
    }

    StageResult run() {
        boolean full = size.name().equals("full");
        int workspaces = full ? 1_000 : 20;
        int runsPerConnector = full ? 250 : 25;
        Duration warmUp = full ? Duration.ofSeconds(10) : Duration.ofSeconds(1);
        Duration measured = full ? Duration.ofSeconds(30) : Duration.ofSeconds(2);
        try (BenchDatabase bench = BenchDatabase.create(databaseUrl, "api")) {
            long loadStart = System.nanoTime();
            List<UUID> ids = bench.jdbi().withExtension(ApiBenchDao.class, dao -> {
                dao.workspaces(workspaces);
                dao.connectors(CONNECTORS_PER_WORKSPACE);
                dao.runs(runsPerConnector);
                dao.analyze();
                return dao.workspaceIds();
            });
            long loadMs = (System.nanoTime() - loadStart) / 1_000_000;
            ApiTokens tokens = new ApiTokens("an-api-bench-secret-of-at-least-32-bytes".getBytes(StandardCharsets.UTF_8));
            List<String> bearers = ids.stream().map(id -> "Bearer " + tokens.mint(id, Duration.ofHours(1), Instant.now())).toList();
            try (Database pooled = Database.connect(bench.url(), bench.schema(), new ConnectionLimits(POOL, Duration.ofSeconds(10),
                         Duration.ofSeconds(90), Duration.ofSeconds(60)));
                 ReadApi api = ReadApi.start(pooled.jdbi(), tokens, "127.0.0.1", 0)) {
                URI list = URI.create(api.uri() + "/v1/workspace_connector_sync_log?page%5Bsize%5D=100");
                load(list, bearers, warmUp, 200);
                Load timed = load(list, bearers, measured, 200);
                // The reference, same server, clients and run: a request turned away (401) before any query, i.e. what
                // the HTTP path alone costs on these cores.
                Load reference = load(list, List.of("Bearer not-a-token"), measured, 401);
                Latencies latencies = timed.latencies();
                double perSecond = Numbers.perSecond(latencies.count(), measured.toNanos());
                Load paced = load(list, bearers, measured, 200, perSecond / 2);
                return result(workspaces, (long) workspaces * CONNECTORS_PER_WORKSPACE * runsPerConnector, loadMs, timed, perSecond,
                        reference, Numbers.perSecond(reference.latencies().count(), measured.toNanos()), paced);
            }
        }
    }

    record Load(Latencies latencies, long failures) {}

    private static Load load(URI list, List<String> bearers, Duration duration, int expectedStatus) {
        return load(list, bearers, duration, expectedStatus, 0);
    }

    /** Closed loop when {@code perSecond} is 0; otherwise each client sends at its share of that rate, on a schedule. */
    private static Load load(URI list, List<String> bearers, Duration duration, int expectedStatus, double perSecond) {
        ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
        AtomicLong failures = new AtomicLong();
        long start = System.nanoTime();
        long end = start + duration.toNanos();
        long interval = perSecond > 0 ? (long) (CLIENTS * 1e9 / perSecond) : 0;
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        for (int i = 0; i < CLIENTS; i++) {
            long firstDue = start + (interval * i) / CLIENTS;
            clients.submit(() -> {
                HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
                long due = firstDue;
                while (System.nanoTime() < end) {
                    if (interval > 0) {
                        long wait = due - System.nanoTime();
                        if (wait > 0) {
                            LockSupport.parkNanos(wait);
                        }
                    }
                    String bearer = bearers.get(ThreadLocalRandom.current().nextInt(bearers.size()));
                    HttpRequest request = HttpRequest.newBuilder(list).header("Authorization", bearer).timeout(Duration.ofSeconds(30)).GET().build();
                    long sent = interval > 0 ? due : System.nanoTime();
                    due += interval;
                    try {
                        HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
                        if (response.statusCode() == expectedStatus) {
                            latencies.add(System.nanoTime() - sent);
                        } else {
                            failures.incrementAndGet();
                        }
                    } catch (Exception e) {
                        failures.incrementAndGet();
                        if (e instanceof InterruptedException) {
                            Thread.currentThread().interrupt();
                            return;
                        }
                    }
                }
            });
        }
        clients.shutdown();
        try {
            clients.awaitTermination(duration.toSeconds() + 60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return new Load(Latencies.of(latencies.stream().mapToLong(Long::longValue).toArray()), failures.get());
    }

    private static StageResult result(int workspaces, long runs, long loadMs, Load timed, double perSecond, Load reference,
                                      double referencePerSecond, Load paced) {
        Latencies latencies = timed.latencies();
        long failures = timed.failures();
        boolean met = latencies.count() > 0 && latencies.p99Ms() <= GOAL_P99_MS && failures == 0;
        String shape = String.format("%,d sync logs, %,d workspaces, %d clients", runs, workspaces, CLIENTS);
        List<ResultRow> rows = new ArrayList<>(List.of(
                ResultRow.plain("api", "list, first page of 100: " + shape, Numbers.rate(perSecond, "req/s")),
                ResultRow.plain("api", "reference: the same requests refused (401) before any query", Numbers.rate(referencePerSecond, "req/s")),
                ResultRow.plain("api", "list / reference", String.format("%.2f", perSecond / Math.max(1e-9, referencePerSecond))),
                ResultRow.plain("api", "list latency p50", Numbers.millis(latencies.p50Ms())),
                ResultRow.plain("api", "list latency p95", Numbers.millis(latencies.p95Ms())),
                new ResultRow("api", "list latency p99", Numbers.millis(latencies.p99Ms()), "", "", "<= 50 ms " + Numbers.met(met)),
                ResultRow.plain("api", "list latency max (failed requests)", Numbers.millis(latencies.maxMs()) + " (" + failures + ")"),
                ResultRow.plain("api", "reference (401) latency p50 / p99", Numbers.millis(reference.latencies().p50Ms()) + " / "
                        + Numbers.millis(reference.latencies().p99Ms())),
                ResultRow.plain("api", String.format("paced at half the list rate (%,.0f req/s offered): p50 / p99", perSecond / 2),
                        Numbers.millis(paced.latencies().p50Ms()) + " / " + Numbers.millis(paced.latencies().p99Ms())
                                + " (" + paced.failures() + " failed)")));
        Map<String, Object> numbers = new LinkedHashMap<>();
        numbers.put("workspaces", workspaces);
        numbers.put("sync_logs", runs);
        numbers.put("load_ms", loadMs);
        numbers.put("clients", CLIENTS);
        numbers.put("pool", POOL);
        numbers.put("requests", latencies.count());
        numbers.put("failed_requests", failures);
        numbers.put("requests_per_s", perSecond);
        numbers.put("reference_401_requests_per_s", referencePerSecond);
        numbers.put("reference_401_p50_ms", reference.latencies().p50Ms());
        numbers.put("reference_401_p99_ms", reference.latencies().p99Ms());
        numbers.put("p50_ms", latencies.p50Ms());
        numbers.put("p95_ms", latencies.p95Ms());
        numbers.put("p99_ms", latencies.p99Ms());
        numbers.put("max_ms", latencies.maxMs());
        numbers.put("goal_p99_ms", GOAL_P99_MS);
        numbers.put("paced_offered_per_s", perSecond / 2);
        numbers.put("paced_requests", paced.latencies().count());
        numbers.put("paced_failed_requests", paced.failures());
        numbers.put("paced_p50_ms", paced.latencies().p50Ms());
        numbers.put("paced_p99_ms", paced.latencies().p99Ms());
        numbers.put("paced_max_ms", paced.latencies().maxMs());
        return new StageResult("api", rows, numbers);
    }
}
