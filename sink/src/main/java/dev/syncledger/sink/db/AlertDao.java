package dev.syncledger.sink.db;

import java.util.UUID;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** Writes connector_alerts. */
public interface AlertDao {

    /**
     * Every transition of a batch in one statement, in alert id order. An alert only moves from open to resolved:
     * a redelivered or replayed "open" leaves a stored alert as it is, first opened_at included.
     */
    @SqlUpdate("""
            INSERT INTO connector_alerts (alert_id, workspace_pk, workspace_connector_pk, kind, state, opened_at, resolved_at, details)
            SELECT alert_id, workspace_pk, workspace_connector_pk,
                   CAST(kind AS connector_alert_kind_enum), CAST(state AS connector_alert_state_enum),
                   opened_at, resolved_at, CAST(details AS jsonb)
            FROM unnest(:alertId, :workspacePk, :workspaceConnectorPk, :kind, :state, :openedAt, :resolvedAt, :details)
                AS batch (alert_id, workspace_pk, workspace_connector_pk, kind, state, opened_at, resolved_at, details)
            ORDER BY alert_id
            ON CONFLICT (alert_id) DO UPDATE SET
                state = EXCLUDED.state,
                resolved_at = EXCLUDED.resolved_at,
                details = EXCLUDED.details
            WHERE connector_alerts.state = 'open' AND EXCLUDED.state = 'resolved'
            """)
    void upsert(@BindMethods AlertColumns batch);

    @SqlUpdate("DELETE FROM connector_alerts WHERE alert_id = ANY(:ids)")
    int delete(@Bind("ids") UUID[] alertIds);
}
