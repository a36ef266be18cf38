-- Connectors that stopped syncing: overdue first, then delayed, the longest late first. Freshness is data
-- freshness (the age of the latest success against the connector's expected interval), so a connector whose
-- scheduler died shows here though it has no failed run. Reads idx_connector_status_late.
SELECT w.workspace_id,
       c.workspace_connector_id,
       s.freshness,
       s.expected_interval_ms,
       s.next_expected_at,
       s.last_success_at,
       s.last_sync_created_at,
       s.freshness_changed_at
FROM connector_status s
JOIN workspace_connectors c ON c.pk = s.workspace_connector_pk
JOIN workspaces w ON w.pk = s.workspace_pk
WHERE s.freshness IN ('delayed', 'overdue')
ORDER BY s.freshness DESC, s.next_expected_at ASC, c.workspace_connector_id
LIMIT 20;
