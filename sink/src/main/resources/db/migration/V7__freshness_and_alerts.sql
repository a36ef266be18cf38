-- Freshness of each connector, its health figures, the alerts opened on it, and their webhook deliveries.

CREATE TYPE connector_freshness_enum AS ENUM ('on_time', 'delayed', 'overdue', 'unknown');

-- Data freshness, as the processor computes it: delayed past 1x the expected interval since the latest success
-- (before any, the first run), overdue past 2x. freshness_changed_at is wall-clock time.
ALTER TABLE connector_status
    ADD COLUMN freshness            connector_freshness_enum NOT NULL DEFAULT 'unknown',
    ADD COLUMN expected_interval_ms bigint,
    ADD COLUMN next_expected_at     timestamptz,
    ADD COLUMN freshness_changed_at timestamptz,
    ADD CONSTRAINT connector_status_expected_interval_positive CHECK (expected_interval_ms > 0);

-- The late connectors, latest expected first: what a "who stopped syncing" panel reads.
CREATE INDEX idx_connector_status_late ON connector_status (next_expected_at)
    WHERE freshness IN ('delayed', 'overdue');

-- Per connector: success rate over the runs created in the last 7 and 30 days (finished runs only; NULL when
-- none finished), and the p50 and p95 duration_ms of its last 100 finished runs by created_at. Computed when read,
-- so exact under updates and soft deletes. Both lateral subqueries read one connector's runs through
-- idx_workspace_connector_sync_logs_connector_created, newest first; the durations stop after 100 rows. Ordering
-- them by created_at rather than completed_at reuses that index instead of adding one the sink must maintain.
CREATE VIEW connector_health WITH (security_invoker = true) AS
SELECT c.pk AS workspace_connector_pk,
       c.workspace_pk,
       c.workspace_connector_id,
       rates.finished_runs_7d,
       rates.succeeded_runs_7d,
       CASE WHEN rates.finished_runs_7d > 0 THEN rates.succeeded_runs_7d::numeric / rates.finished_runs_7d END AS success_rate_7d,
       rates.finished_runs_30d,
       rates.succeeded_runs_30d,
       CASE WHEN rates.finished_runs_30d > 0 THEN rates.succeeded_runs_30d::numeric / rates.finished_runs_30d END AS success_rate_30d,
       durations.sampled_runs,
       durations.p50_duration_ms,
       durations.p95_duration_ms
FROM workspace_connectors c
CROSS JOIN LATERAL (
    SELECT count(*) FILTER (WHERE l.created_at >= now() - interval '7 days')                          AS finished_runs_7d,
           count(*) FILTER (WHERE l.created_at >= now() - interval '7 days' AND l.status = 'success') AS succeeded_runs_7d,
           count(*)                                                                                    AS finished_runs_30d,
           count(*) FILTER (WHERE l.status = 'success')                                                AS succeeded_runs_30d
    FROM workspace_connector_sync_logs l
    WHERE l.workspace_connector_pk = c.pk
      AND l.created_at >= now() - interval '30 days'
      AND l.status IN ('success', 'error')
      AND l.deleted_at IS NULL
) rates
CROSS JOIN LATERAL (
    SELECT count(*) AS sampled_runs,
           percentile_cont(0.5) WITHIN GROUP (ORDER BY last.duration_ms)  AS p50_duration_ms,
           percentile_cont(0.95) WITHIN GROUP (ORDER BY last.duration_ms) AS p95_duration_ms
    FROM (
        SELECT l.duration_ms
        FROM workspace_connector_sync_logs l
        WHERE l.workspace_connector_pk = c.pk
          AND l.status IN ('success', 'error')
          AND l.duration_ms IS NOT NULL
          AND l.deleted_at IS NULL
        ORDER BY l.created_at DESC
        LIMIT 100
    ) last
) durations;

CREATE TYPE connector_alert_kind_enum AS ENUM ('consecutive_failures', 'overdue', 'failure_diagnostics_burst');
CREATE TYPE connector_alert_state_enum AS ENUM ('open', 'resolved');

-- One row per alert, from the alerts topic: opened, then resolved. alert_id is deterministic (a replay gives the
-- same ids), so a redelivered transition updates the same row; a resolved alert never reopens.
CREATE TABLE connector_alerts (
    pk                     bigserial                  PRIMARY KEY,
    alert_id               uuid                       NOT NULL,
    workspace_pk           bigint                     NOT NULL REFERENCES workspaces (pk) ON DELETE CASCADE,
    workspace_connector_pk bigint                     NOT NULL REFERENCES workspace_connectors (pk) ON DELETE CASCADE,
    kind                   connector_alert_kind_enum  NOT NULL,
    state                  connector_alert_state_enum NOT NULL,
    opened_at              timestamptz                NOT NULL,
    resolved_at            timestamptz,
    details                jsonb                      NOT NULL,
    CONSTRAINT connector_alerts_alert_id_key UNIQUE (alert_id),
    CONSTRAINT connector_alerts_resolved_at_when_resolved CHECK ((state = 'resolved') = (resolved_at IS NOT NULL)),
    -- At most one open alert per connector and kind. Deferred to commit: one batch may resolve an alert and open
    -- the next of the same kind, in either order.
    CONSTRAINT connector_alerts_one_open_per_kind EXCLUDE USING btree (workspace_connector_pk WITH =, kind WITH =)
        WHERE (state = 'open') DEFERRABLE INITIALLY DEFERRED
);

CREATE INDEX idx_connector_alerts_workspace_opened ON connector_alerts (workspace_pk, opened_at DESC);
CREATE INDEX idx_connector_alerts_open ON connector_alerts (workspace_connector_pk) WHERE state = 'open';

CREATE TYPE alert_delivery_state_enum AS ENUM ('pending', 'delivered', 'gone', 'expired');

-- One webhook delivery per alert transition and URL, written by the notifier before it sends anything, so that a
-- notifier killed mid-delivery resumes from here. The body is kept as sent: every retry signs the same bytes.
CREATE TABLE alert_deliveries (
    pk                bigserial                 PRIMARY KEY,
    transition_id     uuid                      NOT NULL,
    alert_id          uuid                      NOT NULL,
    workspace_id      uuid                      NOT NULL,
    url               text                      NOT NULL,
    body              text                      NOT NULL,
    state             alert_delivery_state_enum NOT NULL DEFAULT 'pending',
    attempts          integer                   NOT NULL DEFAULT 0,
    created_at        timestamptz               NOT NULL,
    next_attempt_at   timestamptz               NOT NULL,
    last_attempt_at   timestamptz,
    last_status_code  integer,
    last_error        varchar(500),
    delivered_at      timestamptz,
    CONSTRAINT alert_deliveries_transition_url_key UNIQUE (transition_id, url),
    CONSTRAINT alert_deliveries_attempts_not_negative CHECK (attempts >= 0)
);

-- What the notifier polls: the pending deliveries that are due, earliest first.
CREATE INDEX idx_alert_deliveries_due ON alert_deliveries (next_attempt_at) WHERE state = 'pending';

-- Every attempt of a delivery: bounded by the retry schedule (at most a few dozen in 24 hours).
CREATE TABLE alert_delivery_attempts (
    pk               bigserial   PRIMARY KEY,
    delivery_pk      bigint      NOT NULL REFERENCES alert_deliveries (pk) ON DELETE CASCADE,
    attempt          integer     NOT NULL,
    attempted_at     timestamptz NOT NULL,
    status_code      integer,
    error            varchar(500),
    latency_ms       integer     NOT NULL,
    CONSTRAINT alert_delivery_attempts_delivery_attempt_key UNIQUE (delivery_pk, attempt)
);
