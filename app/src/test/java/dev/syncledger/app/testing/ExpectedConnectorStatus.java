package dev.syncledger.app.testing;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.syncledger.processor.diagnostic.DiagnosticRow;
import dev.syncledger.processor.documentlink.DocumentLinkRow;
import dev.syncledger.processor.documentlink.LinkDirection;
import dev.syncledger.processor.status.ConnectorStatusRow;
import dev.syncledger.processor.status.ConnectorTotals;
import dev.syncledger.processor.status.RunSummary;
import dev.syncledger.processor.synclog.SyncLogRow;
import dev.syncledger.schemas.ConnectorSyncStatus;
import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * A connector's expected status, read straight from the final rows of the tables it summarises, as the
 * issue defines it, without the processor's contributions, deltas or run indexes:
 * <ul>
 *   <li>runs are the connector's sync logs not soft-deleted; the counters count them, the successes and
 *       the errors, and add up the successes' {@code metadata.records_synced} (a whole, non-negative number
 *       that fits a long; anything else counts 0);</li>
 *   <li>diagnostics count as failures unless their reason is informational; links count while not unlinked;</li>
 *   <li>last_sync_* is the newest run by (created_at, sync_log_id); last_success_at, last_error_at and
 *       last_error come from the newest success and error by (completed_at, else created_at, then
 *       sync_log_id); consecutive_failures counts the errors newer than the newest success;</li>
 *   <li>ids break ties in the order of their text, which is the unsigned order of the 128 bits.</li>
 * </ul>
 * updated_at and the workspace are not in the final rows: the caller gives them from the rows' history.
 */
final class ExpectedConnectorStatus {

    /** The data model's informational reasons: non-blocking signals, every other reason is a failure. */
    private static final Set<String> INFORMATIONAL = Set.of("jury_run", "jury_disagreement", "schema_drift_detected",
            "target_skipped", "structured_pipeline_degraded", "structured_pipeline_fell_back_to_legacy", "tool_selection_pinned");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Comparator<SyncLogRow> BY_CREATION = Comparator.comparing(SyncLogRow::createdAt)
            .thenComparing(run -> run.workspaceConnectorSyncLogId().toString());
    private static final Comparator<SyncLogRow> BY_COMPLETION = Comparator.comparing(ExpectedConnectorStatus::completion)
            .thenComparing(run -> run.workspaceConnectorSyncLogId().toString());

    private ExpectedConnectorStatus() {}

    /**
     * @param workspace the workspace of the connector's rows
     * @param updatedAt the greatest updated_at (a diagnostic's occurred_at) of every row state ever
     *                  published for the connector, including states later replaced or removed
     */
    static ConnectorStatusRow of(UUID connector, UUID workspace, Instant updatedAt, Collection<SyncLogRow> allRuns,
                                 Collection<DiagnosticRow> allDiagnostics, Collection<DocumentLinkRow> allLinks) {
        List<SyncLogRow> runs = allRuns.stream()
                .filter(run -> run.workspaceConnectorId().equals(connector) && run.deletedAt() == null)
                .toList();
        List<DiagnosticRow> diagnostics = allDiagnostics.stream()
                .filter(diagnostic -> diagnostic.workspaceConnectorId().equals(connector))
                .toList();
        List<DocumentLinkRow> activeLinks = allLinks.stream()
                .filter(link -> link.key().workspaceConnectorId().equals(connector) && link.deletedAt() == null)
                .toList();
        List<SyncLogRow> succeeded = withStatus(runs, ConnectorSyncStatus.success);
        List<SyncLogRow> failed = withStatus(runs, ConnectorSyncStatus.error);

        ConnectorTotals totals = new ConnectorTotals(workspace,
                runs.size(),
                succeeded.size(),
                failed.size(),
                succeeded.stream().mapToLong(run -> recordsSynced(run.metadata())).sum(),
                diagnostics.stream().filter(diagnostic -> !INFORMATIONAL.contains(diagnostic.reason().code())).count(),
                diagnostics.stream().filter(diagnostic -> INFORMATIONAL.contains(diagnostic.reason().code())).count(),
                activeLinks.stream().filter(link -> link.key().direction() == LinkDirection.INPUT).count(),
                activeLinks.stream().filter(link -> link.key().direction() == LinkDirection.OUTPUT).count(),
                updatedAt);

        Optional<SyncLogRow> last = runs.stream().max(BY_CREATION);
        Optional<SyncLogRow> lastSuccess = succeeded.stream().max(BY_COMPLETION);
        Optional<SyncLogRow> lastError = failed.stream().max(BY_COMPLETION);
        int consecutiveFailures = (int) failed.stream()
                .filter(run -> lastSuccess.isEmpty() || BY_COMPLETION.compare(run, lastSuccess.get()) > 0)
                .count();
        RunSummary summary = new RunSummary(
                last.map(SyncLogRow::workspaceConnectorSyncLogId).orElse(null),
                last.map(SyncLogRow::status).orElse(null),
                last.map(SyncLogRow::createdAt).orElse(null),
                lastSuccess.map(ExpectedConnectorStatus::completion).orElse(null),
                lastError.map(ExpectedConnectorStatus::completion).orElse(null),
                lastError.map(SyncLogRow::error).orElse(null),
                consecutiveFailures);
        return new ConnectorStatusRow(connector, totals, summary);
    }

    private static List<SyncLogRow> withStatus(List<SyncLogRow> runs, ConnectorSyncStatus status) {
        return runs.stream().filter(run -> run.status() == status).toList();
    }

    private static Instant completion(SyncLogRow run) {
        return run.completedAt() != null ? run.completedAt() : run.createdAt();
    }

    private static long recordsSynced(String metadata) {
        if (metadata == null) {
            return 0;
        }
        try {
            JsonNode value = JSON.readTree(metadata).get("records_synced");
            if (value == null || !value.isNumber() || value.decimalValue().signum() < 0) {
                return 0;
            }
            return value.decimalValue().longValueExact();
        } catch (JsonProcessingException | ArithmeticException e) {
            return 0;
        }
    }
}
