package dev.syncledger.app.api;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.mapper.MapMapper;
import org.jdbi.v3.sqlobject.config.RegisterRowMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.SqlQuery;

/**
 * What the read API asks PostgreSQL. Every statement runs as {@code sync_ledger_reader} with the request's
 * workspace set ({@link Scope}, first in each transaction), so row-level security keeps other workspaces out; none filters on the
 * workspace itself. Optional filters are parameters that are NULL when absent. Pages are keysets on (sort value,
 * public id), in either direction: a row written or deleted between two pages neither repeats nor hides another.
 * Internal pks are joined away: only public ids leave.
 *
 * <p>One small SqlObject per resource type, not one for all: JDBI builds a handler for every method of an interface
 * each time it is attached, once per request, and that was a quarter of the API's CPU with all of them in one.
 */
public interface ReadQueries {

    /**
     * Every reader's statements start with this one: from here to the end of the transaction the request acts as
     * {@code sync_ledger_reader}, and row-level security lets only this workspace's rows through. One statement, not a
     * SET ROLE and then a set_config: a round trip fewer for every request.
     */
    interface Scope {

        @SqlQuery("SELECT set_config('role', 'sync_ledger_reader', true), set_config('sync_ledger.workspace_id', :workspace, true)")
        String scopeTo(@Bind("workspace") String workspaceId);
    }

    String SYNC_LOG_COLUMNS = """
            l.workspace_connector_sync_log_id AS id, c.workspace_connector_id, w.workspace_id,
            l.status::text AS status, l.trigger_type::text AS trigger_type, l.cloud_task_id, l.started_at, l.completed_at,
            l.duration_ms, l.error, l.metadata::text AS metadata, l.created_at, l.updated_at, l.deleted_at
            """;

    /** Workspace connector sync logs. */
    @RegisterRowMapper(MapMapper.class)
    interface SyncLogs extends Scope {

        /**
         * One page of runs. Each order has its own statement, whose ORDER BY and keyset condition name the sort columns
         * plainly: that is what lets PostgreSQL read a page of (workspace_pk, created_at, id) in order and stop after it.
         */
        default List<Map<String, Object>> syncLogs(SyncLogFilter filter, int limit) {
            if (filter.byUpdated()) {
                return filter.descending() ? syncLogsUpdatedDesc(filter, limit) : syncLogsUpdatedAsc(filter, limit);
            }
            return filter.descending() ? syncLogsCreatedDesc(filter, limit) : syncLogsCreatedAsc(filter, limit);
        }

        String SYNC_LOG_PAGE = """
                FROM workspace_connector_sync_logs l
                JOIN workspace_connectors c ON c.pk = l.workspace_connector_pk
                JOIN workspaces w ON w.pk = l.workspace_pk
                WHERE (:includeDeleted OR l.deleted_at IS NULL)
                  AND (CAST(:status AS text) IS NULL OR l.status = CAST(:status AS connector_sync_status_enum))
                  AND (CAST(:connector AS uuid) IS NULL OR c.workspace_connector_id = :connector)
                  AND (CAST(:createdFrom AS timestamptz) IS NULL OR l.created_at >= :createdFrom)
                  AND (CAST(:createdBefore AS timestamptz) IS NULL OR l.created_at < :createdBefore)
                """;

        @SqlQuery("SELECT " + SYNC_LOG_COLUMNS + ", l.created_at AS sort_value " + SYNC_LOG_PAGE + """
                  AND (l.created_at, l.workspace_connector_sync_log_id) < (:keysetValue, :keysetId)
                ORDER BY l.created_at DESC, l.workspace_connector_sync_log_id DESC
                LIMIT :limit
                """)
        List<Map<String, Object>> syncLogsCreatedDesc(@BindMethods SyncLogFilter filter, @Bind("limit") int limit);

        @SqlQuery("SELECT " + SYNC_LOG_COLUMNS + ", l.created_at AS sort_value " + SYNC_LOG_PAGE + """
                  AND (l.created_at, l.workspace_connector_sync_log_id) > (:keysetValue, :keysetId)
                ORDER BY l.created_at, l.workspace_connector_sync_log_id
                LIMIT :limit
                """)
        List<Map<String, Object>> syncLogsCreatedAsc(@BindMethods SyncLogFilter filter, @Bind("limit") int limit);

        @SqlQuery("SELECT " + SYNC_LOG_COLUMNS + ", l.updated_at AS sort_value " + SYNC_LOG_PAGE + """
                  AND (l.updated_at, l.workspace_connector_sync_log_id) < (:keysetValue, :keysetId)
                ORDER BY l.updated_at DESC, l.workspace_connector_sync_log_id DESC
                LIMIT :limit
                """)
        List<Map<String, Object>> syncLogsUpdatedDesc(@BindMethods SyncLogFilter filter, @Bind("limit") int limit);

        @SqlQuery("SELECT " + SYNC_LOG_COLUMNS + ", l.updated_at AS sort_value " + SYNC_LOG_PAGE + """
                  AND (l.updated_at, l.workspace_connector_sync_log_id) > (:keysetValue, :keysetId)
                ORDER BY l.updated_at, l.workspace_connector_sync_log_id
                LIMIT :limit
                """)
        List<Map<String, Object>> syncLogsUpdatedAsc(@BindMethods SyncLogFilter filter, @Bind("limit") int limit);

        @SqlQuery("SELECT " + SYNC_LOG_COLUMNS + """
                FROM workspace_connector_sync_logs l
                JOIN workspace_connectors c ON c.pk = l.workspace_connector_pk
                JOIN workspaces w ON w.pk = l.workspace_pk
                WHERE l.workspace_connector_sync_log_id = :id AND (:includeDeleted OR l.deleted_at IS NULL)
                """)
        Optional<Map<String, Object>> syncLog(@Bind("id") UUID id, @Bind("includeDeleted") boolean includeDeleted);
    }

    String STATUS_COLUMNS = """
            c.workspace_connector_id AS id, c.workspace_connector_id, w.workspace_id,
            s.last_sync_log_id, s.last_sync_status::text AS last_sync_status, s.last_sync_created_at, s.last_success_at,
            s.last_error_at, s.last_error, s.consecutive_failures, s.total_runs, s.succeeded_runs, s.failed_runs,
            s.records_synced_total, s.active_failure_diagnostics, s.active_informational_diagnostics,
            s.active_input_documents, s.active_output_documents, s.freshness::text AS freshness, s.expected_interval_ms,
            s.next_expected_at, s.freshness_changed_at, s.updated_at,
            h.success_rate_7d, h.success_rate_30d, h.p50_duration_ms, h.p95_duration_ms
            """;

    /** connector_health is computed when read, per connector: joined on one page of statuses, not on the table. */
    String STATUS_FROM = """
            FROM connector_status s
            JOIN workspace_connectors c ON c.pk = s.workspace_connector_pk
            JOIN workspaces w ON w.pk = s.workspace_pk
            LEFT JOIN connector_health h ON h.workspace_connector_pk = s.workspace_connector_pk
            """;

    /** Connector statuses, with their health. */
    @RegisterRowMapper(MapMapper.class)
    interface Statuses extends Scope {

        @SqlQuery("SELECT " + STATUS_COLUMNS + ", s.updated_at AS sort_value " + STATUS_FROM + """
                WHERE (CAST(:freshness AS text) IS NULL OR s.freshness = CAST(:freshness AS connector_freshness_enum))
                  AND (CAST(:connector AS uuid) IS NULL OR c.workspace_connector_id = :connector)
                  AND (CAST(:afterValue AS timestamptz) IS NULL
                       OR (:descending AND (s.updated_at, c.workspace_connector_id) < (CAST(:afterValue AS timestamptz), CAST(:afterId AS uuid)))
                       OR (NOT :descending AND (s.updated_at, c.workspace_connector_id) > (CAST(:afterValue AS timestamptz), CAST(:afterId AS uuid))))
                ORDER BY CASE WHEN :descending THEN s.updated_at END DESC, CASE WHEN :descending THEN c.workspace_connector_id END DESC,
                         CASE WHEN NOT :descending THEN s.updated_at END ASC, CASE WHEN NOT :descending THEN c.workspace_connector_id END ASC
                LIMIT :limit
                """)
        List<Map<String, Object>> connectorStatuses(@BindMethods StatusFilter filter, @Bind("limit") int limit);

        @SqlQuery("SELECT " + STATUS_COLUMNS + STATUS_FROM + "WHERE c.workspace_connector_id = :id")
        Optional<Map<String, Object>> connectorStatus(@Bind("id") UUID workspaceConnectorId);
    }

    String DIAGNOSTIC_COLUMNS = """
            d.diagnostic_id AS id, c.workspace_connector_id, w.workspace_id, d.target_model::text AS target_model, d.tool_name,
            d.reason::text AS reason, d.http_status, d.detail, d.occurred_at, d.created_at, d.updated_at, d.deleted_at
            """;

    String DIAGNOSTIC_FROM = """
            FROM connector_sync_diagnostics d
            JOIN workspace_connectors c ON c.pk = d.workspace_connector_pk
            JOIN workspaces w ON w.pk = d.workspace_pk
            """;

    /** Connector sync diagnostics. */
    @RegisterRowMapper(MapMapper.class)
    interface Diagnostics extends Scope {

        /** One page of diagnostics, newest or oldest first; one statement per order, as for runs. */
        default List<Map<String, Object>> diagnostics(DiagnosticFilter filter, int limit) {
            return filter.descending() ? diagnosticsNewestFirst(filter, limit) : diagnosticsOldestFirst(filter, limit);
        }

        String DIAGNOSTIC_PAGE = DIAGNOSTIC_FROM + """
                WHERE (:includeDeleted OR d.deleted_at IS NULL)
                  AND (CAST(:reason AS text) IS NULL OR d.reason::text = :reason)
                  AND (CAST(:connector AS uuid) IS NULL OR c.workspace_connector_id = :connector)
                  AND (CAST(:createdFrom AS timestamptz) IS NULL OR d.created_at >= :createdFrom)
                  AND (CAST(:createdBefore AS timestamptz) IS NULL OR d.created_at < :createdBefore)
                """;

        @SqlQuery("SELECT " + DIAGNOSTIC_COLUMNS + ", d.created_at AS sort_value " + DIAGNOSTIC_PAGE + """
                  AND (d.created_at, d.diagnostic_id) < (:keysetValue, :keysetId)
                ORDER BY d.created_at DESC, d.diagnostic_id DESC
                LIMIT :limit
                """)
        List<Map<String, Object>> diagnosticsNewestFirst(@BindMethods DiagnosticFilter filter, @Bind("limit") int limit);

        @SqlQuery("SELECT " + DIAGNOSTIC_COLUMNS + ", d.created_at AS sort_value " + DIAGNOSTIC_PAGE + """
                  AND (d.created_at, d.diagnostic_id) > (:keysetValue, :keysetId)
                ORDER BY d.created_at, d.diagnostic_id
                LIMIT :limit
                """)
        List<Map<String, Object>> diagnosticsOldestFirst(@BindMethods DiagnosticFilter filter, @Bind("limit") int limit);

        @SqlQuery("SELECT " + DIAGNOSTIC_COLUMNS + DIAGNOSTIC_FROM + "WHERE d.diagnostic_id = :id AND (:includeDeleted OR d.deleted_at IS NULL)")
        Optional<Map<String, Object>> diagnostic(@Bind("id") UUID id, @Bind("includeDeleted") boolean includeDeleted);
    }

    /** The filters of a diagnostic list; nulls mean "any". */
    record DiagnosticFilter(boolean includeDeleted, String reason, UUID connector, java.time.Instant createdFrom,
                            java.time.Instant createdBefore, boolean descending, java.time.Instant afterValue, UUID afterId) {

        public java.time.OffsetDateTime keysetValue() {
            return KeysetStart.value(afterValue, descending);
        }

        public UUID keysetId() {
            return KeysetStart.id(afterValue, afterId, descending);
        }
    }

    String ALERT_COLUMNS = """
            a.alert_id AS id, c.workspace_connector_id, w.workspace_id, a.kind::text AS kind, a.state::text AS state, a.opened_at,
            a.resolved_at, a.details::text AS details
            """;

    String ALERT_FROM = """
            FROM connector_alerts a
            JOIN workspace_connectors c ON c.pk = a.workspace_connector_pk
            JOIN workspaces w ON w.pk = a.workspace_pk
            """;

    /** Connector alerts. */
    @RegisterRowMapper(MapMapper.class)
    interface Alerts extends Scope {

        @SqlQuery("SELECT " + ALERT_COLUMNS + ", a.opened_at AS sort_value " + ALERT_FROM + """
                WHERE (CAST(:state AS text) IS NULL OR a.state::text = :state)
                  AND (CAST(:kind AS text) IS NULL OR a.kind::text = :kind)
                  AND (CAST(:connector AS uuid) IS NULL OR c.workspace_connector_id = :connector)
                  AND (CAST(:afterValue AS timestamptz) IS NULL
                       OR (:descending AND (a.opened_at, a.alert_id) < (CAST(:afterValue AS timestamptz), CAST(:afterId AS uuid)))
                       OR (NOT :descending AND (a.opened_at, a.alert_id) > (CAST(:afterValue AS timestamptz), CAST(:afterId AS uuid))))
                ORDER BY CASE WHEN :descending THEN a.opened_at END DESC, CASE WHEN :descending THEN a.alert_id END DESC,
                         CASE WHEN NOT :descending THEN a.opened_at END ASC, CASE WHEN NOT :descending THEN a.alert_id END ASC
                LIMIT :limit
                """)
        List<Map<String, Object>> alerts(@BindMethods AlertFilter filter, @Bind("limit") int limit);

        @SqlQuery("SELECT " + ALERT_COLUMNS + ALERT_FROM + "WHERE a.alert_id = :id")
        Optional<Map<String, Object>> alert(@Bind("id") UUID id);
    }

    /** The filters of an alert list; nulls mean "any". */
    record AlertFilter(String state, String kind, UUID connector, boolean descending, java.time.Instant afterValue, UUID afterId) {}

    String COLLECT_COLUMNS = """
            k.collect_id AS id, w.workspace_id, p.people_id, t.task_id, k.provider, k.status::text AS status, k.started_at, k.ended_at,
            k.created_at, k.updated_at, k.deleted_at
            """;

    /** A collect without a workspace is nobody's: the inner join and row-level security both leave it out. */
    String COLLECT_FROM = """
            FROM collects k
            JOIN workspaces w ON w.pk = k.workspace_pk
            JOIN peoples p ON p.pk = k.people_pk
            LEFT JOIN tasks t ON t.pk = k.task_pk
            """;

    /** Collects that belong to a workspace. */
    @RegisterRowMapper(MapMapper.class)
    interface Collects extends Scope {

        @SqlQuery("SELECT " + COLLECT_COLUMNS + ", k.created_at AS sort_value " + COLLECT_FROM + """
                WHERE (:includeDeleted OR k.deleted_at IS NULL)
                  AND (CAST(:status AS text) IS NULL OR k.status::text = :status)
                  AND (CAST(:createdFrom AS timestamptz) IS NULL OR k.created_at >= :createdFrom)
                  AND (CAST(:createdBefore AS timestamptz) IS NULL OR k.created_at < :createdBefore)
                  AND (CAST(:afterValue AS timestamptz) IS NULL
                       OR (:descending AND (k.created_at, k.collect_id) < (CAST(:afterValue AS timestamptz), CAST(:afterId AS uuid)))
                       OR (NOT :descending AND (k.created_at, k.collect_id) > (CAST(:afterValue AS timestamptz), CAST(:afterId AS uuid))))
                ORDER BY CASE WHEN :descending THEN k.created_at END DESC, CASE WHEN :descending THEN k.collect_id END DESC,
                         CASE WHEN NOT :descending THEN k.created_at END ASC, CASE WHEN NOT :descending THEN k.collect_id END ASC
                LIMIT :limit
                """)
        List<Map<String, Object>> collects(@BindMethods CollectFilter filter, @Bind("limit") int limit);

        @SqlQuery("SELECT " + COLLECT_COLUMNS + COLLECT_FROM + "WHERE k.collect_id = :id AND (:includeDeleted OR k.deleted_at IS NULL)")
        Optional<Map<String, Object>> collect(@Bind("id") UUID id, @Bind("includeDeleted") boolean includeDeleted);
    }

    /** A link has no public id of its own: its id is document, connector and direction, as its state topic keys it. */
    String LINK_COLUMNS = """
            doc.document_id::text || ':' || c.workspace_connector_id::text || ':' || d.direction::text AS id,
            doc.document_id, c.workspace_connector_id, w.workspace_id, d.direction::text AS direction, d.created_at, d.updated_at,
            d.deleted_at
            """;

    String LINK_FROM = """
            FROM document_workspace_connectors d
            JOIN documents doc ON doc.pk = d.document_pk
            JOIN workspace_connectors c ON c.pk = d.workspace_connector_pk
            JOIN workspaces w ON w.pk = c.workspace_pk
            """;

    /** Document-workspace-connector links. */
    @RegisterRowMapper(MapMapper.class)
    interface Links extends Scope {

        @SqlQuery("SELECT " + LINK_COLUMNS + ", d.created_at AS sort_value " + LINK_FROM + """
                WHERE (:includeDeleted OR d.deleted_at IS NULL)
                  AND (CAST(:direction AS text) IS NULL OR d.direction::text = :direction)
                  AND (CAST(:connector AS uuid) IS NULL OR c.workspace_connector_id = :connector)
                  AND (CAST(:createdFrom AS timestamptz) IS NULL OR d.created_at >= :createdFrom)
                  AND (CAST(:createdBefore AS timestamptz) IS NULL OR d.created_at < :createdBefore)
                  AND (CAST(:afterValue AS timestamptz) IS NULL
                       OR (:descending AND (d.created_at, doc.document_id::text || ':' || c.workspace_connector_id::text || ':' || d.direction::text)
                                           < (CAST(:afterValue AS timestamptz), CAST(:afterId AS text)))
                       OR (NOT :descending AND (d.created_at, doc.document_id::text || ':' || c.workspace_connector_id::text || ':' || d.direction::text)
                                           > (CAST(:afterValue AS timestamptz), CAST(:afterId AS text))))
                ORDER BY CASE WHEN :descending THEN d.created_at END DESC,
                         CASE WHEN :descending THEN doc.document_id::text || ':' || c.workspace_connector_id::text || ':' || d.direction::text END DESC,
                         CASE WHEN NOT :descending THEN d.created_at END ASC,
                         CASE WHEN NOT :descending THEN doc.document_id::text || ':' || c.workspace_connector_id::text || ':' || d.direction::text END ASC
                LIMIT :limit
                """)
        List<Map<String, Object>> links(@BindMethods LinkFilter filter, @Bind("limit") int limit);

        @SqlQuery("SELECT " + LINK_COLUMNS + LINK_FROM + """
                WHERE doc.document_id = :document AND c.workspace_connector_id = :connector AND d.direction::text = :direction
                  AND (:includeDeleted OR d.deleted_at IS NULL)
                """)
        Optional<Map<String, Object>> link(@Bind("document") UUID document, @Bind("connector") UUID connector,
                                           @Bind("direction") String direction, @Bind("includeDeleted") boolean includeDeleted);
    }

    /** Rejected events of the workspace, counted by reason. */
    @RegisterRowMapper(MapMapper.class)
    interface Rejections extends Scope {

        /**
         * The rejections of events that named the workspace, by reason: row-level security keeps every other row out (and
         * the reader may select only these columns of rejected_events, never what the publisher sent). Reasons are the
         * processor's and the sink's fixed set, so the answer is a few rows whatever the table holds; the last 24 hours
         * are the database's, as rejected_at is compared with its own clock. At most 100 reasons, whatever a writer of the
         * rejected-events topic invents.
         */
        @SqlQuery("""
                SELECT reason AS id, reason, count(*) AS total,
                       count(*) FILTER (WHERE rejected_at >= now() - interval '24 hours') AS last_24h,
                       max(rejected_at) AS last_rejected_at
                FROM rejected_events
                GROUP BY reason
                ORDER BY reason
                LIMIT 100
                """)
        List<Map<String, Object>> rejectionSummary();
    }

    /** The filters of a collect list; nulls mean "any". */
    record CollectFilter(boolean includeDeleted, String status, java.time.Instant createdFrom, java.time.Instant createdBefore,
                         boolean descending, java.time.Instant afterValue, UUID afterId) {}

    /** The filters of a document-link list; nulls mean "any". */
    record LinkFilter(boolean includeDeleted, String direction, UUID connector, java.time.Instant createdFrom,
                      java.time.Instant createdBefore, boolean descending, java.time.Instant afterValue, String afterId) {}

    /** The filters of a sync-log list; nulls mean "any". */
    record SyncLogFilter(boolean includeDeleted, String status, UUID connector, java.time.Instant createdFrom,
                         java.time.Instant createdBefore, boolean byUpdated, boolean descending, java.time.Instant afterValue,
                         UUID afterId) {

        public java.time.OffsetDateTime keysetValue() {
            return KeysetStart.value(afterValue, descending);
        }

        public UUID keysetId() {
            return KeysetStart.id(afterValue, afterId, descending);
        }
    }

    /** The filters of a connector-status list; nulls mean "any". */
    record StatusFilter(String freshness, UUID connector, boolean descending, java.time.Instant afterValue, UUID afterId) {}
}
