-- The sink's tables. No schema is named here: Flyway runs this with search_path set to the
-- configured schema, and the sink's connections use the same search_path.
-- gen_random_uuid() is built into PostgreSQL 13 and later.

CREATE TABLE workspaces (
    pk           bigserial   PRIMARY KEY,
    workspace_id uuid        NOT NULL DEFAULT gen_random_uuid(),
    created_at   timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT workspaces_workspace_id_key UNIQUE (workspace_id)
);

CREATE TABLE workspace_connectors (
    pk                     bigserial   PRIMARY KEY,
    workspace_connector_id uuid        NOT NULL DEFAULT gen_random_uuid(),
    workspace_pk           bigint      NOT NULL REFERENCES workspaces (pk) ON DELETE CASCADE,
    created_at             timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT workspace_connectors_workspace_connector_id_key UNIQUE (workspace_connector_id)
);

-- Without it, deleting a workspace scans every connector to cascade.
CREATE INDEX idx_workspace_connectors_workspace ON workspace_connectors (workspace_pk);

CREATE TYPE connector_sync_status_enum AS ENUM ('scheduled', 'in_progress', 'success', 'error');

CREATE TYPE sync_trigger_type_enum AS ENUM ('cloud_task', 'manual', 'oauth_callback');

CREATE TABLE workspace_connector_sync_logs (
    pk                              bigserial                  PRIMARY KEY,
    workspace_connector_sync_log_id uuid                       NOT NULL DEFAULT gen_random_uuid(),
    status                          connector_sync_status_enum NOT NULL DEFAULT 'scheduled',
    trigger_type                    sync_trigger_type_enum,
    cloud_task_id                   varchar(255),
    started_at                      timestamptz,
    completed_at                    timestamptz,
    duration_ms                     integer,
    error                           text,
    metadata                        jsonb,
    created_at                      timestamptz                NOT NULL,
    updated_at                      timestamptz                NOT NULL,
    deleted_at                      timestamptz,
    workspace_connector_pk          bigint                     NOT NULL REFERENCES workspace_connectors (pk) ON DELETE CASCADE,
    workspace_pk                    bigint                     NOT NULL REFERENCES workspaces (pk) ON DELETE CASCADE,
    -- Not part of the entity: the state topic's revision, so that a replayed older state never overwrites a newer one.
    revision                        bigint                     NOT NULL,
    CONSTRAINT workspace_connector_sync_logs_sync_log_id_key UNIQUE (workspace_connector_sync_log_id),
    CONSTRAINT workspace_connector_sync_logs_error_only_when_failed CHECK (error IS NULL OR status = 'error'),
    CONSTRAINT workspace_connector_sync_logs_duration_not_negative CHECK (duration_ms >= 0)
);

CREATE INDEX idx_workspace_connector_sync_logs_connector_created
    ON workspace_connector_sync_logs (workspace_connector_pk, created_at DESC);

CREATE INDEX idx_workspace_connector_sync_logs_workspace
    ON workspace_connector_sync_logs (workspace_pk);

CREATE INDEX idx_workspace_connector_sync_logs_status
    ON workspace_connector_sync_logs (status);

CREATE TABLE rejected_events (
    pk               bigserial   PRIMARY KEY,
    event_id         text,
    reason           text        NOT NULL,
    message          text        NOT NULL,
    source_topic     text        NOT NULL,
    source_partition integer     NOT NULL,
    source_offset    bigint      NOT NULL,
    record_key       text,
    payload          bytea,
    rejected_at      timestamptz NOT NULL,
    -- Offsets only identify a record within one Kafka cluster: a replay on a fresh broker starts again at 0.
    kafka_cluster_id text        NOT NULL,
    CONSTRAINT rejected_events_source_key UNIQUE (kafka_cluster_id, source_topic, source_partition, source_offset)
);

CREATE INDEX idx_rejected_events_reason ON rejected_events (reason);

CREATE INDEX idx_rejected_events_rejected_at ON rejected_events (rejected_at);

-- Where each consumer group resumes, written in the same transaction as the rows those records produced.
CREATE TABLE sink_offsets (
    kafka_cluster_id text      NOT NULL,
    consumer_group text        NOT NULL,
    topic          text        NOT NULL,
    partition      integer     NOT NULL,
    next_offset    bigint      NOT NULL,
    updated_at     timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (kafka_cluster_id, consumer_group, topic, partition)
);
