-- Connectors failing right now, worst first (most runs ended in error since their latest success),
-- with what they last said and how many diagnostics they hold within retention.
SELECT w.workspace_id,
       c.workspace_connector_id,
       s.consecutive_failures,
       s.last_sync_status,
       s.last_error_at,
       s.last_error,
       s.last_success_at,
       s.failed_runs,
       s.total_runs,
       s.active_failure_diagnostics,
       s.active_informational_diagnostics
FROM connector_status s
JOIN workspace_connectors c ON c.pk = s.workspace_connector_pk
JOIN workspaces w ON w.pk = s.workspace_pk
WHERE s.consecutive_failures > 0
ORDER BY s.consecutive_failures DESC, s.last_success_at ASC NULLS FIRST, c.workspace_connector_id
LIMIT 20;
