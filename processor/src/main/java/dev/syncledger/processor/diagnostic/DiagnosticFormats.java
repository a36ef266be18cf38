package dev.syncledger.processor.diagnostic;

import dev.syncledger.processor.rejection.EventOrigin;
import dev.syncledger.processor.store.BinaryFormat;
import dev.syncledger.processor.store.BinaryReader;
import dev.syncledger.processor.store.BinarySerde;
import dev.syncledger.processor.store.BinaryWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** What is kept of a diagnostic_id, and a diagnostic event waiting for its connector's owner, in binary. */
final class DiagnosticFormats {

    private DiagnosticFormats() {}

    static BinarySerde<StoredDiagnostic> stored(String topic) {
        return new BinarySerde<>("stored diagnostic", new BinaryFormat<>() {
            @Override
            public int version() {
                return 1;
            }

            @Override
            public void write(StoredDiagnostic stored, BinaryWriter out) {
                DiagnosticRow row = stored.row();
                out.writeUuid(stored.acceptedEventId()).writeUuid(row.diagnosticId()).writeUuid(row.workspaceId())
                        .writeUuid(row.workspaceConnectorId()).writeString(row.targetModel().code()).writeString(row.toolName())
                        .writeString(row.reason().code()).writeBoolean(row.httpStatus() != null);
                if (row.httpStatus() != null) {
                    out.writeSignedVarLong(row.httpStatus());
                }
                out.writeString(row.detail()).writeInstant(row.occurredAt())
                        .writeVarInt(stored.origin().partition()).writeSignedVarLong(stored.origin().offset())
                        .writeSignedVarLong(stored.origin().timestamp()).writeVarInt(stored.conflictingEventIds().size());
                stored.conflictingEventIds().forEach(out::writeUuid);
            }

            @Override
            public StoredDiagnostic read(BinaryReader in, int version) {
                UUID accepted = in.readUuid();
                UUID diagnosticId = in.readUuid();
                UUID workspaceId = in.readUuid();
                UUID connectorId = in.readUuid();
                TargetModel targetModel = TargetModel.fromCode(in.readString()).orElseThrow();
                String toolName = in.readString();
                SyncFailureReason reason = SyncFailureReason.fromCode(in.readString()).orElseThrow();
                Integer httpStatus = in.readBoolean() ? (int) in.readSignedVarLong() : null;
                DiagnosticRow row = new DiagnosticRow(diagnosticId, workspaceId, connectorId, targetModel, toolName, reason, httpStatus,
                        in.readString(), in.readInstant());
                EventOrigin origin = new EventOrigin(topic, in.readVarInt(), in.readSignedVarLong(), in.readSignedVarLong(),
                        diagnosticId.toString(), null);
                int conflicting = in.readVarInt();
                List<UUID> ids = new ArrayList<>(conflicting);
                for (int i = 0; i < conflicting; i++) {
                    ids.add(in.readUuid());
                }
                return new StoredDiagnostic(accepted, row, origin, ids);
            }
        });
    }

    static final BinarySerde<DiagnosticEmitted> PARKED = new BinarySerde<>("parked diagnostic event", new BinaryFormat<>() {
        @Override
        public int version() {
            return 1;
        }

        @Override
        public void write(DiagnosticEmitted event, BinaryWriter out) {
            out.writeUuid(event.eventId()).writeInstant(event.occurredAt()).writeUuid(event.workspaceId())
                    .writeUuid(event.workspaceConnectorId()).writeUuid(event.diagnosticId()).writeString(event.targetModel())
                    .writeString(event.toolName()).writeString(event.reason()).writeBoolean(event.httpStatus() != null);
            if (event.httpStatus() != null) {
                out.writeSignedVarLong(event.httpStatus());
            }
            out.writeString(event.detail());
        }

        @Override
        public DiagnosticEmitted read(BinaryReader in, int version) {
            UUID eventId = in.readUuid();
            var occurredAt = in.readInstant();
            UUID workspaceId = in.readUuid();
            UUID connectorId = in.readUuid();
            UUID diagnosticId = in.readUuid();
            String targetModel = in.readString();
            String toolName = in.readString();
            String reason = in.readString();
            Integer httpStatus = in.readBoolean() ? (int) in.readSignedVarLong() : null;
            return new DiagnosticEmitted(eventId, occurredAt, workspaceId, connectorId, diagnosticId, targetModel, toolName, reason,
                    httpStatus, in.readString());
        }
    });
}
