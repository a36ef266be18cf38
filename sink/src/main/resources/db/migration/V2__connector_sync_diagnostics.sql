-- Connector sync diagnostics (data model page ConnectorSyncDiagnostic). Insert-only: the sink never
-- updates a row; the processor's retention sends a tombstone and the sink deletes the row.

CREATE TYPE target_model_enum AS ENUM (
    'company', 'people', 'invoice', 'transaction', 'account', 'ledger_account', 'journal',
    'journal_entry', 'email', 'payment_means', 'invoice_transaction', 'document');

CREATE TYPE sync_failure_reason_enum AS ENUM (
    'no_suitable_tool', 'tool_not_found', 'auth_scope_insufficient', 'tool_execution_failed',
    'empty_result', 'jsonata_generation_failed', 'schema_drift_detected', 'jury_run', 'jury_partial',
    'jury_disagreement', 'jury_quorum_lost', 'blueprint_persistence_failed', 'mapped_entities_dropped',
    'mapped_entities_partial_drop', 'fk_parent_missing', 'entity_persist_failed', 'sync_fk_dag_cycle',
    'regression_reverted', 'target_skipped', 'structured_pipeline_degraded',
    'structured_pipeline_fell_back_to_legacy', 'mapping_generation_hard_fail', 'tool_selection_pinned');

CREATE TABLE connector_sync_diagnostics (
    pk                     bigserial                PRIMARY KEY,
    diagnostic_id          uuid                     NOT NULL DEFAULT gen_random_uuid(),
    target_model           target_model_enum        NOT NULL,
    tool_name              text,
    reason                 sync_failure_reason_enum NOT NULL,
    http_status            integer,
    detail                 text                     NOT NULL,
    occurred_at            timestamptz              NOT NULL DEFAULT now(),
    created_at             timestamptz              NOT NULL DEFAULT now(),
    updated_at             timestamptz,
    deleted_at             timestamptz,
    workspace_pk           bigint                   NOT NULL REFERENCES workspaces (pk) ON DELETE CASCADE,
    workspace_connector_pk bigint                   NOT NULL REFERENCES workspace_connectors (pk) ON DELETE CASCADE,
    CONSTRAINT connector_sync_diagnostics_diagnostic_id_key UNIQUE (diagnostic_id),
    CONSTRAINT connector_sync_diagnostics_http_status_range CHECK (http_status BETWEEN 100 AND 599)
);

-- A connector's diagnostics, newest first; reason is included so that counting them by class
-- (failure or informational) over a time window reads the index only.
CREATE INDEX idx_connector_sync_diagnostics_connector_occurred
    ON connector_sync_diagnostics (workspace_connector_pk, occurred_at DESC) INCLUDE (reason);

-- Retention: the rows older than a cutoff, found without reading the rows kept.
CREATE INDEX idx_connector_sync_diagnostics_occurred ON connector_sync_diagnostics (occurred_at);

-- Without it, deleting a workspace scans every diagnostic to cascade.
CREATE INDEX idx_connector_sync_diagnostics_workspace ON connector_sync_diagnostics (workspace_pk);

-- The data model's INFORMATIONAL_REASONS: non-blocking signals; every other reason is a failure.
-- One definition for every query that counts the two classes apart.
CREATE FUNCTION sync_failure_reason_is_informational(reason sync_failure_reason_enum) RETURNS boolean
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    AS $$
        SELECT reason IN ('jury_run', 'jury_disagreement', 'schema_drift_detected', 'target_skipped',
                          'structured_pipeline_degraded', 'structured_pipeline_fell_back_to_legacy',
                          'tool_selection_pinned')
    $$;
