-- Documents and their links to connectors (data model page DocumentWorkspaceConnector).
-- A link has no public id: it is identified by (document, connector, direction).

CREATE TYPE direction_enum AS ENUM ('input', 'output');

-- A parent created on first sight, like workspaces: the sink only knows a document by its id.
CREATE TABLE documents (
    pk          bigserial   PRIMARY KEY,
    document_id uuid        NOT NULL DEFAULT gen_random_uuid(),
    created_at  timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT documents_document_id_key UNIQUE (document_id)
);

CREATE TABLE document_workspace_connectors (
    pk                     bigserial      PRIMARY KEY,
    document_pk            bigint         NOT NULL REFERENCES documents (pk),
    workspace_connector_pk bigint         NOT NULL REFERENCES workspace_connectors (pk) ON DELETE CASCADE,
    direction              direction_enum NOT NULL,
    created_at             timestamptz    NOT NULL,
    updated_at             timestamptz,
    deleted_at             timestamptz,
    -- Not part of the entity: the state topic's revision, so that a replayed older state never overwrites a newer one.
    revision               bigint         NOT NULL,
    -- Also the index that document_pk's foreign key needs.
    CONSTRAINT document_workspace_connectors_link_key UNIQUE (document_pk, workspace_connector_pk, direction)
);

-- Sync-status range queries: a connector's links created between a run's start and end.
CREATE INDEX idx_dwc_wc_created_at ON document_workspace_connectors (workspace_connector_pk, created_at);

-- A document's active input links, oldest first.
CREATE INDEX idx_dwc_input_active_doc_created ON document_workspace_connectors (document_pk, created_at)
    WHERE direction = 'input' AND deleted_at IS NULL;
