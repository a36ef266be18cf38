package dev.syncledger.app.generate;

import java.util.List;
import java.util.function.Function;

/**
 * Why a run fails: the error text its {@code sync.failed} carries and the failure diagnostic emitted
 * with it. Between them the kinds cover every failure reason of {@code sync_failure_reason_enum};
 * their weights make HTTP errors, rate limits and timeouts common and mapping trouble rarer.
 */
enum FailureKind {

    TOKEN_EXPIRED(14, RunLength.FAST, scene -> new Failure(
            "HTTP 401 from " + scene.slug() + ": access token expired (invalid_token)",
            "auth_scope_insufficient", 401, scene.tool(),
            scene.tool() + " answered 401 invalid_token and refreshing the OAuth token failed with invalid_grant")),

    SCOPE_MISSING(4, RunLength.FAST, scene -> new Failure(
            "HTTP 403 from " + scene.slug() + ": insufficient scope, " + scene.provider().scope() + " is required",
            "auth_scope_insufficient", 403, scene.tool(),
            scene.tool() + " needs the scope " + scene.provider().scope() + ", which the connection was not granted")),

    RATE_LIMITED(12, RunLength.NORMAL, scene -> {
        long retryAfter = scene.draw().pick(List.of(30L, 60L, 120L, 300L));
        return new Failure(
                "HTTP 429 from " + scene.slug() + ": rate limit exceeded, retry after " + retryAfter + "s",
                "tool_execution_failed", 429, scene.tool(),
                scene.tool() + " was throttled on page " + scene.page() + " after 3 retries (Retry-After: " + retryAfter + ")");
    }),

    SERVER_ERROR(14, RunLength.NORMAL, scene -> {
        int status = scene.draw().pick(List.of(500, 502, 502, 503, 503, 503, 504));
        String phrase = switch (status) {
            case 500 -> "Internal Server Error";
            case 502 -> "Bad Gateway";
            case 503 -> "Service Unavailable";
            default -> "Gateway Timeout";
        };
        return new Failure("HTTP " + status + " from " + scene.slug() + ": " + phrase,
                "tool_execution_failed", status, scene.tool(),
                scene.tool() + " failed on page " + scene.page() + ": the provider answered " + status + " " + phrase);
    }),

    TIMEOUT(8, RunLength.TIMEOUT, scene -> new Failure(
            "timed out after " + RunLength.TIMEOUT_SECONDS + "s waiting for " + scene.tool() + " (page " + scene.page() + ")",
            "tool_execution_failed", null, scene.tool(),
            scene.tool() + " did not answer page " + scene.page() + " within the " + RunLength.TIMEOUT_SECONDS + "s tool budget")),

    CONNECTION_RESET(4, RunLength.NORMAL, scene -> new Failure(
            "connection reset by peer while fetching page " + scene.page() + " from " + scene.slug(),
            "tool_execution_failed", null, scene.tool(),
            scene.tool() + ": read ECONNRESET on page " + scene.page())),

    MALFORMED_PAYLOAD(5, RunLength.NORMAL, scene -> new Failure(
            "malformed payload from " + scene.slug() + ": unexpected character '<' at line 1, column 1 (an HTML page instead of JSON)",
            "jsonata_generation_failed", 200, scene.tool(),
            "could not generate a JSONata mapping for " + scene.targetModel() + ": the " + scene.tool() + " response is not JSON")),

    MAPPING_HARD_FAIL(3, RunLength.NORMAL, scene -> new Failure(
            "mapping generation failed for " + scene.targetModel() + " after 3 attempts",
            "mapping_generation_hard_fail", null, scene.tool(),
            "no JSONata expression for " + scene.targetModel() + " passed validation after 3 attempts; the sync stops")),

    ENTITIES_DROPPED(4, RunLength.NORMAL, scene -> {
        long count = scene.draw().between(1, 60);
        String field = scene.field();
        return new Failure(
                "malformed payload from " + scene.slug() + ": every mapped " + scene.targetModel() + " lacks the required field '" + field + "'",
                "mapped_entities_dropped", 200, scene.tool(),
                "Validator rejected " + count + "/" + count + " mapped entities: required field '" + field
                        + "' null after JSONata mapping for tool " + scene.tool());
    }),

    ENTITIES_PARTIALLY_DROPPED(3, RunLength.NORMAL, scene -> {
        long count = scene.draw().between(10, 200);
        long dropped = scene.draw().between(1, count / 2);
        String field = scene.field();
        return new Failure(
                dropped + " of " + count + " " + scene.targetModel() + " records could not be mapped: invalid '" + field + "'",
                "mapped_entities_partial_drop", 200, scene.tool(),
                "Validator rejected " + dropped + "/" + count + " mapped entities: field '" + field
                        + "' has the wrong type after JSONata mapping for tool " + scene.tool());
    }),

    NO_SUITABLE_TOOL(2, RunLength.FAST, scene -> new Failure(
            "no tool of the " + scene.slug() + " MCP server can read " + scene.targetModel(),
            "no_suitable_tool", null, null,
            "tool selection found no candidate for " + scene.targetModel() + " among the tools " + scene.slug() + " exposes")),

    TOOL_NOT_FOUND(2, RunLength.FAST, scene -> new Failure(
            "tool " + scene.tool() + " is no longer exposed by the " + scene.slug() + " MCP server",
            "tool_not_found", null, scene.tool(),
            "the pinned tool " + scene.tool() + " is missing from the server's tool list")),

    EMPTY_RESULT(3, RunLength.NORMAL, scene -> new Failure(
            scene.tool() + " returned no " + scene.targetModel() + " records although the previous sync found some",
            "empty_result", 200, scene.tool(),
            scene.tool() + " returned an empty first page; the previous successful sync saw "
                    + scene.draw().between(20, 900) + " " + scene.targetModel() + " records")),

    JURY_PARTIAL(2, RunLength.NORMAL, scene -> new Failure(
            "mapping jury incomplete for " + scene.targetModel() + ": 2 of 3 judges answered",
            "jury_partial", null, scene.tool(),
            "jury returned 2/3 verdicts on the " + scene.targetModel() + " mapping of " + scene.tool() + "; unanimity is required")),

    JURY_QUORUM_LOST(2, RunLength.NORMAL, scene -> new Failure(
            "mapping jury lost its quorum for " + scene.targetModel() + ": 1 of 3 judges answered",
            "jury_quorum_lost", null, scene.tool(),
            "jury quorum lost on the " + scene.targetModel() + " mapping: 2 judges timed out after 60s")),

    BLUEPRINT_NOT_SAVED(2, RunLength.NORMAL, scene -> new Failure(
            "could not save the sync blueprint: duplicate key value violates unique constraint \"sync_blueprints_connector_model_key\"",
            "blueprint_persistence_failed", null, scene.tool(),
            "persisting the " + scene.targetModel() + " blueprint failed: duplicate key (workspace_connector_pk, target_model)")),

    FK_PARENT_MISSING(2, RunLength.NORMAL, scene -> {
        String parent = parentOf(scene.targetModel());
        return new Failure(
                scene.draw().between(1, 40) + " " + scene.targetModel() + " records reference a missing " + parent,
                "fk_parent_missing", null, scene.tool(),
                scene.targetModel() + " " + scene.draw().hex(8) + " references " + parent + " " + scene.draw().hex(8)
                        + ", which this sync has not persisted");
    }),

    ENTITIES_NOT_SAVED(2, RunLength.NORMAL, scene -> {
        long count = scene.draw().between(5, 500);
        return new Failure(
                "could not save " + count + " " + scene.targetModel() + " records: deadlock detected",
                "entity_persist_failed", null, scene.tool(),
                "ERROR: deadlock detected (SQLSTATE 40P01) while upserting " + count + " " + scene.targetModel() + " entities");
    }),

    FK_CYCLE(1, RunLength.FAST, scene -> new Failure(
            "cannot order the sync: foreign keys form a cycle journal_entry -> ledger_account -> journal -> journal_entry",
            "sync_fk_dag_cycle", null, null,
            "topological sort of the target models failed: cycle journal_entry -> ledger_account -> journal -> journal_entry")),

    REGRESSION_REVERTED(1, RunLength.NORMAL, scene -> new Failure(
            "mapping change reverted: " + scene.targetModel() + " accuracy fell from 0.97 to 0.71",
            "regression_reverted", null, scene.tool(),
            "regression check on 50 sampled " + scene.targetModel() + " records fell from 0.97 to 0.71; the previous mapping is restored"));

    private static final List<FailureKind> ALL = List.of(values());

    private final int weight;
    private final RunLength length;
    private final Function<SyncScene, Failure> describe;

    FailureKind(int weight, RunLength length, Function<SyncScene, Failure> describe) {
        this.weight = weight;
        this.length = length;
        this.describe = describe;
    }

    static FailureKind draw(Draw draw) {
        return draw.weighted(ALL, kind -> kind.weight);
    }

    RunLength length() {
        return length;
    }

    boolean isAuthentication() {
        return this == TOKEN_EXPIRED || this == SCOPE_MISSING;
    }

    Failure describe(SyncScene scene) {
        return describe.apply(scene);
    }

    private static String parentOf(String targetModel) {
        return switch (targetModel) {
            case "journal_entry" -> "journal";
            case "invoice_transaction" -> "invoice";
            case "transaction", "payment_means" -> "account";
            case "ledger_account" -> "journal";
            default -> "company";
        };
    }

    /** A failed run as the platform records it: the run's error and its failure diagnostic. */
    record Failure(String error, String reason, Integer httpStatus, String toolName, String detail) {}
}
