package dev.syncledger.processor.status;

import dev.syncledger.schemas.state.ConnectorSyncDiagnostic;
import dev.syncledger.schemas.state.DocumentWorkspaceConnector;
import dev.syncledger.schemas.state.WorkspaceConnectorSyncLog;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.avro.specific.SpecificRecord;

/**
 * Both stages in plain Java, as the processor runs them: the contribution stage keeps each row's last
 * contribution and hands its changes over; the status stage folds them per connector. Changes handed
 * over wait in {@link #handedOver} until {@link #deliver} passes them on, so a test can interleave them.
 */
final class StatusPipeline {

    private final Map<String, Contribution> contributions = new HashMap<>();
    private final ConnectorStatusFold fold = new ConnectorStatusFold();
    final TreeMapRunIndex runs = new TreeMapRunIndex();
    final Map<UUID, StoredStatus> rows = new HashMap<>();
    final List<ContributionChange> handedOver = new ArrayList<>();
    final List<StoredStatus> emitted = new ArrayList<>();
    int ignoredAsUnchanged;

    /** Feeds one state record (null: a tombstone) through both stages at once. */
    void offer(String topic, String key, SpecificRecord row) {
        handOver(topic, key, row);
        while (!handedOver.isEmpty()) {
            deliver(handedOver.remove(0));
        }
    }

    /** The contribution stage only: returns the changes it hands over, also kept in {@link #handedOver}. */
    List<ContributionChange> handOver(String topic, String key, SpecificRecord row) {
        String rowKey = topic + "/" + key;
        Contribution incoming = contributionOf(row);
        List<ContributionChange> changes = ContributionChanges.between(rowKey, contributions.get(rowKey), incoming);
        if (changes.isEmpty()) {
            ignoredAsUnchanged++;
            return changes;
        }
        if (incoming == null) {
            contributions.remove(rowKey);
        } else {
            contributions.put(rowKey, incoming);
        }
        handedOver.addAll(changes);
        return changes;
    }

    /** The status stage, for one change. */
    void deliver(ContributionChange change) {
        UUID connector = change.workspaceConnectorId();
        StoredStatus previous = rows.get(connector);
        fold.apply(previous == null ? null : previous.row(), change, runs).ifPresent(row -> {
            StoredStatus next = new StoredStatus(row, previous == null ? 1 : previous.revision() + 1);
            rows.put(connector, next);
            emitted.add(next);
        });
    }

    ConnectorStatusRow row(UUID connector) {
        StoredStatus stored = rows.get(connector);
        return stored == null ? null : stored.row();
    }

    static Contribution contributionOf(SpecificRecord row) {
        if (row == null) {
            return null;
        }
        if (row instanceof WorkspaceConnectorSyncLog log) {
            return StateRowContributions.of(log);
        }
        if (row instanceof ConnectorSyncDiagnostic diagnostic) {
            return StateRowContributions.of(diagnostic);
        }
        return StateRowContributions.of((DocumentWorkspaceConnector) row);
    }
}
