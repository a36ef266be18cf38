package dev.syncledger.app.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.syncledger.app.testing.TestDatabase;
import dev.syncledger.sink.db.Database;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The read API on the real PostgreSQL: tokens, workspace scoping, filters, sort, pages, errors. */
class ReadApiIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final byte[] SECRET = "an-api-secret-for-tests-of-32-bytes!".getBytes(StandardCharsets.UTF_8);
    private static final ApiTokens TOKENS = new ApiTokens(SECRET);
    /** Every generated run lies in the past, so runs written while paging (created now) are newer than all of them. */
    private static final Instant T0 = Instant.now().minus(Duration.ofDays(30)).truncatedTo(java.time.temporal.ChronoUnit.MINUTES);
    private static final int W1_RUNS = 10_000;
    private static final UUID W1 = UUID.randomUUID();
    private static final UUID W2 = UUID.randomUUID();
    private static final UUID C1 = UUID.randomUUID();
    private static final UUID C2 = UUID.randomUUID();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private static TestDatabase testDatabase;
    private static Database database;
    private static ReadApi api;
    private static final List<UUID> w1Live = new ArrayList<>();
    private static final List<UUID> w1Deleted = new ArrayList<>();
    private static UUID w2Run;
    private static final UUID W1_ALERT = UUID.randomUUID();
    private static final UUID W1_COLLECT = UUID.randomUUID();
    private static final UUID ORPHAN_COLLECT = UUID.randomUUID();
    private static final UUID DOCUMENT_A = UUID.randomUUID();
    private static final UUID DOCUMENT_B = UUID.randomUUID();

    @BeforeAll
    static void start() {
        testDatabase = TestDatabase.freshSchema();
        database = Database.connect(testDatabase.url(), testDatabase.schema());
        database.migrate();
        database.jdbi().useHandle(handle -> {
            long w1 = workspace(handle, W1);
            long w2 = workspace(handle, W2);
            long c1 = connector(handle, C1, w1);
            long c2 = connector(handle, C2, w2);
            // One statement: run i is created at minute i, every fourth fails, every tenth is soft-deleted.
            handle.createUpdate("""
                    INSERT INTO workspace_connector_sync_logs (status, error, created_at, updated_at, deleted_at, workspace_connector_pk,
                                                               workspace_pk, revision)
                    SELECT CASE WHEN i % 4 = 0 THEN 'error' ELSE 'success' END::connector_sync_status_enum,
                           CASE WHEN i % 4 = 0 THEN 'boom' END,
                           CAST(:t0 AS timestamptz) + i * interval '1 minute', CAST(:t0 AS timestamptz) + i * interval '1 minute',
                           CASE WHEN i % 10 = 9 THEN CAST(:t0 AS timestamptz) + i * interval '1 minute' + interval '1 second' END,
                           :c, :w, 1
                    FROM generate_series(0, :n - 1) AS i
                    """).bind("t0", T0).bind("c", c1).bind("w", w1).bind("n", W1_RUNS).execute();
            handle.createQuery("SELECT workspace_connector_sync_log_id, deleted_at IS NOT NULL FROM workspace_connector_sync_logs"
                            + " WHERE workspace_pk = :w ORDER BY created_at")
                    .bind("w", w1)
                    .map((rs, ctx) -> (rs.getBoolean(2) ? w1Deleted : w1Live).add(rs.getObject(1, UUID.class)))
                    .list();
            w2Run = run(handle, c2, w2, "success", T0, false);
            status(handle, c1, w1, "overdue");
            status(handle, c2, w2, "on_time");
            handle.createUpdate("""
                    INSERT INTO connector_alerts (alert_id, workspace_pk, workspace_connector_pk, kind, state, opened_at, details)
                    VALUES (:a1, :w1, :c1, 'overdue', 'open', :at, '{"expected_interval_ms": 3600000}'),
                           (:a2, :w2, :c2, 'consecutive_failures', 'open', :at, '{}')
                    """).bind("a1", W1_ALERT).bind("a2", UUID.randomUUID()).bind("w1", w1).bind("w2", w2).bind("c1", c1).bind("c2", c2)
                    .bind("at", T0).execute();
            long people = handle.createQuery("INSERT INTO peoples (people_id) VALUES (gen_random_uuid()) RETURNING pk").mapTo(Long.class).one();
            handle.createUpdate("""
                    INSERT INTO collects (collect_id, provider, status, created_at, people_pk, workspace_pk, revision)
                    VALUES (:mine, 'linkedin', 'finalized', :at, :p, :w1, 1), (gen_random_uuid(), 'linkedin', 'error', :at, :p, :w2, 1),
                           (:orphan, 'linkedin', 'finalized', :at, :p, NULL, 1)
                    """).bind("mine", W1_COLLECT).bind("orphan", ORPHAN_COLLECT).bind("at", T0).bind("p", people).bind("w1", w1).bind("w2", w2)
                    .execute();
            for (UUID document : List.of(DOCUMENT_A, DOCUMENT_B)) {
                long doc = handle.createQuery("INSERT INTO documents (document_id) VALUES (:d) RETURNING pk").bind("d", document)
                        .mapTo(Long.class).one();
                handle.createUpdate("""
                        INSERT INTO document_workspace_connectors (document_pk, workspace_connector_pk, direction, created_at, revision)
                        VALUES (:doc, :c1, 'input', :at, 1), (:doc, :c2, 'output', :at, 1)
                        """).bind("doc", doc).bind("c1", c1).bind("c2", c2).bind("at", T0).execute();
            }
            // Rejections by the database's clock: W1's span the 24-hour edge, W2's and unnamed ones must never count for W1.
            handle.createUpdate("""
                    INSERT INTO rejected_events (event_id, reason, message, source_topic, source_partition, source_offset, payload,
                                                 rejected_at, kafka_cluster_id, workspace_id)
                    SELECT gen_random_uuid()::text, r.reason, 'refused', 'connector-sync.sync-runs', 0, r.n, '\\x00'::bytea,
                           now() - r.age, 'read-api-test', r.workspace
                    FROM (VALUES (1, 'malformed', interval '25 hours', CAST(:w1 AS uuid)),
                                 (2, 'malformed', interval '23 hours', CAST(:w1 AS uuid)),
                                 (3, 'missing_error', interval '30 days', CAST(:w1 AS uuid)),
                                 (4, 'workspace_mismatch', interval '1 minute', CAST(:w1 AS uuid)),
                                 (5, 'malformed', interval '1 minute', CAST(:w2 AS uuid)),
                                 (6, 'field_too_long', interval '1 minute', CAST(:w2 AS uuid)),
                                 (7, 'malformed', interval '1 minute', NULL),
                                 (8, 'processing_failed', interval '1 minute', NULL)) AS r (n, reason, age, workspace)
                    """).bind("w1", W1).bind("w2", W2).execute();
        });
        api = ReadApi.start(database.jdbi(), TOKENS, "127.0.0.1", 0);
    }

    @AfterAll
    static void stop() {
        api.close();
        database.close();
        testDatabase.close();
    }

    /**
     * Every order of a list has a plan that reads the workspace's index in that order and stops after the page: with
     * sorting forbidden, a statement that could only be answered by sorting all of W1's runs would still show a Sort.
     */
    @Test
    void shouldReadAPageInIndexOrderInsteadOfSortingTheWorkspace() throws Exception {
        for (String method : List.of("syncLogsCreatedDesc", "syncLogsCreatedAsc", "diagnosticsNewestFirst", "diagnosticsOldestFirst")) {
            Class<?> filterType = method.startsWith("syncLogs") ? ReadQueries.SyncLogFilter.class : ReadQueries.DiagnosticFilter.class;
            Class<?> queries = method.startsWith("syncLogs") ? ReadQueries.SyncLogs.class : ReadQueries.Diagnostics.class;
            String sql = queries.getMethod(method, filterType, int.class).getAnnotation(SqlQuery.class).value();
            boolean descending = method.endsWith("Desc") || method.endsWith("NewestFirst");
            Object filter = method.startsWith("syncLogs")
                    ? new ReadQueries.SyncLogFilter(false, null, null, null, null, false, descending, null, null)
                    : new ReadQueries.DiagnosticFilter(false, null, null, null, null, descending, null, null);
            String plan = database.jdbi().inTransaction(h -> {
                h.execute("SET LOCAL ROLE sync_ledger_reader");
                h.execute("SELECT set_config('sync_ledger.workspace_id', ?, true)", W1.toString());
                h.execute("SET LOCAL enable_sort = off");
                return String.join("\n", h.createQuery("EXPLAIN " + sql).bindMethods(filter).bind("limit", 101).mapTo(String.class).list());
            });

            assertThat(plan).as(method).doesNotContain("Sort")
                    .containsPattern(method.startsWith("syncLogs") ? "idx_workspace_connector_sync_logs_workspace" : "idx_connector_sync_diagnostics_workspace");
        }
    }

    @Test
    void refusesARequestWithoutAValidUnexpiredToken() throws Exception {
        assertThat(get("/v1/connector_status", null).statusCode()).isEqualTo(401);
        assertThat(get("/v1/connector_status", "not-a-jwt").statusCode()).isEqualTo(401);
        String expired = TOKENS.mint(W1, Duration.ofMinutes(1), Instant.now().minus(Duration.ofHours(1)));
        HttpResponse<String> response = get("/v1/connector_status", expired);
        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("WWW-Authenticate")).contains("Bearer");
        assertThat(errors(response).get(0).path("detail").asText()).contains("expired");
        String otherSecret = new ApiTokens("another-secret-of-at-least-32-bytes!!".getBytes(StandardCharsets.UTF_8))
                .mint(W1, Duration.ofHours(1), Instant.now());
        assertThat(get("/v1/connector_status", otherSecret).statusCode()).isEqualTo(401);
        // alg "none", unsigned, with a valid-looking payload.
        String unsigned = base64("{\"alg\":\"none\"}") + "." + base64("{\"workspace_id\":\"" + W1 + "\",\"exp\":9999999999}") + ".";
        assertThat(get("/v1/connector_status", unsigned).statusCode()).isEqualTo(401);
    }

    @Test
    void pagesThroughTenThousandRowsOnceEachWhileRowsKeepComing() throws Exception {
        Set<UUID> seen = new HashSet<>();
        List<UUID> order = new ArrayList<>();
        String next = "/v1/workspace_connector_sync_log?page%5Bsize%5D=100";
        int pages = 0;
        while (next != null) {
            HttpResponse<String> response = get(next, token(W1));
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith(JsonApi.MEDIA_TYPE));
            JsonNode body = JSON.readTree(response.body());
            for (JsonNode resource : body.path("data")) {
                assertThat(resource.path("type").asText()).isEqualTo("workspace_connector_sync_log");
                assertThat(resource.path("attributes").has("pk")).isFalse();
                assertThat(resource.path("relationships").path("workspace").path("data").path("id").asText()).isEqualTo(W1.toString());
                UUID id = UUID.fromString(resource.path("id").asText());
                assertThat(seen.add(id)).as("row %s repeated", id).isTrue();
                order.add(id);
            }
            // The sink keeps writing: a new run between pages is newer than every page's cursor, so no page shifts.
            database.jdbi().useHandle(handle -> run(handle, connectorPk(handle, C1), workspacePk(handle, W1), "success", Instant.now(), false));
            next = body.path("links").path("next").isNull() ? null : body.path("links").path("next").asText();
            pages++;
        }
        assertThat(pages).isEqualTo(W1_RUNS * 9 / 10 / 100);
        assertThat(seen).containsExactlyInAnyOrderElementsOf(w1Live);
        List<UUID> newestFirst = new ArrayList<>(w1Live);
        java.util.Collections.reverse(newestFirst);
        assertThat(order).as("the default sort, -created_at").containsExactlyElementsOf(newestFirst);
    }

    @Test
    void filtersByStatusTimeAndDeletedAndSortsAscending() throws Exception {
        JsonNode errors = JSON.readTree(get("/v1/workspace_connector_sync_log?filter%5Bstatus%5D=error&page%5Bsize%5D=100", token(W1)).body());
        assertThat(errors.path("data")).isNotEmpty().allSatisfy(run -> assertThat(run.path("attributes").path("status").asText()).isEqualTo("error"));

        JsonNode window = JSON.readTree(get("/v1/workspace_connector_sync_log?sort=created_at&filter%5Bcreated_at%5D%5Bgte%5D="
                + T0.plusSeconds(600) + "&filter%5Bcreated_at%5D%5Blt%5D=" + T0.plusSeconds(1200), token(W1)).body());
        List<String> created = new ArrayList<>();
        window.path("data").forEach(run -> created.add(run.path("attributes").path("created_at").asText()));
        assertThat(created).isSorted().allSatisfy(at -> assertThat(Instant.parse(at)).isBetween(T0.plusSeconds(600), T0.plusSeconds(1199)));
        assertThat(created).hasSize(9); // minutes 10..19, minus the deleted one at 19

        UUID deleted = w1Deleted.get(0);
        assertThat(get("/v1/workspace_connector_sync_log/" + deleted, token(W1)).statusCode()).isEqualTo(404);
        HttpResponse<String> included = get("/v1/workspace_connector_sync_log/" + deleted + "?filter%5Bdeleted%5D=include", token(W1));
        assertThat(included.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(included.body()).path("data").path("attributes").path("deleted_at").isNull()).isFalse();
    }

    @Test
    void anotherWorkspacesIdIsNotFoundAndItsRowsNeverListed() throws Exception {
        assertThat(get("/v1/workspace_connector_sync_log/" + w2Run, token(W1)).statusCode()).isEqualTo(404);
        assertThat(get("/v1/workspace_connector_sync_log/" + w2Run, token(W2)).statusCode()).isEqualTo(200);
        assertThat(get("/v1/connector_status/" + C2, token(W1)).statusCode()).isEqualTo(404);

        JsonNode statuses = JSON.readTree(get("/v1/connector_status", token(W1)).body());
        assertThat(statuses.path("data")).hasSize(1);
        assertThat(statuses.path("data").get(0).path("id").asText()).isEqualTo(C1.toString());
        assertThat(statuses.path("data").get(0).path("attributes").path("freshness").asText()).isEqualTo("overdue");
        JsonNode none = JSON.readTree(get("/v1/connector_status?filter%5Bfreshness%5D=on_time", token(W1)).body());
        assertThat(none.path("data")).isEmpty();
        JsonNode nobody = JSON.readTree(get("/v1/workspace_connector_sync_log", token(UUID.randomUUID())).body());
        assertThat(nobody.path("data")).as("a token for a workspace with no rows").isEmpty();
    }

    @Test
    void listsTheWorkspacesAlertsWithTheirDetails() throws Exception {
        JsonNode alerts = JSON.readTree(get("/v1/connector_alert?filter%5Bstate%5D=open", token(W1)).body());
        assertThat(alerts.path("data")).hasSize(1);
        JsonNode alert = alerts.path("data").get(0);
        assertThat(alert.path("id").asText()).isEqualTo(W1_ALERT.toString());
        assertThat(alert.path("attributes").path("kind").asText()).isEqualTo("overdue");
        assertThat(alert.path("attributes").path("details").path("expected_interval_ms").asLong()).isEqualTo(3_600_000L);
        assertThat(get("/v1/connector_alert/" + W1_ALERT, token(W2)).statusCode()).isEqualTo(404);
        assertBadParameter("/v1/connector_alert?filter%5Bkind%5D=late", "filter[kind]");
    }

    @Test
    void listsCollectsOfTheWorkspaceOnlyAndNeverOnesWithoutAWorkspace() throws Exception {
        JsonNode collects = JSON.readTree(get("/v1/collect", token(W1)).body());
        assertThat(collects.path("data")).extracting(c -> c.path("id").asText()).containsExactly(W1_COLLECT.toString());
        assertThat(collects.path("data").get(0).path("relationships").path("people").path("data").path("type").asText()).isEqualTo("people");
        assertThat(get("/v1/collect/" + ORPHAN_COLLECT, token(W1)).statusCode()).isEqualTo(404);
        assertThat(get("/v1/collect/" + W1_COLLECT, token(W2)).statusCode()).isEqualTo(404);
    }

    @Test
    void pagesThroughDocumentLinksByTheirCompositeIdAndReadsOneByIt() throws Exception {
        List<String> ids = new ArrayList<>();
        String next = "/v1/document_workspace_connector?page%5Bsize%5D=1";
        while (next != null) {
            JsonNode page = JSON.readTree(get(next, token(W1)).body());
            page.path("data").forEach(link -> ids.add(link.path("id").asText()));
            next = page.path("links").path("next").isNull() ? null : page.path("links").path("next").asText();
        }
        assertThat(ids).containsExactlyInAnyOrder(DOCUMENT_A + ":" + C1 + ":input", DOCUMENT_B + ":" + C1 + ":input");
        HttpResponse<String> one = get("/v1/document_workspace_connector/" + DOCUMENT_A + ":" + C1 + ":input", token(W1));
        assertThat(one.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(one.body()).path("data").path("attributes").path("direction").asText()).isEqualTo("input");
        assertThat(get("/v1/document_workspace_connector/" + DOCUMENT_A + ":" + C2 + ":output", token(W1)).statusCode())
                .as("the same document's link to another workspace's connector").isEqualTo(404);
    }

    @Test
    void summarisesTheRejectionsOfEventsNamingTheWorkspaceByReason() throws Exception {
        assertThat(get("/v1/rejection_summary", null).statusCode()).isEqualTo(401);

        HttpResponse<String> response = get("/v1/rejection_summary", token(W1));

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode data = JSON.readTree(response.body()).path("data");
        assertThat(data).extracting(reason -> reason.path("id").asText()).containsExactly("malformed", "missing_error", "workspace_mismatch");
        assertThat(data).extracting(reason -> reason.path("type").asText()).containsOnly("rejection_summary");
        assertThat(data).extracting(reason -> reason.path("attributes").path("total").asLong()).containsExactly(2L, 1L, 1L);
        assertThat(data).extracting(reason -> reason.path("attributes").path("last_24h").asLong()).containsExactly(1L, 0L, 1L);
        JsonNode malformed = data.get(0).path("attributes");
        assertThat(malformed.path("reason").asText()).isEqualTo("malformed");
        assertThat(Instant.parse(malformed.path("last_rejected_at").asText()))
                .isBetween(Instant.now().minus(Duration.ofHours(24)), Instant.now().minus(Duration.ofHours(22)));
        List<String> attributes = new ArrayList<>();
        malformed.fieldNames().forEachRemaining(attributes::add);
        assertThat(attributes).as("counts, never what the publisher sent").containsExactlyInAnyOrder("reason", "total", "last_24h",
                "last_rejected_at");
        assertThat(JSON.readTree(response.body()).path("links").path("next").isNull()).as("one page, whatever the table holds").isTrue();

        JsonNode w2 = JSON.readTree(get("/v1/rejection_summary", token(W2)).body()).path("data");
        assertThat(w2).extracting(reason -> reason.path("id").asText()).containsExactly("field_too_long", "malformed");
        assertThat(w2).extracting(reason -> reason.path("attributes").path("total").asLong()).containsExactly(1L, 1L);
        assertThat(JSON.readTree(get("/v1/rejection_summary", token(UUID.randomUUID())).body()).path("data"))
                .as("a workspace no rejected event named").isEmpty();
        assertBadParameter("/v1/rejection_summary?filter%5Bworkspace%5D=" + W2, "filter[workspace]");
        assertBadParameter("/v1/rejection_summary?page%5Bsize%5D=1", "page[size]");
    }

    @Test
    void namesTheParameterAtFault() throws Exception {
        assertBadParameter("/v1/workspace_connector_sync_log?page%5Bsize%5D=500", "page[size]");
        assertBadParameter("/v1/workspace_connector_sync_log?sort=pk", "sort");
        assertBadParameter("/v1/workspace_connector_sync_log?filter%5Bworkspace%5D=x", "filter[workspace]");
        assertBadParameter("/v1/workspace_connector_sync_log?filter%5Bworkspace_connector%5D=nope", "filter[workspace_connector]");
        assertBadParameter("/v1/workspace_connector_sync_log?filter%5Bcreated_at%5D%5Bgte%5D=yesterday", "filter[created_at][gte]");
        assertBadParameter("/v1/workspace_connector_sync_log?page%5Bafter%5D=garbage", "page[after]");
        HttpResponse<String> unknown = get("/v1/collects_of_mars", token(W1));
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(errors(unknown)).isNotEmpty();
    }

    private static void assertBadParameter(String path, String parameter) throws Exception {
        HttpResponse<String> response = get(path, token(W1));
        assertThat(response.statusCode()).as(path).isEqualTo(400);
        JsonNode error = errors(response).get(0);
        assertThat(error.path("status").asText()).isEqualTo("400");
        assertThat(error.path("source").path("parameter").asText()).isEqualTo(parameter);
    }

    private static List<JsonNode> errors(HttpResponse<String> response) throws Exception {
        List<JsonNode> errors = new ArrayList<>();
        JSON.readTree(response.body()).path("errors").forEach(errors::add);
        return errors;
    }

    private static HttpResponse<String> get(String pathAndQuery, String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(api.uri() + pathAndQuery)).timeout(Duration.ofSeconds(10)).GET();
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String token(UUID workspace) {
        return TOKENS.mint(workspace, Duration.ofMinutes(5), Instant.now());
    }

    private static String base64(String json) {
        return java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    private static long workspace(Handle handle, UUID id) {
        return handle.createQuery("INSERT INTO workspaces (workspace_id) VALUES (:id) RETURNING pk").bind("id", id).mapTo(Long.class).one();
    }

    private static long connector(Handle handle, UUID id, long workspace) {
        return handle.createQuery("INSERT INTO workspace_connectors (workspace_connector_id, workspace_pk) VALUES (:id, :w) RETURNING pk")
                .bind("id", id).bind("w", workspace).mapTo(Long.class).one();
    }

    private static long workspacePk(Handle handle, UUID id) {
        return handle.createQuery("SELECT pk FROM workspaces WHERE workspace_id = :id").bind("id", id).mapTo(Long.class).one();
    }

    private static long connectorPk(Handle handle, UUID id) {
        return handle.createQuery("SELECT pk FROM workspace_connectors WHERE workspace_connector_id = :id").bind("id", id).mapTo(Long.class).one();
    }

    private static UUID run(Handle handle, long connector, long workspace, String status, Instant createdAt, boolean deleted) {
        UUID id = UUID.randomUUID();
        handle.createUpdate("""
                INSERT INTO workspace_connector_sync_logs (workspace_connector_sync_log_id, status, error, created_at, updated_at, deleted_at,
                                                           workspace_connector_pk, workspace_pk, revision)
                VALUES (:id, CAST(:status AS connector_sync_status_enum), :error, :at, :at, :deleted, :c, :w, 1)
                """).bind("id", id).bind("status", status).bind("error", status.equals("error") ? "boom" : null).bind("at", createdAt)
                .bind("deleted", deleted ? createdAt.plusSeconds(1) : null).bind("c", connector).bind("w", workspace).execute();
        return id;
    }

    private static void status(Handle handle, long connector, long workspace, String freshness) {
        handle.createUpdate("""
                INSERT INTO connector_status (workspace_connector_pk, workspace_pk, consecutive_failures, total_runs, succeeded_runs,
                    failed_runs, records_synced_total, active_failure_diagnostics, active_informational_diagnostics,
                    active_input_documents, active_output_documents, updated_at, revision, freshness)
                VALUES (:c, :w, 0, 0, 0, 0, 0, 0, 0, 0, 0, :at, 1, CAST(:freshness AS connector_freshness_enum))
                """).bind("c", connector).bind("w", workspace).bind("at", T0).bind("freshness", freshness).execute();
    }
}
