-- Documents each finished run brought in (input) and sent out (output), newest runs first.
SELECT c.workspace_connector_id,
       v.workspace_connector_sync_log_id,
       v.status,
       v.started_at,
       v.completed_at,
       v.input_documents,
       v.output_documents
FROM sync_log_document_counts v
JOIN workspace_connectors c ON c.pk = v.workspace_connector_pk
WHERE v.completed_at IS NOT NULL
ORDER BY v.completed_at DESC, v.workspace_connector_sync_log_id
LIMIT 50;
