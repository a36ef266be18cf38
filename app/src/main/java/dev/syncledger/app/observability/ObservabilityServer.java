package dev.syncledger.app.observability;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.net.BindException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Semaphore;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The process's HTTP endpoint, on Javalin (Jetty):
 * <ul>
 * <li>{@code /metrics}: every bound meter in Prometheus text format;</li>
 * <li>{@code /health/live}: 200 while the process runs; it waits on nothing;</li>
 * <li>{@code /health/ready} (and {@code /health}): the latest results of the readiness checks, which a
 *     {@link HealthMonitor} runs in the background: 200 while every check's latest result is {@code ok}, else 503;
 *     the body gives a short {@link HealthCode} per check and the age of the oldest result, never hosts, users or
 *     error texts (those go to the log).</li>
 * </ul>
 * Anything else is 404, another method than GET or HEAD 405. Jetty reads requests without a thread per connection
 * and times idle ones out, and its pool is bounded: clients that send half a request and wait no longer freeze the
 * endpoint. No request waits on a readiness check, and at most {@value #MAX_CONCURRENT_SCRAPES} scrapes run at once
 * (a scrape reads the database for some meters), so neither a hung database nor a crowd of scrapers can take the
 * threads {@code /health/live} needs. The server owns the checks and binders it is given: {@link #close()} closes
 * those that are {@link AutoCloseable}.
 */
public final class ObservabilityServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ObservabilityServer.class);
    private static final String PROMETHEUS_CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Threads serving the endpoint at most, Jetty's own acceptor and selector included. */
    static final int MAX_THREADS = 16;
    /** Scrapes served at once; a further one is answered 503 at once rather than queued behind a slow one. */
    static final int MAX_CONCURRENT_SCRAPES = 2;

    private final String host;
    private final PrometheusMeterRegistry registry;
    private final List<Readiness> checks;
    private final List<MeterBinder> binders;
    private final HealthMonitor health;
    private final Semaphore scrapes = new Semaphore(MAX_CONCURRENT_SCRAPES);
    private Javalin server;

    private ObservabilityServer(String host, PrometheusMeterRegistry registry, List<Readiness> checks, List<MeterBinder> binders,
                                HealthMonitor health) {
        this.host = host;
        this.registry = registry;
        this.checks = checks;
        this.binders = binders;
        this.health = health;
    }

    /**
     * Binds the meters, starts the readiness checks on {@link ObservabilitySettings#health()}'s schedule, then starts
     * serving.
     *
     * @throws HttpEndpointException when the port is taken or the host is not an address of this machine
     */
    public static ObservabilityServer start(ObservabilitySettings settings, List<? extends Readiness> checks,
                                            List<? extends MeterBinder> binders) {
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        registry.config().meterFilter(new StoreTags());
        binders.forEach(binder -> binder.bindTo(registry));
        ObservabilityServer observability = new ObservabilityServer(settings.host(), registry, List.copyOf(checks), List.copyOf(binders),
                HealthMonitor.start(checks, settings.health()));
        Javalin server = Javalin.create(config -> {
            config.jetty.host = settings.host();
            config.jetty.port = settings.port();
            QueuedThreadPool threads = new QueuedThreadPool(MAX_THREADS, 2);
            threads.setName("sync-ledger-http");
            threads.setDaemon(true);
            config.jetty.threadPool = threads;
            config.startup.showJavalinBanner = false;
            config.startup.showOldJavalinVersionWarning = false;
            config.routes.before(ctx -> {
                if (ctx.method() != HandlerType.GET && ctx.method() != HandlerType.HEAD) {
                    ctx.header("Allow", "GET, HEAD");
                    ctx.status(405).contentType("text/plain; charset=utf-8").result("only GET and HEAD\n");
                    ctx.skipRemainingHandlers();
                }
            });
            config.routes.get("/metrics", observability::metrics);
            config.routes.get("/health/live", ctx -> ctx.contentType("application/json").result("{\"status\":\"UP\"}\n"));
            config.routes.get("/health/ready", observability::ready);
            config.routes.get("/health", observability::ready);
            config.routes.error(404, ctx -> {
                if (ctx.method() == HandlerType.GET || ctx.method() == HandlerType.HEAD) {
                    ctx.contentType("text/plain; charset=utf-8").result("not found; try /metrics, /health/live or /health/ready\n");
                }
            });
            config.routes.exception(RuntimeException.class, (e, ctx) -> {
                LOG.warn("HTTP {} {} failed: {}", ctx.method(), ctx.path(), e.toString());
                ctx.status(500).contentType("text/plain; charset=utf-8").result("failed; see the log\n");
            });
        });
        try {
            server.start();
        } catch (RuntimeException e) {
            observability.health.close();
            closeAll(checks, binders);
            server.stop();
            if (causedBy(e, BindException.class)) {
                throw new HttpEndpointException("cannot listen on " + settings.host() + ":" + settings.port() + " (" + rootMessage(e)
                        + "); choose another --http-port (0 picks a free one) or --http-host", e);
            }
            throw new HttpEndpointException("cannot start the HTTP endpoint on " + settings.host() + ":" + settings.port() + ": "
                    + rootMessage(e) + "; check --http-host and --http-port", e);
        }
        observability.server = server;
        LOG.info("metrics and health on {} (/metrics, /health/live, /health/ready)", observability.uri());
        return observability;
    }

    /** The bound port: the one asked for, or the one picked when asked for 0. */
    public int port() {
        return server.port();
    }

    public URI uri() {
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

    private void metrics(Context ctx) {
        if (!scrapes.tryAcquire()) {
            ctx.status(503).header("Retry-After", "1").contentType("text/plain; charset=utf-8")
                    .result(MAX_CONCURRENT_SCRAPES + " scrapes are already running; try again shortly\n");
            return;
        }
        try {
            ctx.contentType(PROMETHEUS_CONTENT_TYPE).result(scrape());
        } finally {
            scrapes.release();
        }
    }

    private void ready(Context ctx) throws Exception {
        HealthSnapshot snapshot = health.snapshot();
        ObjectNode body = JSON.createObjectNode();
        body.put("status", snapshot.ready() ? "UP" : "DOWN");
        body.put("age_ms", snapshot.age().toMillis());
        ObjectNode byCheck = body.putObject("checks");
        snapshot.checks().forEach((name, code) -> byCheck.put(name, code.name()));
        ctx.status(snapshot.ready() ? 200 : 503).contentType("application/json").result(JSON.writeValueAsString(body) + "\n");
    }

    private static boolean causedBy(Throwable error, Class<? extends Throwable> type) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (type.isInstance(cause)) {
                return true;
            }
        }
        return false;
    }

    private static String rootMessage(Throwable error) {
        Throwable root = error;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return root.getMessage();
    }

    /** Stops serving at once, then stops the checks and closes the checks and binders that hold resources. */
    @Override
    public void close() {
        server.stop();
        health.close();
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
