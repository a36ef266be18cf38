package dev.syncledger.processor.status;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.avro.specific.SpecificRecord;

/**
 * The status side in plain Java, as the processor runs it: a fold publishes a row's change from the row it
 * last published to the new one ({@link ContributionChanges}), and the connector's task folds each change
 * into the connector's status. Changes wait in {@link #handedOver} until {@link #deliver} passes them on, so a
 * test can interleave them as the repartition may.
 */
final class StatusPipeline {

    static final Duration HORIZON = Duration.ofDays(7);

    private final Map<String, Contribution> published = new HashMap<>();
    private final ConnectorStatusFold fold = new ConnectorStatusFold(HORIZON);
    final TreeMapRunIndex runs = new TreeMapRunIndex();
    final Map<UUID, ConnectorStatusState> states = new HashMap<>();
    /** Freshness as a fixed wall clock sees it: what the watch learns from events must not depend on their order. */
    static final java.time.Instant NOW = java.time.Instant.parse("2026-06-03T00:00:00Z");
    private final dev.syncledger.processor.watch.WatchFold watchFold =
            new dev.syncledger.processor.watch.WatchFold(dev.syncledger.processor.watch.WatchRules.defaults());
    final Map<UUID, dev.syncledger.processor.watch.ConnectorWatch> watches = new HashMap<>();
    final List<Emitted> emitted = new ArrayList<>();

    /** A status row as the connector's task publishes it. */
    record Emitted(ConnectorStatusRow row, long revision) {}
    int ignoredAsUnchanged;

    /** Publishes one state row (null: a tombstone) and delivers what it changes at once. */
    void offer(String topic, String key, SpecificRecord row) {
        handOver(topic, key, row);
        while (!handedOver.isEmpty()) {
            deliver(handedOver.remove(0));
        }
    }

    final List<ContributionChange> handedOver = new ArrayList<>();

    /** The fold's side only: returns the changes it sends, also kept in {@link #handedOver}. */
    List<ContributionChange> handOver(String topic, String key, SpecificRecord row) {
        String rowKey = topic + "/" + key;
        Contribution incoming = contributionOf(row);
        List<ContributionChange> changes = ContributionChanges.between(published.get(rowKey), incoming);
        if (changes.isEmpty()) {
            ignoredAsUnchanged++;
            return changes;
        }
        if (incoming == null) {
            published.remove(rowKey);
        } else {
            published.put(rowKey, incoming);
        }
        handedOver.addAll(changes);
        return changes;
    }

    /** The connector's task, for one change. */
    void deliver(ContributionChange change) {
        UUID connector = change.workspaceConnectorId();
        ConnectorStatusState previous = states.get(connector);
        Contribution any = change.after() != null ? change.after() : change.before();
        ConnectorStatusState next = fold.apply(previous, connector, any.workspaceId(), change, runs);
        states.put(connector, next);
        watches.put(connector, watchFold.afterChange(watches.get(connector), connector, next, change, runs, NOW).watch());
        if (previous == null || previous.revision() != next.revision()) {
            emitted.add(new Emitted(next.row(connector), next.revision()));
        }
    }

    ConnectorStatusRow row(UUID connector) {
        ConnectorStatusState state = states.get(connector);
        return state == null ? null : state.row(connector);
    }

    long revision(UUID connector) {
        return states.get(connector).revision();
    }

    static Contribution contributionOf(SpecificRecord row) {
        if (row == null) {
            return null;
        }
        if (row instanceof dev.syncledger.schemas.state.WorkspaceConnectorSyncLog log) {
            return StateRowContributions.of(log);
        }
        if (row instanceof dev.syncledger.schemas.state.ConnectorSyncDiagnostic diagnostic) {
            return StateRowContributions.of(diagnostic);
        }
        return StateRowContributions.of((dev.syncledger.schemas.state.DocumentWorkspaceConnector) row);
    }
}
