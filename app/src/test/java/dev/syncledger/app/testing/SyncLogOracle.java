package dev.syncledger.app.testing;

import dev.syncledger.processor.TopologyConfig;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The sync-log view of {@link LedgerOracle}, for tests whose files hold sync runs only: the expected
 * rows of workspace_connector_sync_logs and how many events are rejected.
 */
public final class SyncLogOracle {

    private final LedgerOracle ledger;

    private SyncLogOracle(LedgerOracle ledger) {
        this.ledger = ledger;
    }

    public static SyncLogOracle of(List<String> lines) {
        return new SyncLogOracle(LedgerOracle.of(lines, TopologyConfig.defaults(), 3));
    }

    public Map<UUID, StoredSyncLogs.Stored> expectedRows() {
        return ledger.expectedSyncLogs();
    }

    public int rejections() {
        return ledger.rejections();
    }

    public int invalidLines() {
        return ledger.invalidLines();
    }
}
