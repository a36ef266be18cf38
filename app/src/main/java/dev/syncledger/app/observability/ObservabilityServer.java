package dev.syncledger.app.observability;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.syncledger.app.cli.UserFacingException;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.io.OutputStream;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The process's HTTP endpoint, on the JDK's HTTP server:
 * <ul>
 * <li>{@code /metrics}: every bound meter in Prometheus text format;</li>
 * <li>{@code /health/live}: 200 while the process runs;</li>
 * <li>{@code /health/ready} (and {@code /health}): 200 while every readiness check passes, else 503 with a JSON
 *     body naming each check that fails and why.</li>
 * </ul>
 * Anything else is 404. The server owns the checks and binders it is given: {@link #close()} closes those that
 * are {@link AutoCloseable}.
 */
public final class ObservabilityServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ObservabilityServer.class);
    private static final String PROMETHEUS_CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpServer server;
    private final ExecutorService executor;
    private final PrometheusMeterRegistry registry;
    private final List<Readiness> checks;
    private final List<MeterBinder> binders;

    private ObservabilityServer(HttpServer server, ExecutorService executor, PrometheusMeterRegistry registry,
                                List<Readiness> checks, List<MeterBinder> binders) {
        this.server = server;
        this.executor = executor;
        this.registry = registry;
        this.checks = checks;
        this.binders = binders;
    }

    /**
     * Binds the meters, then starts serving.
     *
     * @throws UserFacingException when the port is taken or the host is not an address of this machine
     */
    public static ObservabilityServer start(ObservabilitySettings settings, List<? extends Readiness> checks,
                                            List<? extends MeterBinder> binders) {
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        binders.forEach(binder -> binder.bindTo(registry));
        HttpServer server;
        try {
            server = HttpServer.create(new InetSocketAddress(settings.host(), settings.port()), 0);
        } catch (BindException e) {
            closeAll(checks, binders);
            throw new UserFacingException("cannot listen on " + settings.host() + ":" + settings.port() + " (" + e.getMessage()
                    + "); choose another --http-port (0 picks a free one) or --http-host", e);
        } catch (IOException e) {
            closeAll(checks, binders);
            throw new UserFacingException("cannot start the HTTP endpoint on " + settings.host() + ":" + settings.port() + ": "
                    + e.getMessage() + "; check --http-host and --http-port", e);
        }
        ExecutorService executor = Executors.newFixedThreadPool(2, HealthChecks.daemon("sync-ledger-http"));
        ObservabilityServer observability = new ObservabilityServer(server, executor, registry, List.copyOf(checks), List.copyOf(binders));
        server.createContext("/", observability::handle);
        server.setExecutor(executor);
        server.start();
        LOG.info("metrics and health on {} (/metrics, /health/live, /health/ready)", observability.uri());
        return observability;
    }

    /** The bound port: the one asked for, or the one picked when asked for 0. */
    public int port() {
        return server.getAddress().getPort();
    }

    public URI uri() {
        String host = server.getAddress().getHostString();
        return URI.create("http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + port());
    }

    /** What {@code /metrics} would answer now. */
    public String scrape() {
        binders.forEach(binder -> {
            if (binder instanceof RefreshedOnScrape refreshed) {
                refreshed.beforeScrape(registry);
            }
        });
        return registry.scrape();
    }

    /** Per failing check, its problem; empty while ready. */
    public Map<String, String> problems() {
        Map<String, String> problems = new LinkedHashMap<>();
        for (Readiness check : checks) {
            Optional<String> problem;
            try {
                problem = check.problem();
            } catch (RuntimeException e) {
                problem = Optional.of(e.getClass().getSimpleName() + ": " + e.getMessage());
            }
            problem.ifPresent(p -> problems.put(check.name(), p));
        }
        return problems;
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String method = exchange.getRequestMethod();
            if (!method.equals("GET") && !method.equals("HEAD")) {
                exchange.getResponseHeaders().set("Allow", "GET, HEAD");
                respond(exchange, 405, "text/plain; charset=utf-8", "only GET and HEAD\n");
                return;
            }
            switch (exchange.getRequestURI().getPath()) {
                case "/metrics" -> respond(exchange, 200, PROMETHEUS_CONTENT_TYPE, scrape());
                case "/health/live" -> respond(exchange, 200, "application/json", "{\"status\":\"UP\"}\n");
                case "/health", "/health/ready" -> ready(exchange);
                default -> respond(exchange, 404, "text/plain; charset=utf-8",
                        "not found; try /metrics, /health/live or /health/ready\n");
            }
        } catch (RuntimeException e) {
            LOG.warn("HTTP {} {} failed: {}", exchange.getRequestMethod(), exchange.getRequestURI(), e.toString());
        }
    }

    private void ready(HttpExchange exchange) throws IOException {
        Map<String, String> problems = problems();
        ObjectNode body = JSON.createObjectNode();
        body.put("status", problems.isEmpty() ? "UP" : "DOWN");
        ObjectNode byCheck = body.putObject("checks");
        checks.forEach(check -> byCheck.put(check.name(), problems.getOrDefault(check.name(), "UP")));
        if (!problems.isEmpty()) {
            LOG.debug("not ready: {}", problems);
        }
        respond(exchange, problems.isEmpty() ? 200 : 503, "application/json", JSON.writeValueAsString(body) + "\n");
    }

    private static void respond(HttpExchange exchange, int status, String contentType, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", contentType);
        boolean head = exchange.getRequestMethod().equals("HEAD");
        exchange.sendResponseHeaders(status, head ? -1 : bytes.length);
        if (!head) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
    }

    /** Stops serving at once, then closes the checks and binders that hold resources. */
    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
        closeAll(checks, binders);
        registry.close();
    }

    private static void closeAll(List<? extends Readiness> checks, List<? extends MeterBinder> binders) {
        List<Object> owned = new ArrayList<>(checks);
        owned.addAll(binders);
        for (Object resource : owned) {
            if (resource instanceof AutoCloseable closeable) {
                try {
                    closeable.close();
                } catch (Exception e) {
                    LOG.debug("closing {} failed: {}", resource, e.toString());
                }
            }
        }
    }
}
