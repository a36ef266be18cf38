-- The read API lists a workspace's runs a page at a time, newest first. With only (workspace_pk), every request read
-- all of the workspace's runs (one heap page each) and sorted them to return 100. The data model's workspace index
-- gains the sort key and the tie-breaker, so a page is read in order and the scan stops after it: the same number of
-- indexes for the sink to maintain, and everything the plain (workspace_pk) index served is served by its prefix.
CREATE INDEX idx_workspace_connector_sync_logs_workspace_created
    ON workspace_connector_sync_logs (workspace_pk, created_at, workspace_connector_sync_log_id);
DROP INDEX idx_workspace_connector_sync_logs_workspace;
ALTER INDEX idx_workspace_connector_sync_logs_workspace_created RENAME TO idx_workspace_connector_sync_logs_workspace;

-- Diagnostics are listed the same way (newest first, by created_at, tie-broken by diagnostic_id).
CREATE INDEX idx_connector_sync_diagnostics_workspace_created
    ON connector_sync_diagnostics (workspace_pk, created_at, diagnostic_id);
DROP INDEX idx_connector_sync_diagnostics_workspace;
ALTER INDEX idx_connector_sync_diagnostics_workspace_created RENAME TO idx_connector_sync_diagnostics_workspace;
