-- Tenant isolation in the database itself.
--
-- Roles (cluster-wide, created once, shared by every schema sync-ledger migrates):
--   * the migrator/owner: the login that runs these migrations (the sink does at start). It owns every table
--     and, as owner, is not subject to row-level security;
--   * sync_ledger_writer: what a sink or notifier login that does not own the tables is granted: read and write
--     every table, every row;
--   * sync_ledger_reader: read-only, and only the rows of one workspace: the one named by the transaction-local
--     setting sync_ledger.workspace_id (SET LOCAL sync_ledger.workspace_id = '<uuid>'). Without it, no row.
-- Both are NOLOGIN: an operator creates logins and grants them a role (GRANT sync_ledger_reader TO dashboards).
DO $$
BEGIN
    CREATE ROLE sync_ledger_reader NOLOGIN;
EXCEPTION WHEN duplicate_object OR unique_violation THEN
    -- Created by an earlier migration of another schema, or by a concurrent one.
    NULL;
END
$$;

DO $$
BEGIN
    CREATE ROLE sync_ledger_writer NOLOGIN;
EXCEPTION WHEN duplicate_object OR unique_violation THEN
    NULL;
END
$$;

-- The workspace a reader's transaction is scoped to, as its internal key; NULL when none is set, so that every
-- policy below then matches no row. Runs as the caller: under the reader, workspaces is itself filtered.
CREATE FUNCTION current_workspace_pk() RETURNS bigint
    LANGUAGE sql STABLE
    AS $$ SELECT pk FROM workspaces WHERE workspace_id = nullif(current_setting('sync_ledger.workspace_id', true), '')::uuid $$;

-- A connector's rows cannot point at another workspace: every row naming both a connector and a workspace must
-- name the connector's own. The composite key replaces the connector-only foreign key it implies.
ALTER TABLE workspace_connectors ADD CONSTRAINT workspace_connectors_pk_workspace_key UNIQUE (pk, workspace_pk);

ALTER TABLE workspace_connector_sync_logs
    DROP CONSTRAINT workspace_connector_sync_logs_workspace_connector_pk_fkey,
    ADD CONSTRAINT workspace_connector_sync_logs_connector_in_workspace_fkey FOREIGN KEY (workspace_connector_pk, workspace_pk)
        REFERENCES workspace_connectors (pk, workspace_pk) ON DELETE CASCADE;
ALTER TABLE connector_sync_diagnostics
    DROP CONSTRAINT connector_sync_diagnostics_workspace_connector_pk_fkey,
    ADD CONSTRAINT connector_sync_diagnostics_connector_in_workspace_fkey FOREIGN KEY (workspace_connector_pk, workspace_pk)
        REFERENCES workspace_connectors (pk, workspace_pk) ON DELETE CASCADE;
ALTER TABLE connector_status
    DROP CONSTRAINT connector_status_workspace_connector_pk_fkey,
    ADD CONSTRAINT connector_status_connector_in_workspace_fkey FOREIGN KEY (workspace_connector_pk, workspace_pk)
        REFERENCES workspace_connectors (pk, workspace_pk) ON DELETE CASCADE;
ALTER TABLE connector_alerts
    DROP CONSTRAINT connector_alerts_workspace_connector_pk_fkey,
    ADD CONSTRAINT connector_alerts_connector_in_workspace_fkey FOREIGN KEY (workspace_connector_pk, workspace_pk)
        REFERENCES workspace_connectors (pk, workspace_pk) ON DELETE CASCADE;

-- Row-level security on every table a reader may see. Policies name their roles, so the owner (exempt) and the
-- writer (a policy that lets it see everything) are unaffected; any other role that is not the owner sees nothing.
ALTER TABLE workspaces ENABLE ROW LEVEL SECURITY;
CREATE POLICY reader_workspace ON workspaces FOR SELECT TO sync_ledger_reader
    USING (workspace_id = nullif(current_setting('sync_ledger.workspace_id', true), '')::uuid);

ALTER TABLE workspace_connectors ENABLE ROW LEVEL SECURITY;
CREATE POLICY reader_workspace ON workspace_connectors FOR SELECT TO sync_ledger_reader
    USING (workspace_pk = current_workspace_pk());

ALTER TABLE workspace_connector_sync_logs ENABLE ROW LEVEL SECURITY;
CREATE POLICY reader_workspace ON workspace_connector_sync_logs FOR SELECT TO sync_ledger_reader
    USING (workspace_pk = current_workspace_pk());

ALTER TABLE connector_sync_diagnostics ENABLE ROW LEVEL SECURITY;
CREATE POLICY reader_workspace ON connector_sync_diagnostics FOR SELECT TO sync_ledger_reader
    USING (workspace_pk = current_workspace_pk());

-- Links carry no workspace: a link is the workspace's when its connector is (workspace_connectors is filtered too).
ALTER TABLE document_workspace_connectors ENABLE ROW LEVEL SECURITY;
CREATE POLICY reader_workspace ON document_workspace_connectors FOR SELECT TO sync_ledger_reader
    USING (workspace_connector_pk IN (SELECT pk FROM workspace_connectors));

-- Documents, people and tasks are shared parents: a reader sees those its workspace's rows point at.
ALTER TABLE documents ENABLE ROW LEVEL SECURITY;
CREATE POLICY reader_workspace ON documents FOR SELECT TO sync_ledger_reader
    USING (EXISTS (SELECT 1 FROM document_workspace_connectors d WHERE d.document_pk = documents.pk));

-- A collect without a workspace (legacy rows) is nobody's: workspace_pk = NULL matches no workspace.
ALTER TABLE collects ENABLE ROW LEVEL SECURITY;
CREATE POLICY reader_workspace ON collects FOR SELECT TO sync_ledger_reader
    USING (workspace_pk = current_workspace_pk());

ALTER TABLE peoples ENABLE ROW LEVEL SECURITY;
CREATE POLICY reader_workspace ON peoples FOR SELECT TO sync_ledger_reader
    USING (EXISTS (SELECT 1 FROM collects c WHERE c.people_pk = peoples.pk));

ALTER TABLE tasks ENABLE ROW LEVEL SECURITY;
CREATE POLICY reader_workspace ON tasks FOR SELECT TO sync_ledger_reader
    USING (EXISTS (SELECT 1 FROM collects c WHERE c.task_pk = tasks.pk));

ALTER TABLE connector_status ENABLE ROW LEVEL SECURITY;
CREATE POLICY reader_workspace ON connector_status FOR SELECT TO sync_ledger_reader
    USING (workspace_pk = current_workspace_pk());

ALTER TABLE connector_alerts ENABLE ROW LEVEL SECURITY;
CREATE POLICY reader_workspace ON connector_alerts FOR SELECT TO sync_ledger_reader
    USING (workspace_pk = current_workspace_pk());

ALTER TABLE alert_deliveries ENABLE ROW LEVEL SECURITY;
CREATE POLICY reader_workspace ON alert_deliveries FOR SELECT TO sync_ledger_reader
    USING (workspace_id = nullif(current_setting('sync_ledger.workspace_id', true), '')::uuid);

ALTER TABLE alert_delivery_attempts ENABLE ROW LEVEL SECURITY;
CREATE POLICY reader_workspace ON alert_delivery_attempts FOR SELECT TO sync_ledger_reader
    USING (delivery_pk IN (SELECT pk FROM alert_deliveries));

-- A rejected event is refused before anything vouches for the workspace it names: no reader sees one.
ALTER TABLE rejected_events ENABLE ROW LEVEL SECURITY;
CREATE POLICY reader_none ON rejected_events FOR SELECT TO sync_ledger_reader USING (false);

-- The writer sees and writes every row of every table.
DO $$
DECLARE
    scoped text;
BEGIN
    FOREACH scoped IN ARRAY ARRAY['workspaces', 'workspace_connectors', 'workspace_connector_sync_logs', 'connector_sync_diagnostics',
            'document_workspace_connectors', 'documents', 'collects', 'peoples', 'tasks', 'connector_status', 'connector_alerts',
            'alert_deliveries', 'alert_delivery_attempts', 'rejected_events']
    LOOP
        EXECUTE format('CREATE POLICY writer_all ON %I FOR ALL TO sync_ledger_writer USING (true) WITH CHECK (true)', scoped);
    END LOOP;
END
$$;

-- Views run with their caller's rights, so the policies above apply through them.
ALTER VIEW sync_log_document_counts SET (security_invoker = true);

GRANT USAGE ON SCHEMA "${flyway:defaultSchema}" TO sync_ledger_reader, sync_ledger_writer;
GRANT SELECT ON ALL TABLES IN SCHEMA "${flyway:defaultSchema}" TO sync_ledger_reader;
REVOKE SELECT ON sink_offsets, flyway_schema_history FROM sync_ledger_reader;
GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA "${flyway:defaultSchema}" TO sync_ledger_writer;
GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA "${flyway:defaultSchema}" TO sync_ledger_writer;
GRANT EXECUTE ON FUNCTION current_workspace_pk() TO sync_ledger_reader, sync_ledger_writer;
-- What later migrations create gets the same grants.
ALTER DEFAULT PRIVILEGES IN SCHEMA "${flyway:defaultSchema}" GRANT SELECT ON TABLES TO sync_ledger_reader;
ALTER DEFAULT PRIVILEGES IN SCHEMA "${flyway:defaultSchema}" GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO sync_ledger_writer;
ALTER DEFAULT PRIVILEGES IN SCHEMA "${flyway:defaultSchema}" GRANT USAGE, SELECT ON SEQUENCES TO sync_ledger_writer;
