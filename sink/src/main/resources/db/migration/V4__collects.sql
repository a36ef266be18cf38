-- Collect runs (data model page Collect), with the people and tasks they name as parents created on first sight.

CREATE TYPE collect_status_enum AS ENUM ('todo', 'in_progress', 'finalized', 'error');

CREATE TABLE peoples (
    pk         bigserial   PRIMARY KEY,
    people_id  uuid        NOT NULL DEFAULT gen_random_uuid(),
    created_at timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT peoples_people_id_key UNIQUE (people_id)
);

CREATE TABLE tasks (
    pk         bigserial   PRIMARY KEY,
    task_id    uuid        NOT NULL DEFAULT gen_random_uuid(),
    created_at timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT tasks_task_id_key UNIQUE (task_id)
);

CREATE TABLE collects (
    pk           bigserial           PRIMARY KEY,
    collect_id   uuid                NOT NULL DEFAULT gen_random_uuid(),
    provider     varchar(255),
    status       collect_status_enum NOT NULL DEFAULT 'todo',
    started_at   timestamptz,
    ended_at     timestamptz,
    created_at   timestamptz         NOT NULL,
    updated_at   timestamptz,
    deleted_at   timestamptz,
    people_pk    bigint              NOT NULL REFERENCES peoples (pk),
    -- Nullable as in the data model (legacy orphan rows); the sink always sets it and never changes it.
    workspace_pk bigint              REFERENCES workspaces (pk) ON DELETE CASCADE,
    task_pk      bigint              REFERENCES tasks (pk) ON DELETE SET NULL,
    -- Not part of the entity: the state topic's revision, so that a replayed older state never overwrites a newer one.
    revision     bigint              NOT NULL,
    CONSTRAINT collects_collect_id_key UNIQUE (collect_id)
);

CREATE INDEX idx_collects_status ON collects (status) WHERE deleted_at IS NULL;

CREATE INDEX idx_collects_people ON collects (people_pk) WHERE deleted_at IS NULL;

CREATE INDEX idx_collects_workspace_status ON collects (workspace_pk, status);

-- Not in the data model: without it, deleting a task scans every collect to set task_pk to null.
CREATE INDEX idx_collects_task ON collects (task_pk);
