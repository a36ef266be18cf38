package dev.syncledger.processor.status;

import dev.syncledger.schemas.ConnectorSyncStatus;
import dev.syncledger.schemas.TriggerType;
import dev.syncledger.schemas.state.ConnectorSyncDiagnostic;
import dev.syncledger.schemas.state.DocumentWorkspaceConnector;
import dev.syncledger.schemas.state.WorkspaceConnectorSyncLog;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;

/** State rows as the other branches publish them, with sensible defaults: one connector, times in seconds after {@link #T0}. */
final class StateRows {

    static final Instant T0 = Instant.parse("2026-06-02T08:00:00Z");
    static final UUID WORKSPACE = UUID.fromString("c1e7f034-87b2-41d3-9a56-0f2e8b7d3c90");
    static final UUID CONNECTOR = UUID.fromString("a9d3c82e-1f45-4b2c-8e67-3d0a1b9c4512");
    static final UUID OTHER_CONNECTOR = UUID.fromString("5b0f6d21-7c3e-4a8b-9d12-6e4f0a2b8c71");

    private StateRows() {}

    static Instant t(long seconds) {
        return T0.plusSeconds(seconds);
    }

    static UUID id(String name) {
        return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8));
    }

    static Run run(String name) {
        return new Run(id(name));
    }

    static Diagnostic diagnostic(String name) {
        return new Diagnostic(id(name));
    }

    static Link link(String document, String direction) {
        return new Link(id(document), direction);
    }

    static final class Run {
        private final UUID syncLogId;
        private UUID workspace = WORKSPACE;
        private UUID connector = CONNECTOR;
        private ConnectorSyncStatus status = ConnectorSyncStatus.scheduled;
        private Instant createdAt = t(0);
        private Instant completedAt;
        private Instant updatedAt;
        private Instant deletedAt;
        private String error;
        private String metadata;
        private TriggerType trigger;
        private long revision = 1;

        private Run(UUID syncLogId) {
            this.syncLogId = syncLogId;
        }

        Run workspace(UUID id) { this.workspace = id; return this; }
        Run connector(UUID id) { this.connector = id; return this; }
        Run created(long seconds) { this.createdAt = t(seconds); return this; }
        Run inProgress() { this.status = ConnectorSyncStatus.in_progress; return this; }
        Run succeeded(long completedSeconds) { this.status = ConnectorSyncStatus.success; this.completedAt = t(completedSeconds); this.error = null; return this; }
        Run failed(long completedSeconds, String error) { this.status = ConnectorSyncStatus.error; this.completedAt = t(completedSeconds); this.error = error; return this; }
        Run status(ConnectorSyncStatus status) { this.status = status; return this; }
        Run completedAt(Instant at) { this.completedAt = at; return this; }
        Run error(String text) { this.error = text; return this; }
        Run metadata(String json) { this.metadata = json; return this; }
        Run deleted(long seconds) { this.deletedAt = t(seconds); return this; }
        Run deletedAt(Instant at) { this.deletedAt = at; return this; }
        Run updated(long seconds) { this.updatedAt = t(seconds); return this; }
        Run updatedAt(Instant at) { this.updatedAt = at; return this; }
        Run trigger(TriggerType type) { this.trigger = type; return this; }
        Run revision(long value) { this.revision = value; return this; }

        String key() { return syncLogId.toString(); }
        UUID syncLogId() { return syncLogId; }

        WorkspaceConnectorSyncLog avro() {
            Instant updated = updatedAt != null ? updatedAt
                    : latest(createdAt, completedAt, deletedAt);
            return WorkspaceConnectorSyncLog.newBuilder()
                    .setWorkspaceConnectorSyncLogId(syncLogId)
                    .setWorkspaceId(workspace)
                    .setWorkspaceConnectorId(connector)
                    .setStatus(status)
                    .setTriggerType(trigger)
                    .setCompletedAt(completedAt)
                    .setError(error)
                    .setMetadata(metadata)
                    .setCreatedAt(createdAt)
                    .setUpdatedAt(updated)
                    .setDeletedAt(deletedAt)
                    .setRevision(revision)
                    .build();
        }
    }

    static final class Diagnostic {
        private final UUID diagnosticId;
        private UUID workspace = WORKSPACE;
        private UUID connector = CONNECTOR;
        private String reason = "auth_failed";
        private Instant occurredAt = t(0);

        private Diagnostic(UUID diagnosticId) {
            this.diagnosticId = diagnosticId;
        }

        Diagnostic connector(UUID id) { this.connector = id; return this; }
        Diagnostic reason(String value) { this.reason = value; return this; }
        Diagnostic at(long seconds) { this.occurredAt = t(seconds); return this; }
        Diagnostic occurredAt(Instant at) { this.occurredAt = at; return this; }

        String key() { return diagnosticId.toString(); }

        ConnectorSyncDiagnostic avro() {
            return ConnectorSyncDiagnostic.newBuilder()
                    .setDiagnosticId(diagnosticId)
                    .setWorkspaceId(workspace)
                    .setWorkspaceConnectorId(connector)
                    .setTargetModel("invoice")
                    .setReason(reason)
                    .setDetail("detail of " + reason)
                    .setOccurredAt(occurredAt)
                    .setCreatedAt(occurredAt)
                    .setUpdatedAt(occurredAt)
                    .build();
        }
    }

    static final class Link {
        private final UUID documentId;
        private final String direction;
        private UUID workspace = WORKSPACE;
        private UUID connector = CONNECTOR;
        private Instant createdAt = t(0);
        private Instant updatedAt = t(0);
        private Instant deletedAt;
        private long revision = 1;

        private Link(UUID documentId, String direction) {
            this.documentId = documentId;
            this.direction = direction;
        }

        Link connector(UUID id) { this.connector = id; return this; }
        Link updated(long seconds) { this.updatedAt = t(seconds); return this; }
        Link updatedAt(Instant at) { this.updatedAt = at; return this; }
        Link unlinked(long seconds) { this.deletedAt = t(seconds); this.updatedAt = t(seconds); return this; }
        Link deletedAt(Instant at) { this.deletedAt = at; return this; }
        Link revision(long value) { this.revision = value; return this; }

        String key() { return documentId + "/" + connector + "/" + direction; }

        DocumentWorkspaceConnector avro() {
            return DocumentWorkspaceConnector.newBuilder()
                    .setDocumentId(documentId)
                    .setWorkspaceId(workspace)
                    .setWorkspaceConnectorId(connector)
                    .setDirection(direction)
                    .setCreatedAt(createdAt)
                    .setUpdatedAt(updatedAt)
                    .setDeletedAt(deletedAt)
                    .setRevision(revision)
                    .build();
        }
    }

    private static Instant latest(Instant... times) {
        Instant latest = null;
        for (Instant time : times) {
            if (time != null && (latest == null || time.isAfter(latest))) {
                latest = time;
            }
        }
        return latest;
    }
}
