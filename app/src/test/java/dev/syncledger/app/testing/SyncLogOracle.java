package dev.syncledger.app.testing;

import dev.syncledger.app.events.EventLineParser;
import dev.syncledger.app.events.InvalidEventLineException;
import dev.syncledger.app.events.OutgoingEvent;
import dev.syncledger.processor.rejection.EventOrigin;
import dev.syncledger.processor.rejection.MalformedEventException;
import dev.syncledger.processor.synclog.SyncLogDecision;
import dev.syncledger.processor.synclog.SyncLogFold;
import dev.syncledger.processor.synclog.SyncLogLedger;
import dev.syncledger.processor.synclog.SyncLogRow;
import dev.syncledger.processor.synclog.SyncRunEventReader;
import dev.syncledger.schemas.syncrun.SyncRunEvent;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The expected rows of a file of event lines, computed without Kafka by folding each run's events in
 * file order with the pure fold. Order within a run is what Kafka preserves, so this is exactly what
 * the pipeline must produce.
 */
public final class SyncLogOracle {

    private final Map<UUID, SyncLogLedger> ledgers = new HashMap<>();
    private int rejections;
    private int invalidLines;

    public static SyncLogOracle of(List<String> lines) {
        SyncLogOracle oracle = new SyncLogOracle();
        EventLineParser parser = new EventLineParser();
        SyncRunEventReader reader = new SyncRunEventReader();
        SyncLogFold fold = new SyncLogFold();
        long offset = 0;
        for (String line : lines) {
            if (line.isBlank()) {
                continue;
            }
            OutgoingEvent event;
            try {
                event = parser.parse(line);
            } catch (InvalidEventLineException e) {
                oracle.invalidLines++;
                continue;
            }
            SyncRunEvent avro = (SyncRunEvent) event.value();
            try {
                var domain = reader.read(event.key(), avro);
                SyncLogDecision decision = fold.apply(oracle.ledgers.get(domain.syncLogId()), domain,
                        new EventOrigin(event.topic(), 0, offset++, event.key(), new byte[0]));
                if (decision.ledgerChanged()) {
                    oracle.ledgers.put(domain.syncLogId(), decision.ledger());
                }
                oracle.rejections += decision.rejections().size();
            } catch (MalformedEventException e) {
                oracle.rejections++;
            }
        }
        return oracle;
    }

    public Map<UUID, StoredSyncLogs.Stored> expectedRows() {
        Map<UUID, StoredSyncLogs.Stored> rows = new HashMap<>();
        ledgers.forEach((id, ledger) -> ledger.row().ifPresent(row -> rows.put(id, new StoredSyncLogs.Stored(
                withCanonicalMetadata(row), ledger.revision()))));
        return rows;
    }

    public int rejections() {
        return rejections;
    }

    public int invalidLines() {
        return invalidLines;
    }

    private static SyncLogRow withCanonicalMetadata(SyncLogRow row) {
        return new SyncLogRow(row.workspaceConnectorSyncLogId(), row.workspaceId(), row.workspaceConnectorId(), row.status(),
                row.triggerType(), row.cloudTaskId(), row.startedAt(), row.completedAt(), row.durationMs(), row.error(),
                StoredSyncLogs.canonicalJson(row.metadata()), row.createdAt(), row.updatedAt(), row.deletedAt());
    }
}
