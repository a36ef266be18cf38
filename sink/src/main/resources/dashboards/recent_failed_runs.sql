-- The latest runs that ended in error, newest first, each with the diagnostics its connector
-- recorded while it ran (from its start, or its creation when it never started, to its end).
SELECT c.workspace_connector_id,
       l.workspace_connector_sync_log_id,
       l.started_at,
       l.completed_at,
       l.error,
       diagnostics.failures,
       diagnostics.signals,
       diagnostics.details
FROM workspace_connector_sync_logs l
JOIN workspace_connectors c ON c.pk = l.workspace_connector_pk
CROSS JOIN LATERAL (
    SELECT count(*) FILTER (WHERE NOT sync_failure_reason_is_informational(d.reason)) AS failures,
           count(*) FILTER (WHERE sync_failure_reason_is_informational(d.reason))     AS signals,
           string_agg(d.reason || coalesce(' ' || d.tool_name, '') || coalesce(' HTTP ' || d.http_status, '')
                          || ' - ' || d.detail, ' | ' ORDER BY d.occurred_at)       AS details
    FROM connector_sync_diagnostics d
    WHERE d.workspace_connector_pk = l.workspace_connector_pk
      AND d.occurred_at BETWEEN coalesce(l.started_at, l.created_at) AND l.completed_at
) diagnostics
WHERE l.status = 'error' AND l.deleted_at IS NULL
ORDER BY l.completed_at DESC, l.workspace_connector_sync_log_id
LIMIT 50;
