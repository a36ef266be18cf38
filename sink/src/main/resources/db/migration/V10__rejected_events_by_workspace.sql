-- Issue 14: a workspace's dashboard shows how many of the events naming it were rejected, and why.
--
-- Not a foreign key to workspaces: the workspace a refused event names may never have been stored (its first
-- event was the refused one), and a rejection must be kept whatever it names.
ALTER TABLE rejected_events ADD COLUMN workspace_id uuid;

COMMENT ON COLUMN rejected_events.workspace_id IS
    'the workspace the refused event names, as its publisher claimed it: not vouched for (anyone who can publish '
    'may name any workspace). NULL when the record could not be read as an event, for a failure of the processor '
    'or the sink, and for every rejection published before this column existed';

-- What a reader's count by reason and recent window reads. Partial: undecodable records, often the bulk of the
-- rejections, name no workspace and are never counted for one. Rejected rows are rare (a producer bug, not
-- traffic), so the second index costs the sink next to nothing; retention deletes through it as through the rest.
CREATE INDEX idx_rejected_events_workspace_rejected_at ON rejected_events (workspace_id, rejected_at)
    WHERE workspace_id IS NOT NULL;

-- A reader sees the rejections of events that named its workspace, as for alert_deliveries (keyed by the public id:
-- the workspace need not be stored). Rows naming none are nobody's.
DROP POLICY reader_none ON rejected_events;
CREATE POLICY reader_workspace ON rejected_events FOR SELECT TO sync_ledger_reader
    USING (workspace_id = nullif(current_setting('sync_ledger.workspace_id', true), '')::uuid);

-- ... but only what says that and why, never what the publisher put in the refused record: payload, message (it
-- quotes the record's values) and record_key are whatever the publisher sent, and the publisher may not be the
-- workspace (a claim is all the row has). Those stay with the operators, who read the table as owner or writer.
REVOKE SELECT ON rejected_events FROM sync_ledger_reader;
GRANT SELECT (event_id, reason, source_topic, rejected_at, workspace_id) ON rejected_events TO sync_ledger_reader;
