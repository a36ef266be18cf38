package dev.syncledger.app.demo;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.statement.SqlQuery;

/** What the demo's report asks the database besides the dashboard queries it shows. */
interface DemoQueries {

    /** Alerts by kind and state. */
    @SqlQuery("SELECT kind::text AS kind, state::text AS state, count(*) AS alerts FROM connector_alerts GROUP BY kind, state")
    @RegisterConstructorMapper(AlertCount.class)
    List<AlertCount> alertCounts();

    /** The workspace with the most late or failing connectors, for the demo's example token. */
    @SqlQuery("""
            SELECT w.workspace_id
            FROM connector_status s JOIN workspaces w ON w.pk = s.workspace_pk
            GROUP BY w.workspace_id
            ORDER BY count(*) FILTER (WHERE s.freshness <> 'on_time' OR s.consecutive_failures > 0) DESC, w.workspace_id
            LIMIT 1
            """)
    Optional<UUID> worstWorkspace();

    record AlertCount(String kind, String state, long alerts) {}
}
