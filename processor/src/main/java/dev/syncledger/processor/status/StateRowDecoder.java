package dev.syncledger.processor.status;

import dev.syncledger.schemas.Topics;
import dev.syncledger.schemas.serde.AvroCodec;
import dev.syncledger.schemas.serde.SerdeConfig;
import dev.syncledger.schemas.serde.UndecodableRecordException;
import dev.syncledger.schemas.state.ConnectorSyncDiagnostic;
import dev.syncledger.schemas.state.DocumentWorkspaceConnector;
import dev.syncledger.schemas.state.WorkspaceConnectorSyncLog;
import java.util.List;
import java.util.Optional;

/** Reads a record of one of the state topics the status is made from into its contribution; a tombstone contributes nothing. */
final class StateRowDecoder {

    static final List<String> TOPICS = List.of(Topics.SYNC_LOG_STATE.name(), Topics.DIAGNOSTIC_STATE.name(),
            Topics.DOCUMENT_LINK_STATE.name());

    private final AvroCodec<WorkspaceConnectorSyncLog> syncLogs;
    private final AvroCodec<ConnectorSyncDiagnostic> diagnostics;
    private final AvroCodec<DocumentWorkspaceConnector> documentLinks;

    StateRowDecoder(SerdeConfig serdeConfig) {
        this.syncLogs = AvroCodec.create(WorkspaceConnectorSyncLog.getClassSchema(), serdeConfig);
        this.diagnostics = AvroCodec.create(ConnectorSyncDiagnostic.getClassSchema(), serdeConfig);
        this.documentLinks = AvroCodec.create(DocumentWorkspaceConnector.getClassSchema(), serdeConfig);
    }

    /**
     * @throws UndecodableRecordException when the bytes are not a record of the topic's type
     * @throws IllegalArgumentException when the record lacks a field the status needs
     */
    Optional<Contribution> decode(String topic, byte[] value) throws UndecodableRecordException {
        if (value == null) {
            return Optional.empty();
        }
        if (topic.equals(Topics.SYNC_LOG_STATE.name())) {
            return Optional.of(StateRowContributions.of(syncLogs.decode(topic, value)));
        }
        if (topic.equals(Topics.DIAGNOSTIC_STATE.name())) {
            return Optional.of(StateRowContributions.of(diagnostics.decode(topic, value)));
        }
        if (topic.equals(Topics.DOCUMENT_LINK_STATE.name())) {
            return Optional.of(StateRowContributions.of(documentLinks.decode(topic, value)));
        }
        throw new IllegalStateException("the status does not read topic " + topic + "; it reads " + TOPICS);
    }
}
