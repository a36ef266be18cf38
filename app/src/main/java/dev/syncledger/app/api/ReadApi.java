package dev.syncledger.app.api;

import dev.syncledger.app.api.JsonApi.ResourceType;
import dev.syncledger.app.api.ReadQueries.StatusFilter;
import dev.syncledger.app.api.ReadQueries.SyncLogFilter;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.staticfiles.Location;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.extension.ExtensionFactory;
import org.jdbi.v3.core.extension.Extensions;
import org.jdbi.v3.sqlobject.SqlObjectFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The read-only JSON:API over the sink's database, on Javalin: {@code GET /v1/{type}} lists with filters, a sort
 * and cursor pages, {@code GET /v1/{type}/{id}} reads one by its public id. Every request needs
 * {@code Authorization: Bearer <JWT>} ({@link ApiTokens}); its workspace claim scopes the request's transaction,
 * in which PostgreSQL's row-level security lets only that workspace's rows through, so another workspace's id is
 * a 404 like an unknown one. At {@code /}, the connectors page ({@code web/} in this jar) reads the same API with the
 * token from its URL fragment.
 */
public final class ReadApi implements AutoCloseable {

    static final int DEFAULT_PAGE_SIZE = 20;
    static final int MAX_PAGE_SIZE = 100;
    static final int MAX_THREADS = 32;
    private static final Logger LOG = LoggerFactory.getLogger(ReadApi.class);
    private static final String WORKSPACE = "sync-ledger.workspace";

    static final ResourceType SYNC_LOG = new ResourceType("workspace_connector_sync_log",
            Map.of("workspace_connector_id", "workspace_connector", "workspace_id", "workspace"));
    static final ResourceType CONNECTOR_STATUS = new ResourceType("connector_status",
            Map.of("workspace_connector_id", "workspace_connector", "workspace_id", "workspace", "last_sync_log_id",
                    "workspace_connector_sync_log"));

    static final ResourceType DIAGNOSTIC = new ResourceType("connector_sync_diagnostic",
            Map.of("workspace_connector_id", "workspace_connector", "workspace_id", "workspace"));

    static final ResourceType ALERT = new ResourceType("connector_alert",
            Map.of("workspace_connector_id", "workspace_connector", "workspace_id", "workspace"));

    /** The workspace's rejected events by reason; its id is the reason. */
    static final ResourceType REJECTION_SUMMARY = new ResourceType("rejection_summary", Map.of());

    static final ResourceType COLLECT = new ResourceType("collect",
            Map.of("workspace_id", "workspace", "people_id", "people", "task_id", "task"));
    static final ResourceType LINK = new ResourceType("document_workspace_connector",
            Map.of("document_id", "document", "workspace_connector_id", "workspace_connector", "workspace_id", "workspace"));

    private final Javalin server;
    private final String host;
    private final Jdbi jdbi;
    private final ApiTokens tokens;
    private final Clock clock;

    private ReadApi(Jdbi jdbi, ApiTokens tokens, Clock clock, String host, int port) {
        this.jdbi = jdbi;
        warmQueries(jdbi);
        this.tokens = tokens;
        this.clock = clock;
        this.host = host;
        this.server = Javalin.create(config -> {
            config.jetty.host = host;
            config.jetty.port = port;
            // Each request holds a thread while it waits for one of the pool's connections; more threads than the pool can
            // serve only take turns on the CPU (Javalin's default is 250).
            config.jetty.threadPool = new QueuedThreadPool(MAX_THREADS, 4, 60_000);
            // No sessions here (a bearer token per request), so no request's cookies or URL are searched for a session id.
            config.jetty.modifyServletContextHandler(handler -> {
                handler.getSessionHandler().setUsingCookies(false);
                handler.getSessionHandler().setUsingUriParameters(false);
            });
            config.startup.showJavalinBanner = false;
            config.startup.showOldJavalinVersionWarning = false;
            // The connectors page and its two assets, from this jar: no CDN, nothing fetched from elsewhere.
            config.staticFiles.add("/web", Location.CLASSPATH);
            config.routes.before(ctx -> {
                ctx.header("Content-Security-Policy", "default-src 'self'; frame-ancestors 'none'");
                ctx.header("X-Content-Type-Options", "nosniff");
                ctx.header("Referrer-Policy", "no-referrer");
            });
            config.routes.before("/v1/*", this::authenticate);
            config.routes.get("/v1/workspace_connector_sync_log", this::syncLogs);
            config.routes.get("/v1/workspace_connector_sync_log/{id}", this::syncLog);
            config.routes.get("/v1/connector_sync_diagnostic", this::diagnostics);
            config.routes.get("/v1/connector_sync_diagnostic/{id}", this::diagnostic);
            config.routes.get("/v1/collect", this::collects);
            config.routes.get("/v1/collect/{id}", this::collect);
            config.routes.get("/v1/document_workspace_connector", this::links);
            config.routes.get("/v1/document_workspace_connector/{id}", this::link);
            config.routes.get("/v1/connector_alert", this::alerts);
            config.routes.get("/v1/connector_alert/{id}", this::alert);
            config.routes.get("/v1/connector_status", this::statuses);
            config.routes.get("/v1/connector_status/{id}", this::status);
            config.routes.get("/v1/rejection_summary", this::rejectionSummary);
            config.routes.exception(ApiError.class, (error, ctx) -> respond(ctx, error));
            config.routes.exception(Exception.class, (error, ctx) -> {
                LOG.warn("read API request {} failed: {}", ctx.path(), error.toString());
                respond(ctx, new ApiError(500, "Internal error", "the request could not be answered; see the server's log", null));
            });
            config.routes.error(404, ctx -> {
                // Javalin's own "endpoint not found" is plain text: answer it as a JSON:API error too.
                if (ctx.contentType() == null || !ctx.contentType().startsWith(JsonApi.MEDIA_TYPE)) {
                    respond(ctx, ApiError.notFound("no such resource or resource type: " + ctx.path()));
                }
            });
        });
    }

    /**
     * JDBI keeps what it learns of a SqlObject type in the configuration a handle copies when it opens: learnt on the
     * Jdbi itself once, every request's handle finds it there instead of learning it again (a fifth of the API's CPU).
     */
    private static void warmQueries(Jdbi jdbi) {
        Extensions extensions = jdbi.getConfig(Extensions.class);
        ExtensionFactory sqlObjects = extensions.findFactory(SqlObjectFactory.class)
                .orElseThrow(() -> new IllegalStateException("the read API needs JDBI's SqlObjectPlugin installed"));
        // Every query type of ReadQueries, found rather than listed, so a new one cannot be left cold.
        for (Class<?> type : ReadQueries.class.getDeclaredClasses()) {
            if (type.isInterface() && type != ReadQueries.Scope.class && ReadQueries.Scope.class.isAssignableFrom(type)) {
                extensions.findMetadata(type, sqlObjects);
            }
        }
    }

    /** Serves on {@code host:port} (0: a free port) until closed. */
    public static ReadApi start(Jdbi jdbi, ApiTokens tokens, String host, int port) {
        ReadApi api = new ReadApi(jdbi, tokens, Clock.systemUTC(), host, port);
        api.server.start();
        LOG.info("Read API at {}", api.uri());
        return api;
    }

    /** The tokens this API accepts, for a caller that mints them (the demo). */
    public ApiTokens tokens() {
        return tokens;
    }

    public URI uri() {
        return URI.create("http://" + host + ":" + server.port());
    }

    private void authenticate(Context ctx) {
        String header = ctx.header("Authorization");
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            throw ApiError.unauthorized("send Authorization: Bearer <token>");
        }
        try {
            ctx.attribute(WORKSPACE, tokens.verify(header.substring(7).trim(), clock.instant()));
        } catch (ApiTokens.InvalidTokenException e) {
            throw ApiError.unauthorized(e.getMessage());
        }
    }

    private void syncLogs(Context ctx) {
        Params params = new Params(ctx, Set.of("filter[status]", "filter[workspace_connector]", "filter[created_at][gte]",
                "filter[created_at][lt]", "filter[deleted]", "sort", "page[size]", "page[after]"));
        String sort = params.oneOf("sort", "-created_at", "created_at", "-created_at", "updated_at", "-updated_at");
        int size = params.pageSize();
        Cursor after = params.cursor();
        SyncLogFilter filter = new SyncLogFilter(params.includeDeleted(), params.oneOf("filter[status]", null, "scheduled", "in_progress",
                "success", "error"), params.uuid("filter[workspace_connector]"), params.instant("filter[created_at][gte]"),
                params.instant("filter[created_at][lt]"), sort.endsWith("updated_at"), sort.startsWith("-"),
                after == null ? null : after.value(), after == null ? null : after.uuid());
        List<Map<String, Object>> rows = read(ctx, ReadQueries.SyncLogs.class, queries -> queries.syncLogs(filter, size + 1));
        respondWithPage(ctx, SYNC_LOG, rows, size);
    }

    private void syncLog(Context ctx) {
        UUID id = pathId(ctx);
        boolean includeDeleted = new Params(ctx, Set.of("filter[deleted]")).includeDeleted();
        Map<String, Object> row = read(ctx, ReadQueries.SyncLogs.class, queries -> queries.syncLog(id, includeDeleted))
                .orElseThrow(() -> ApiError.notFound("no workspace_connector_sync_log " + id));
        respondWithOne(ctx, SYNC_LOG, row);
    }

    private void diagnostics(Context ctx) {
        Params params = new Params(ctx, Set.of("filter[reason]", "filter[workspace_connector]", "filter[created_at][gte]",
                "filter[created_at][lt]", "filter[deleted]", "sort", "page[size]", "page[after]"));
        String sort = params.oneOf("sort", "-created_at", "created_at", "-created_at");
        int size = params.pageSize();
        Cursor after = params.cursor();
        String reason = ctx.queryParam("filter[reason]");
        if (reason != null && !reason.matches("[a-z_]{1,64}")) {
            throw ApiError.badParameter("filter[reason]", "must be a reason of the data model, like auth_failed");
        }
        ReadQueries.DiagnosticFilter filter = new ReadQueries.DiagnosticFilter(params.includeDeleted(), reason,
                params.uuid("filter[workspace_connector]"), params.instant("filter[created_at][gte]"), params.instant("filter[created_at][lt]"),
                sort.startsWith("-"), after == null ? null : after.value(), after == null ? null : after.uuid());
        List<Map<String, Object>> rows = read(ctx, ReadQueries.Diagnostics.class, queries -> queries.diagnostics(filter, size + 1));
        respondWithPage(ctx, DIAGNOSTIC, rows, size);
    }

    private void diagnostic(Context ctx) {
        UUID id = pathId(ctx);
        boolean includeDeleted = new Params(ctx, Set.of("filter[deleted]")).includeDeleted();
        Map<String, Object> row = read(ctx, ReadQueries.Diagnostics.class, queries -> queries.diagnostic(id, includeDeleted))
                .orElseThrow(() -> ApiError.notFound("no connector_sync_diagnostic " + id));
        respondWithOne(ctx, DIAGNOSTIC, row);
    }

    private void collects(Context ctx) {
        Params params = new Params(ctx, Set.of("filter[status]", "filter[created_at][gte]", "filter[created_at][lt]", "filter[deleted]",
                "sort", "page[size]", "page[after]"));
        String sort = params.oneOf("sort", "-created_at", "created_at", "-created_at");
        int size = params.pageSize();
        Cursor after = params.cursor();
        ReadQueries.CollectFilter filter = new ReadQueries.CollectFilter(params.includeDeleted(),
                params.oneOf("filter[status]", null, "todo", "in_progress", "finalized", "error"), params.instant("filter[created_at][gte]"),
                params.instant("filter[created_at][lt]"), sort.startsWith("-"), after == null ? null : after.value(),
                after == null ? null : after.uuid());
        respondWithPage(ctx, COLLECT, read(ctx, ReadQueries.Collects.class, queries -> queries.collects(filter, size + 1)), size);
    }

    private void collect(Context ctx) {
        UUID id = pathId(ctx);
        boolean includeDeleted = new Params(ctx, Set.of("filter[deleted]")).includeDeleted();
        Map<String, Object> row = read(ctx, ReadQueries.Collects.class, queries -> queries.collect(id, includeDeleted))
                .orElseThrow(() -> ApiError.notFound("no collect " + id));
        respondWithOne(ctx, COLLECT, row);
    }

    private void links(Context ctx) {
        Params params = new Params(ctx, Set.of("filter[direction]", "filter[workspace_connector]", "filter[created_at][gte]",
                "filter[created_at][lt]", "filter[deleted]", "sort", "page[size]", "page[after]"));
        String sort = params.oneOf("sort", "-created_at", "created_at", "-created_at");
        int size = params.pageSize();
        Cursor after = params.cursor();
        ReadQueries.LinkFilter filter = new ReadQueries.LinkFilter(params.includeDeleted(), params.oneOf("filter[direction]", null, "input",
                "output"), params.uuid("filter[workspace_connector]"), params.instant("filter[created_at][gte]"),
                params.instant("filter[created_at][lt]"), sort.startsWith("-"), after == null ? null : after.value(),
                after == null ? null : after.id());
        respondWithPage(ctx, LINK, read(ctx, ReadQueries.Links.class, queries -> queries.links(filter, size + 1)), size);
    }

    /** A link's id is {@code <document_id>:<workspace_connector_id>:<direction>}. */
    private void link(Context ctx) {
        String[] parts = ctx.pathParam("id").split(":", -1);
        UUID document;
        UUID connector;
        try {
            document = UUID.fromString(parts[0]);
            connector = UUID.fromString(parts[1]);
        } catch (IllegalArgumentException | ArrayIndexOutOfBoundsException e) {
            throw ApiError.notFound("no document_workspace_connector " + ctx.pathParam("id")
                    + " (ids are <document_id>:<workspace_connector_id>:<direction>)");
        }
        if (parts.length != 3 || !(parts[2].equals("input") || parts[2].equals("output"))) {
            throw ApiError.notFound("no document_workspace_connector " + ctx.pathParam("id"));
        }
        boolean includeDeleted = new Params(ctx, Set.of("filter[deleted]")).includeDeleted();
        Map<String, Object> row = read(ctx, ReadQueries.Links.class, queries -> queries.link(document, connector, parts[2], includeDeleted))
                .orElseThrow(() -> ApiError.notFound("no document_workspace_connector " + ctx.pathParam("id")));
        respondWithOne(ctx, LINK, row);
    }

    private void alerts(Context ctx) {
        Params params = new Params(ctx, Set.of("filter[state]", "filter[kind]", "filter[workspace_connector]", "sort", "page[size]",
                "page[after]"));
        String sort = params.oneOf("sort", "-opened_at", "opened_at", "-opened_at");
        int size = params.pageSize();
        Cursor after = params.cursor();
        ReadQueries.AlertFilter filter = new ReadQueries.AlertFilter(params.oneOf("filter[state]", null, "open", "resolved"),
                params.oneOf("filter[kind]", null, "consecutive_failures", "overdue", "failure_diagnostics_burst"),
                params.uuid("filter[workspace_connector]"), sort.startsWith("-"), after == null ? null : after.value(),
                after == null ? null : after.uuid());
        List<Map<String, Object>> rows = read(ctx, ReadQueries.Alerts.class, queries -> queries.alerts(filter, size + 1));
        respondWithPage(ctx, ALERT, rows, size);
    }

    private void alert(Context ctx) {
        UUID id = pathId(ctx);
        new Params(ctx, Set.of());
        Map<String, Object> row = read(ctx, ReadQueries.Alerts.class, queries -> queries.alert(id)).orElseThrow(() -> ApiError.notFound("no connector_alert " + id));
        respondWithOne(ctx, ALERT, row);
    }

    private void statuses(Context ctx) {
        Params params = new Params(ctx, Set.of("filter[freshness]", "filter[workspace_connector]", "sort", "page[size]", "page[after]"));
        String sort = params.oneOf("sort", "-updated_at", "updated_at", "-updated_at");
        int size = params.pageSize();
        Cursor after = params.cursor();
        StatusFilter filter = new StatusFilter(params.oneOf("filter[freshness]", null, "on_time", "delayed", "overdue", "unknown"),
                params.uuid("filter[workspace_connector]"), sort.startsWith("-"), after == null ? null : after.value(),
                after == null ? null : after.uuid());
        List<Map<String, Object>> rows = read(ctx, ReadQueries.Statuses.class, queries -> queries.connectorStatuses(filter, size + 1));
        respondWithPage(ctx, CONNECTOR_STATUS, rows, size);
    }

    private void status(Context ctx) {
        UUID id = pathId(ctx);
        new Params(ctx, Set.of());
        Map<String, Object> row = read(ctx, ReadQueries.Statuses.class, queries -> queries.connectorStatus(id))
                .orElseThrow(() -> ApiError.notFound("no connector_status for workspace connector " + id));
        respondWithOne(ctx, CONNECTOR_STATUS, row);
    }

    /** Every reason at once, in one page: there are a few, and they do not grow with the data. */
    private void rejectionSummary(Context ctx) {
        new Params(ctx, Set.of());
        List<Map<String, Object>> rows = read(ctx, ReadQueries.Rejections.class, ReadQueries.Rejections::rejectionSummary);
        respondWithPage(ctx, REJECTION_SUMMARY, rows, rows.size());
    }

    /** One transaction as the reader, scoped to the token's workspace. */
    private <Q extends ReadQueries.Scope, T> T read(Context ctx, Class<Q> type, Function<Q, T> query) {
        String workspace = ctx.<UUID>attribute(WORKSPACE).toString();
        return jdbi.inTransaction(handle -> {
            Q queries = handle.attach(type);
            queries.scopeTo(workspace);
            return query.apply(queries);
        });
    }

    private static void respondWithOne(Context ctx, ResourceType type, Map<String, Object> row) {
        ctx.status(200).contentType(JsonApi.MEDIA_TYPE).result(JsonApi.one(type, row));
    }

    /** Asked for one more row than the page holds: if it came, there is a next page, which starts after the last shown. */
    private static void respondWithPage(Context ctx, ResourceType type, List<Map<String, Object>> rows, int size) {
        List<Map<String, Object>> page = rows.size() > size ? rows.subList(0, size) : rows;
        String next = null;
        if (rows.size() > size) {
            Map<String, Object> last = page.get(page.size() - 1);
            next = nextLink(ctx, new Cursor(((Timestamp) last.get("sort_value")).toInstant(), last.get("id").toString()));
        }
        ctx.status(200).contentType(JsonApi.MEDIA_TYPE).result(JsonApi.many(type, page, ctx.fullUrl(), next));
    }

    private static String nextLink(Context ctx, Cursor cursor) {
        StringBuilder link = new StringBuilder(ctx.path()).append('?');
        ctx.queryParamMap().forEach((name, values) -> {
            if (!name.equals("page[after]")) {
                values.forEach(value -> link.append(encode(name)).append('=').append(encode(value)).append('&'));
            }
        });
        return link.append(encode("page[after]")).append('=').append(cursor.encoded()).toString();
    }

    private static String encode(String text) {
        return java.net.URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    private static UUID pathId(Context ctx) {
        try {
            return UUID.fromString(ctx.pathParam("id"));
        } catch (IllegalArgumentException e) {
            throw ApiError.notFound("no resource with id " + ctx.pathParam("id") + " (ids are UUIDs)");
        }
    }

    private static void respond(Context ctx, ApiError error) {
        if (error.status() == 401) {
            ctx.header("WWW-Authenticate", "Bearer");
        }
        ctx.status(error.status()).contentType(JsonApi.MEDIA_TYPE)
                .result(JsonApi.error(error.status(), error.title(), error.detail(), error.parameter()));
    }

    @Override
    public void close() {
        server.stop();
    }

    /** Where the next page starts: after this sort value and id. Opaque to clients. */
    record Cursor(Instant value, String id) {

        String encoded() {
            return Base64.getUrlEncoder().withoutPadding().encodeToString((value + "|" + id).getBytes(StandardCharsets.UTF_8));
        }

        static Cursor decode(String text) {
            try {
                String[] parts = new String(Base64.getUrlDecoder().decode(text), StandardCharsets.UTF_8).split("\\|", 2);
                if (parts[1].isEmpty() || parts[1].length() > 200) {
                    throw new IllegalArgumentException("no id");
                }
                return new Cursor(Instant.parse(parts[0]), parts[1]);
            } catch (IllegalArgumentException | DateTimeParseException | ArrayIndexOutOfBoundsException e) {
                throw invalid();
            }
        }

        /** The id, for resources whose ids are UUIDs. */
        UUID uuid() {
            try {
                return UUID.fromString(id);
            } catch (IllegalArgumentException e) {
                throw invalid();
            }
        }

        private static ApiError invalid() {
            return ApiError.badParameter("page[after]", "not a cursor this API gave: take links.next as it is");
        }
    }

    /** A request's query parameters, each checked, naming the one at fault. */
    private static final class Params {

        private final Context ctx;

        Params(Context ctx, Set<String> allowed) {
            this.ctx = ctx;
            for (String name : ctx.queryParamMap().keySet()) {
                if (!allowed.contains(name)) {
                    throw ApiError.badParameter(name, "not a parameter of this endpoint; it takes "
                            + (allowed.isEmpty() ? "none" : String.join(", ", allowed.stream().sorted().toList())));
                }
                if (ctx.queryParams(name).size() > 1) {
                    throw ApiError.badParameter(name, "given more than once");
                }
            }
        }

        String oneOf(String name, String fallback, String... values) {
            String value = ctx.queryParam(name);
            if (value == null) {
                return fallback;
            }
            for (String allowed : values) {
                if (allowed.equals(value)) {
                    return value;
                }
            }
            throw ApiError.badParameter(name, "must be one of " + String.join(", ", values) + ", was '" + shortened(value) + "'");
        }

        int pageSize() {
            String value = ctx.queryParam("page[size]");
            if (value == null) {
                return DEFAULT_PAGE_SIZE;
            }
            try {
                int size = Integer.parseInt(value);
                if (size >= 1 && size <= MAX_PAGE_SIZE) {
                    return size;
                }
            } catch (NumberFormatException e) {
                // reported below
            }
            throw ApiError.badParameter("page[size]", "must be a whole number from 1 to " + MAX_PAGE_SIZE + ", was '" + shortened(value) + "'");
        }

        Cursor cursor() {
            String value = ctx.queryParam("page[after]");
            return value == null ? null : Cursor.decode(value);
        }

        UUID uuid(String name) {
            String value = ctx.queryParam(name);
            if (value == null) {
                return null;
            }
            try {
                return UUID.fromString(value);
            } catch (IllegalArgumentException e) {
                throw ApiError.badParameter(name, "must be a UUID, was '" + shortened(value) + "'");
            }
        }

        Instant instant(String name) {
            String value = ctx.queryParam(name);
            if (value == null) {
                return null;
            }
            try {
                return Instant.parse(value);
            } catch (DateTimeParseException e) {
                throw ApiError.badParameter(name, "must be an ISO-8601 instant like 2026-12-06T10:00:00Z, was '" + shortened(value) + "'");
            }
        }

        boolean includeDeleted() {
            return "include".equals(oneOf("filter[deleted]", "exclude", "include", "exclude"));
        }

        private static String shortened(String value) {
            return value.length() <= 64 ? value : value.substring(0, 64) + "…";
        }
    }

    /** A request the API refuses, as a JSON:API error object. */
    static final class ApiError extends RuntimeException {

        private final int status;
        private final String title;
        private final String parameter;

        ApiError(int status, String title, String detail, String parameter) {
            super(detail, null, false, false);
            this.status = status;
            this.title = title;
            this.parameter = parameter;
        }

        static ApiError unauthorized(String detail) {
            return new ApiError(401, "Unauthorized", detail, null);
        }

        static ApiError notFound(String detail) {
            return new ApiError(404, "Not found", detail, null);
        }

        static ApiError badParameter(String parameter, String detail) {
            return new ApiError(400, "Invalid query parameter", parameter + ": " + detail, parameter);
        }

        int status() {
            return status;
        }

        String title() {
            return title;
        }

        String detail() {
            return getMessage();
        }

        String parameter() {
            return parameter;
        }

        Optional<String> parameterName() {
            return Optional.ofNullable(parameter);
        }
    }
}
