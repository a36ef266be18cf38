package dev.syncledger.processor.status;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.syncledger.schemas.ConnectorSyncStatus;
import dev.syncledger.schemas.state.ConnectorSyncDiagnostic;
import dev.syncledger.schemas.state.DocumentWorkspaceConnector;
import dev.syncledger.schemas.state.WorkspaceConnectorSyncLog;
import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The expected status of a connector, computed directly from the final state rows the way the issue
 * words it, without contributions, deltas or indexes. "Newest" breaks ties by the sync_log_id's text.
 */
final class ConnectorStatusOracle {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> INFORMATIONAL = Set.of("jury_run", "jury_disagreement", "schema_drift_detected",
            "target_skipped", "structured_pipeline_degraded", "structured_pipeline_fell_back_to_legacy", "tool_selection_pinned");

    private ConnectorStatusOracle() {}

    /**
     * @param updatedAt the greatest updated_at (occurred_at for diagnostics) of every row state the
     *                  connector was ever given, which final rows alone cannot tell
     */
    static ConnectorStatusRow expected(UUID connector, UUID workspace, Instant updatedAt,
                                       Collection<WorkspaceConnectorSyncLog> allRuns,
                                       Collection<ConnectorSyncDiagnostic> allDiagnostics,
                                       Collection<DocumentWorkspaceConnector> allLinks) {
        List<WorkspaceConnectorSyncLog> runs = allRuns.stream()
                .filter(run -> run.getWorkspaceConnectorId().equals(connector) && run.getDeletedAt() == null)
                .toList();
        List<ConnectorSyncDiagnostic> diagnostics = allDiagnostics.stream()
                .filter(diagnostic -> diagnostic.getWorkspaceConnectorId().equals(connector))
                .toList();
        List<DocumentWorkspaceConnector> links = allLinks.stream()
                .filter(link -> link.getWorkspaceConnectorId().equals(connector) && link.getDeletedAt() == null)
                .toList();

        List<WorkspaceConnectorSyncLog> succeeded = withStatus(runs, ConnectorSyncStatus.success);
        List<WorkspaceConnectorSyncLog> failed = withStatus(runs, ConnectorSyncStatus.error);
        ConnectorTotals totals = new ConnectorTotals(workspace,
                runs.size(),
                succeeded.size(),
                failed.size(),
                succeeded.stream().mapToLong(run -> recordsSynced(run.getMetadata())).sum(),
                diagnostics.stream().filter(d -> !INFORMATIONAL.contains(d.getReason())).count(),
                diagnostics.stream().filter(d -> INFORMATIONAL.contains(d.getReason())).count(),
                links.stream().filter(link -> link.getDirection().equals("input")).count(),
                links.stream().filter(link -> link.getDirection().equals("output")).count(),
                updatedAt);

        Optional<WorkspaceConnectorSyncLog> last = runs.stream()
                .max(Comparator.comparing(WorkspaceConnectorSyncLog::getCreatedAt).thenComparing(run -> run.getWorkspaceConnectorSyncLogId().toString()));
        Optional<WorkspaceConnectorSyncLog> lastSuccess = succeeded.stream().max(BY_COMPLETION);
        Optional<WorkspaceConnectorSyncLog> lastError = failed.stream().max(BY_COMPLETION);
        int consecutiveFailures = (int) failed.stream()
                .filter(run -> lastSuccess.isEmpty() || BY_COMPLETION.compare(run, lastSuccess.get()) > 0)
                .count();
        RunSummary summary = new RunSummary(
                last.map(WorkspaceConnectorSyncLog::getWorkspaceConnectorSyncLogId).orElse(null),
                last.map(WorkspaceConnectorSyncLog::getStatus).orElse(null),
                last.map(WorkspaceConnectorSyncLog::getCreatedAt).orElse(null),
                lastSuccess.map(ConnectorStatusOracle::completion).orElse(null),
                lastError.map(ConnectorStatusOracle::completion).orElse(null),
                lastError.map(WorkspaceConnectorSyncLog::getError).orElse(null),
                consecutiveFailures);
        return new ConnectorStatusRow(connector, totals, summary);
    }

    private static final Comparator<WorkspaceConnectorSyncLog> BY_COMPLETION = Comparator
            .comparing(ConnectorStatusOracle::completion)
            .thenComparing(run -> run.getWorkspaceConnectorSyncLogId().toString());

    private static Instant completion(WorkspaceConnectorSyncLog run) {
        return run.getCompletedAt() != null ? run.getCompletedAt() : run.getCreatedAt();
    }

    private static List<WorkspaceConnectorSyncLog> withStatus(List<WorkspaceConnectorSyncLog> runs, ConnectorSyncStatus status) {
        return runs.stream().filter(run -> run.getStatus() == status).toList();
    }

    private static long recordsSynced(String metadata) {
        if (metadata == null) {
            return 0;
        }
        try {
            JsonNode value = JSON.readTree(metadata).get("records_synced");
            if (value == null || !value.isNumber()) {
                return 0;
            }
            double number = value.doubleValue();
            boolean whole = number == Math.rint(number);
            return whole && number >= 0 && number < 9.0e18 ? value.longValue() : 0;
        } catch (Exception e) {
            return 0;
        }
    }
}
