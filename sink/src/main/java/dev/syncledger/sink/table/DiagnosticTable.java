package dev.syncledger.sink.table;

import dev.syncledger.schemas.Topics;
import dev.syncledger.schemas.serde.SerdeConfig;
import dev.syncledger.schemas.state.ConnectorSyncDiagnostic;
import dev.syncledger.sink.db.DiagnosticColumns;
import dev.syncledger.sink.db.DiagnosticDao;
import dev.syncledger.sink.db.DiagnosticRow;
import java.util.List;
import java.util.UUID;
import org.jdbi.v3.core.Handle;

/**
 * connector_sync_diagnostics, from the diagnostic state topic. Producers never change a diagnostic, but
 * the processor may replace the row it published (a lower event_id arriving second wins), so the row
 * follows the topic's latest state. A tombstone is retention pruning it, and deletes the row.
 */
public final class DiagnosticTable extends AvroStateTable<UUID, ConnectorSyncDiagnostic, DiagnosticRow> {

    public DiagnosticTable(SerdeConfig serde) {
        super(Topics.DIAGNOSTIC_STATE, "connector_sync_diagnostics", ConnectorSyncDiagnostic.getClassSchema(), serde);
    }

    @Override
    DiagnosticRow toRow(ConnectorSyncDiagnostic diagnostic) {
        return new DiagnosticRow(
                diagnostic.getDiagnosticId(),
                diagnostic.getWorkspaceId(),
                diagnostic.getWorkspaceConnectorId(),
                diagnostic.getTargetModel(),
                diagnostic.getToolName(),
                diagnostic.getReason(),
                diagnostic.getHttpStatus(),
                diagnostic.getDetail(),
                diagnostic.getOccurredAt(),
                diagnostic.getCreatedAt(),
                diagnostic.getUpdatedAt());
    }

    @Override
    public String keyName() {
        return "diagnostic id";
    }

    @Override
    public UUID parseKey(String recordKey) {
        return UUID.fromString(recordKey);
    }

    @Override
    public UUID keyOf(DiagnosticRow row) {
        return row.diagnosticId();
    }

    @Override
    public void requireParents(DiagnosticRow row, ParentRequest parents) {
        parents.connector(row.workspaceConnectorId(), row.workspaceId());
    }

    @Override
    public void write(Handle handle, List<DiagnosticRow> rows, ParentKeys parents) {
        handle.attach(DiagnosticDao.class).upsert(DiagnosticColumns.of(
                rows,
                row -> parents.workspace(row.workspaceId()),
                row -> parents.connector(row.workspaceConnectorId())));
    }

    @Override
    public int delete(Handle handle, List<UUID> keys) {
        return handle.attach(DiagnosticDao.class).delete(keys.toArray(UUID[]::new));
    }

    @Override
    public String describe(DiagnosticRow row) {
        return "diagnostic " + row.diagnosticId();
    }
}
