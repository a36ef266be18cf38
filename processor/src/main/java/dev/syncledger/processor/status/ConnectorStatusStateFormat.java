package dev.syncledger.processor.status;

import dev.syncledger.processor.store.BinaryReader;
import dev.syncledger.processor.store.BinaryWriter;
import dev.syncledger.schemas.ConnectorSyncStatus;

/** A connector's status state in the store. */
public final class ConnectorStatusStateFormat {

    private ConnectorStatusStateFormat() {}

    public static void write(ConnectorStatusState state, BinaryWriter out) {
        ConnectorTotals totals = state.totals();
        out.writeUuid(totals.workspaceId()).writeSignedVarLong(totals.totalRuns()).writeSignedVarLong(totals.succeededRuns())
                .writeSignedVarLong(totals.failedRuns()).writeSignedVarLong(totals.recordsSyncedTotal())
                .writeSignedVarLong(totals.activeFailureDiagnostics()).writeSignedVarLong(totals.activeInformationalDiagnostics())
                .writeSignedVarLong(totals.activeInputDocuments()).writeSignedVarLong(totals.activeOutputDocuments())
                .writeInstant(totals.updatedAt());
        out.writeBoolean(state.newest() != null);
        if (state.newest() != null) {
            out.writeUuid(state.newest().syncLogId()).writeInstant(state.newest().createdAt()).writeByte(state.newest().status().ordinal());
        }
        writeFinished(state.lastSuccess(), out);
        writeFinished(state.lastError(), out);
        ConnectorStatusState.IndexSizes sizes = state.sizes();
        out.writeSignedVarLong(state.consecutiveFailures()).writeSignedVarLong(sizes.created()).writeSignedVarLong(sizes.successes())
                .writeSignedVarLong(sizes.errors()).writeSignedVarLong(sizes.createdTrimmedAt())
                .writeSignedVarLong(sizes.successesTrimmedAt()).writeSignedVarLong(sizes.errorsTrimmedAt())
                .writeSignedVarLong(state.revision());
    }

    public static ConnectorStatusState read(BinaryReader in) {
        ConnectorTotals totals = new ConnectorTotals(in.readUuid(), in.readSignedVarLong(), in.readSignedVarLong(), in.readSignedVarLong(),
                in.readSignedVarLong(), in.readSignedVarLong(), in.readSignedVarLong(), in.readSignedVarLong(), in.readSignedVarLong(),
                in.readInstant());
        CreatedRun newest = in.readBoolean()
                ? new CreatedRun(in.readUuid(), in.readInstant(), ConnectorSyncStatus.values()[in.readByte()])
                : null;
        FinishedRun lastSuccess = readFinished(in);
        FinishedRun lastError = readFinished(in);
        int failures = (int) in.readSignedVarLong();
        ConnectorStatusState.IndexSizes sizes = new ConnectorStatusState.IndexSizes((int) in.readSignedVarLong(),
                (int) in.readSignedVarLong(), (int) in.readSignedVarLong(), (int) in.readSignedVarLong(), (int) in.readSignedVarLong(),
                (int) in.readSignedVarLong());
        return new ConnectorStatusState(totals, newest, lastSuccess, lastError, failures, sizes, in.readSignedVarLong());
    }

    private static void writeFinished(FinishedRun run, BinaryWriter out) {
        out.writeBoolean(run != null);
        if (run != null) {
            out.writeUuid(run.syncLogId()).writeInstant(run.completedAt()).writeString(run.error());
        }
    }

    private static FinishedRun readFinished(BinaryReader in) {
        return in.readBoolean() ? new FinishedRun(in.readUuid(), in.readInstant(), in.readString()) : null;
    }
}
