-- One row per workspace connector for the dashboards, as the processor folds it from sync logs,
-- diagnostics and document links; and the per-run document counts.

CREATE TABLE connector_status (
    pk                               bigserial                  PRIMARY KEY,
    workspace_connector_pk           bigint                     NOT NULL REFERENCES workspace_connectors (pk) ON DELETE CASCADE,
    workspace_pk                     bigint                     NOT NULL REFERENCES workspaces (pk) ON DELETE CASCADE,
    -- No foreign key: the sync log comes on another topic and may reach the database later.
    last_sync_log_id                 uuid,
    last_sync_status                 connector_sync_status_enum,
    last_sync_created_at             timestamptz,
    last_success_at                  timestamptz,
    last_error_at                    timestamptz,
    last_error                       text,
    consecutive_failures             integer                    NOT NULL,
    total_runs                       bigint                     NOT NULL,
    succeeded_runs                   bigint                     NOT NULL,
    failed_runs                      bigint                     NOT NULL,
    records_synced_total             bigint                     NOT NULL,
    active_failure_diagnostics       bigint                     NOT NULL,
    active_informational_diagnostics bigint                     NOT NULL,
    active_input_documents           bigint                     NOT NULL,
    active_output_documents          bigint                     NOT NULL,
    updated_at                       timestamptz                NOT NULL,
    -- Not part of the entity: the state topic's revision, so that a replayed older state never overwrites a newer one.
    revision                         bigint                     NOT NULL,
    CONSTRAINT connector_status_workspace_connector_key UNIQUE (workspace_connector_pk),
    CONSTRAINT connector_status_counts_not_negative CHECK (
        consecutive_failures >= 0 AND total_runs >= 0 AND succeeded_runs >= 0 AND failed_runs >= 0
        AND records_synced_total >= 0 AND active_failure_diagnostics >= 0 AND active_informational_diagnostics >= 0
        AND active_input_documents >= 0 AND active_output_documents >= 0),
    CONSTRAINT connector_status_runs_add_up CHECK (succeeded_runs + failed_runs <= total_runs)
);

CREATE INDEX idx_connector_status_workspace ON connector_status (workspace_pk);

-- Worst connectors first: the failing ones, most consecutive failures first.
CREATE INDEX idx_connector_status_failing ON connector_status (consecutive_failures DESC)
    WHERE consecutive_failures > 0;

-- Per sync log that is not soft-deleted: the documents linked to its connector, in each direction,
-- while it ran (link created_at between the run's started_at and completed_at; links not deleted).
-- A run without both times counts 0. The lateral subquery is one range scan of idx_dwc_wc_created_at
-- per run, so filtering the view on a run or a connector reads only that run's links.
CREATE VIEW sync_log_document_counts AS
SELECT l.workspace_connector_sync_log_id,
       l.workspace_pk,
       l.workspace_connector_pk,
       l.status,
       l.started_at,
       l.completed_at,
       counts.input_documents,
       counts.output_documents
FROM workspace_connector_sync_logs l
CROSS JOIN LATERAL (
    SELECT count(*) FILTER (WHERE d.direction = 'input')  AS input_documents,
           count(*) FILTER (WHERE d.direction = 'output') AS output_documents
    FROM document_workspace_connectors d
    WHERE d.workspace_connector_pk = l.workspace_connector_pk
      AND d.created_at BETWEEN l.started_at AND l.completed_at
      AND d.deleted_at IS NULL
) counts
WHERE l.deleted_at IS NULL;
