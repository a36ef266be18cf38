package dev.syncledger.app.faults;

import dev.syncledger.app.testing.LedgerOracle;
import dev.syncledger.app.testing.StoredCollects;
import dev.syncledger.app.testing.StoredConnectorStatuses;
import dev.syncledger.app.testing.StoredDiagnostics;
import dev.syncledger.app.testing.StoredDocumentLinks;
import dev.syncledger.app.testing.StoredRejections;
import dev.syncledger.app.testing.StoredSyncLogs;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Jdbi;

/**
 * Every table against the oracle, row by row: a row missing, extra or different in any field is a
 * mismatch. Rejected events are compared as counts per reason, each reason one row.
 */
record OracleComparison(int rowsCompared, List<String> mismatches) {

    private static final int MISMATCHES_SHOWN = 20;

    static OracleComparison of(Jdbi jdbi, LedgerOracle oracle) {
        List<String> mismatches = new ArrayList<>();
        int compared = 0;
        compared += compare("workspace_connector_sync_logs", StoredSyncLogs.read(jdbi), oracle.expectedSyncLogs(), mismatches);
        compared += compare("connector_sync_diagnostics", StoredDiagnostics.read(jdbi), oracle.expectedDiagnostics(), mismatches);
        compared += compare("document_workspace_connectors", StoredDocumentLinks.read(jdbi), oracle.expectedDocumentLinks(), mismatches);
        compared += compare("collects", StoredCollects.read(jdbi), oracle.expectedCollects(), mismatches);
        compared += compare("connector_status", StoredConnectorStatuses.read(jdbi).entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().row())), oracle.expectedConnectorStatuses(), mismatches);
        compared += compare("rejected_events per reason", StoredRejections.countByReason(jdbi), oracle.rejectionsByReason(), mismatches);
        return new OracleComparison(compared, List.copyOf(mismatches));
    }

    /** For an assertion message: how many, and the first ones. */
    String describe() {
        return mismatches.size() + " mismatches of " + rowsCompared + " rows compared"
                + (mismatches.isEmpty() ? "" : ":\n  " + String.join("\n  ", mismatches.subList(0, Math.min(MISMATCHES_SHOWN, mismatches.size()))));
    }

    private static <K, V> int compare(String table, Map<K, V> stored, Map<K, V> expected, List<String> mismatches) {
        Set<K> keys = new HashSet<>(expected.keySet());
        keys.addAll(stored.keySet());
        for (K key : keys) {
            V row = stored.get(key);
            V want = expected.get(key);
            if (want == null) {
                mismatches.add(table + " " + key + ": stored but not expected: " + row);
            } else if (row == null) {
                mismatches.add(table + " " + key + ": expected but missing: " + want);
            } else if (!Objects.equals(row, want)) {
                mismatches.add(table + " " + key + ": stored " + row + ", expected " + want);
            }
        }
        return keys.size();
    }
}
