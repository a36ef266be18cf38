package dev.syncledger.app.testing;

import dev.syncledger.app.events.EventLineParser;
import dev.syncledger.app.events.InvalidEventLineException;
import dev.syncledger.app.events.OutgoingEvent;
import dev.syncledger.processor.TopologyConfig;
import dev.syncledger.processor.collect.CollectChange;
import dev.syncledger.processor.collect.CollectDecision;
import dev.syncledger.processor.collect.CollectEventReader;
import dev.syncledger.processor.collect.CollectFold;
import dev.syncledger.processor.collect.CollectLedger;
import dev.syncledger.processor.collect.CollectSyncLog;
import dev.syncledger.processor.collect.UnknownCollectStatusException;
import dev.syncledger.processor.diagnostic.DiagnosticChecks;
import dev.syncledger.processor.diagnostic.DiagnosticDecision;
import dev.syncledger.processor.diagnostic.DiagnosticEmitted;
import dev.syncledger.processor.diagnostic.DiagnosticEventReader;
import dev.syncledger.processor.diagnostic.DiagnosticFold;
import dev.syncledger.processor.diagnostic.DiagnosticRow;
import dev.syncledger.processor.diagnostic.StoredDiagnostic;
import dev.syncledger.processor.documentlink.DocumentLinkDecision;
import dev.syncledger.processor.documentlink.DocumentLinkEventReader;
import dev.syncledger.processor.documentlink.DocumentLinkFold;
import dev.syncledger.processor.documentlink.DocumentLinkKey;
import dev.syncledger.processor.documentlink.DocumentLinkLedger;
import dev.syncledger.processor.documentlink.DocumentLinkRow;
import dev.syncledger.processor.documentlink.LinkEvent;
import dev.syncledger.processor.documentlink.UnknownDirectionException;
import dev.syncledger.processor.ledger.LedgerRules;
import dev.syncledger.schemas.rejected.RawValue;
import dev.syncledger.processor.rejection.EventOrigin;
import dev.syncledger.processor.rejection.MalformedEventException;
import dev.syncledger.processor.rejection.Rejection;
import dev.syncledger.processor.rejection.RejectionReason;
import dev.syncledger.processor.retention.RetentionPeriod;
import dev.syncledger.processor.status.ConnectorStatusRow;
import dev.syncledger.processor.synclog.SyncLogDecision;
import dev.syncledger.processor.synclog.SyncLogEvent;
import dev.syncledger.processor.synclog.SyncLogFold;
import dev.syncledger.processor.synclog.SyncLogLedger;
import dev.syncledger.processor.synclog.SyncLogRow;
import dev.syncledger.processor.synclog.SyncRunEventReader;
import dev.syncledger.schemas.Topics;
import dev.syncledger.schemas.collect.CollectEvent;
import dev.syncledger.schemas.diagnostic.DiagnosticEvent;
import dev.syncledger.schemas.documentlink.DocumentLinkEvent;
import dev.syncledger.schemas.serde.AvroCodec;
import dev.syncledger.schemas.serde.SerdeConfig;
import dev.syncledger.schemas.serde.UndecodableRecordException;
import dev.syncledger.schemas.syncrun.SyncRunEvent;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.utils.Utils;

/**
 * The rows a run of the pipeline over some input records must leave in every table, computed without Kafka.
 * Each record is read by the processor's own readers and folded by its own pure folds, as the ledger processor
 * does: each input partition (the producer's, from the key) in order with its own event clock, the ownership
 * gate in front of the folds. Kafka keeps a partition's order and each fold only sees its own key's events, so
 * this is what the pipeline must produce however the topics interleave, with one assumption: when two
 * workspaces claim a new connector, the one published first wins (a test makes it so by waiting in between).
 *
 * <p>The sink keeps, per row, the state with the highest revision, as the oracle does. The connector status
 * is computed from the final rows by {@link ExpectedConnectorStatus}; its updated_at is the latest occurred_at
 * the connector's rows took in, its workspace the connector's owner. Diagnostic retention is measured back
 * from a given time, where the processor measures it from its wall clock: the two agree as long as no
 * diagnostic lies near the bound.
 */
public final class LedgerOracle {

    private static final SerdeConfig SERDE = SerdeConfig.withoutRegistry();

    private final Instant diagnosticsRetainedFrom;
    private final int partitions;
    private final Map<Schema, AvroCodec<SpecificRecord>> writers = new HashMap<>();
    private final AvroCodec<SyncRunEvent> syncRunCodec = AvroCodec.create(SyncRunEvent.getClassSchema(), SERDE);
    private final AvroCodec<DiagnosticEvent> diagnosticCodec = AvroCodec.create(DiagnosticEvent.getClassSchema(), SERDE);
    private final AvroCodec<DocumentLinkEvent> documentLinkCodec = AvroCodec.create(DocumentLinkEvent.getClassSchema(), SERDE);
    private final AvroCodec<CollectEvent> collectCodec = AvroCodec.create(CollectEvent.getClassSchema(), SERDE);
    private final SyncLogFold syncLogFold;
    private final DocumentLinkFold linkFold;
    private final CollectFold collectFold;
    private final LedgerRules rules;
    private final Map<String, Long> nextOffset = new HashMap<>();
    private final Map<String, Instant> clocks = new HashMap<>();
    private final Map<UUID, UUID> owners = new HashMap<>();

    private final Map<UUID, SyncLogLedger> runs = new HashMap<>();
    private final Map<UUID, StoredDiagnostic> diagnostics = new HashMap<>();
    private final Map<DocumentLinkKey, DocumentLinkLedger> links = new HashMap<>();
    private final Map<UUID, CollectLedger> collects = new HashMap<>();
    /** What the sink keeps per key: the published state with the highest revision (a tombstone deletes). */
    private final Map<UUID, StoredSyncLogs.Stored> syncLogRows = new HashMap<>();
    private final Map<UUID, StoredCollects.Stored> collectRows = new HashMap<>();
    private final Map<DocumentLinkKey, StoredDocumentLinks.Stored> linkRows = new HashMap<>();
    /** The latest occurred_at each connector's rows took in, and whose rows it has. */
    private final Map<UUID, Instant> connectorSeen = new HashMap<>();
    private final Map<String, Long> rejectionsByReason = new TreeMap<>();
    private int invalidLines;

    private LedgerOracle(Instant diagnosticsRetainedFrom, TopologyConfig topology, int partitions) {
        this.diagnosticsRetainedFrom = diagnosticsRetainedFrom;
        this.partitions = partitions;
        this.rules = topology.ledger();
        this.syncLogFold = new SyncLogFold(rules);
        this.linkFold = new DocumentLinkFold(rules);
        this.collectFold = new CollectFold(rules);
    }

    /** Folds the lines as a replay into topics of {@code partitions} partitions would. */
    public static LedgerOracle of(List<String> lines, TopologyConfig topology, int partitions) {
        EventLineParser parser = new EventLineParser();
        List<OutgoingEvent> events = new ArrayList<>();
        int invalid = 0;
        for (String line : lines) {
            if (line.isBlank()) {
                continue;
            }
            try {
                events.add(parser.parse(line));
            } catch (InvalidEventLineException e) {
                invalid++;
            }
        }
        LedgerOracle oracle = new LedgerOracle(new RetentionPeriod(topology.diagnosticRetention())
                .retainedFrom(latestDiagnostic(events).toEpochMilli()), topology, partitions);
        oracle.invalidLines = invalid;
        events.forEach(oracle::fold);
        return oracle;
    }

    /**
     * Folds records as they are on the topics, bytes and all, in publish order. Diagnostic retention is
     * measured back from {@code latestDiagnostic}, as {@link #of} measures it from the file's latest one.
     */
    public static LedgerOracle ofRecords(List<PublishedRecord> records, TopologyConfig topology, Instant latestDiagnostic, int partitions) {
        LedgerOracle oracle = new LedgerOracle(new RetentionPeriod(topology.diagnosticRetention()).retainedFrom(latestDiagnostic.toEpochMilli()),
                topology, partitions);
        records.forEach(record -> oracle.fold(record.topic(), record.key(), record.value()));
        return oracle;
    }

    /**
     * Removes the diagnostics dated before {@code cutoff} as the retention punctuator removes rows it
     * stored earlier: gone from the table, while what the connector status saw of them stays.
     */
    public LedgerOracle pruneDiagnosticsBefore(Instant cutoff) {
        diagnostics.values().removeIf(stored -> stored.row().occurredAt().isBefore(cutoff));
        return this;
    }

    /** workspace_connector_sync_logs: the sync runs' rows and the sync logs ended collects produce. */
    public Map<UUID, StoredSyncLogs.Stored> expectedSyncLogs() {
        return Map.copyOf(syncLogRows);
    }

    public Map<UUID, StoredDiagnostics.Stored> expectedDiagnostics() {
        return diagnostics.values().stream()
                .map(StoredDiagnostic::row)
                .collect(Collectors.toMap(DiagnosticRow::diagnosticId, StoredDiagnostics.Stored::of));
    }

    public Map<DocumentLinkKey, StoredDocumentLinks.Stored> expectedDocumentLinks() {
        return Map.copyOf(linkRows);
    }

    public Map<UUID, StoredCollects.Stored> expectedCollects() {
        return Map.copyOf(collectRows);
    }

    /** One row per connector that a sync log, diagnostic or link state was ever published for. */
    public Map<UUID, ConnectorStatusRow> expectedConnectorStatuses() {
        Collection<SyncLogRow> finalRuns = syncLogRows.values().stream().map(StoredSyncLogs.Stored::row).toList();
        Collection<DiagnosticRow> finalDiagnostics = diagnostics.values().stream().map(StoredDiagnostic::row).toList();
        Collection<DocumentLinkRow> finalLinks = linkRows.values().stream().map(StoredDocumentLinks.Stored::row).toList();
        Map<UUID, ConnectorStatusRow> rows = new HashMap<>();
        connectorSeen.forEach((connector, seenAt) -> rows.put(connector, ExpectedConnectorStatus.of(
                connector, owners.get(connector), seenAt, finalRuns, finalDiagnostics, finalLinks)));
        return rows;
    }

    /** How many events each reason rejects, by the reason's code. */
    public Map<String, Long> rejectionsByReason() {
        return Map.copyOf(rejectionsByReason);
    }

    public int rejections() {
        return Math.toIntExact(rejectionsByReason.values().stream().mapToLong(Long::longValue).sum());
    }

    public int invalidLines() {
        return invalidLines;
    }

    private void fold(OutgoingEvent event) {
        byte[] value = writers.computeIfAbsent(event.value().getSchema(), schema -> AvroCodec.create(schema, SERDE))
                .encode(event.topic(), event.value());
        fold(event.topic(), event.key(), value);
    }

    private void fold(String topic, String key, byte[] value) {
        int partition = key == null ? 0 : Utils.toPositive(Utils.murmur2(key.getBytes(StandardCharsets.UTF_8))) % partitions;
        String partitionName = topic + "-" + partition;
        long offset = nextOffset.merge(partitionName, 1L, Long::sum) - 1;
        EventOrigin origin = new EventOrigin(topic, partition, offset, -1, key, RawValue.of(value));
        if (topic.equals(Topics.SYNC_RUNS.name())) {
            foldSyncRun(partitionName, origin, value);
        } else if (topic.equals(Topics.DIAGNOSTICS.name())) {
            foldDiagnostic(partitionName, origin, value);
        } else if (topic.equals(Topics.DOCUMENT_LINKS.name())) {
            foldDocumentLink(partitionName, origin, value);
        } else if (topic.equals(Topics.COLLECTS.name())) {
            foldCollect(partitionName, origin, value);
        } else {
            throw new IllegalArgumentException("no fold reads topic " + topic);
        }
    }

    private void foldSyncRun(String partition, EventOrigin origin, byte[] value) {
        SyncLogEvent event;
        try {
            event = new SyncRunEventReader().read(origin.key(), syncRunCodec.decode(origin.topic(), value));
        } catch (UndecodableRecordException | MalformedEventException e) {
            reject(RejectionReason.MALFORMED);
            return;
        }
        Instant clock = advance(partition, event.occurredAt());
        if (rejectedBeforeTheFold(SyncLogFold.judgeAlone(event, origin), event.workspaceConnectorId(), event.workspaceId())) {
            return;
        }
        SyncLogDecision decision = syncLogFold.apply(runs.get(event.syncLogId()), event, origin, clock);
        if (decision.ledgerChanged()) {
            runs.put(event.syncLogId(), decision.ledger());
            SyncLogLedger ledger = decision.ledger();
            ledger.row().ifPresent(row -> {
                keepHighest(syncLogRows, row.workspaceConnectorSyncLogId(), storedSyncLog(row, ledger.revision()), StoredSyncLogs.Stored::revision);
                seen(row.workspaceConnectorId(), ledger.seenAt());
            });
        }
        decision.rejections().forEach(this::reject);
    }

    private void foldDiagnostic(String partition, EventOrigin origin, byte[] value) {
        DiagnosticEmitted event;
        try {
            event = new DiagnosticEventReader().read(origin.key(), diagnosticCodec.decode(origin.topic(), value));
        } catch (UndecodableRecordException | MalformedEventException e) {
            reject(RejectionReason.MALFORMED);
            return;
        }
        advance(partition, event.occurredAt());
        Optional<Rejection> alone = DiagnosticChecks.judgeAlone(event, origin);
        if (alone.isEmpty() && event.occurredAt().isBefore(diagnosticsRetainedFrom)) {
            return; // expired on arrival: dropped and counted, no claim
        }
        if (rejectedBeforeTheFold(alone, event.workspaceConnectorId(), event.workspaceId())) {
            return;
        }
        DiagnosticDecision decision = new DiagnosticFold().apply(diagnostics.get(event.diagnosticId()), event, origin, diagnosticsRetainedFrom);
        if (decision.storeChanged()) {
            diagnostics.put(event.diagnosticId(), decision.stored());
            seen(decision.stored().row().workspaceConnectorId(), decision.stored().row().occurredAt());
        }
        decision.rejections().forEach(this::reject);
    }

    private void foldDocumentLink(String partition, EventOrigin origin, byte[] value) {
        LinkEvent event;
        try {
            event = new DocumentLinkEventReader().read(origin.key(), documentLinkCodec.decode(origin.topic(), value));
        } catch (UndecodableRecordException | MalformedEventException e) {
            reject(RejectionReason.MALFORMED);
            return;
        } catch (UnknownDirectionException e) {
            reject(RejectionReason.UNKNOWN_ENUM_VALUE);
            return;
        }
        Instant clock = advance(partition, event.occurredAt());
        if (rejectedBeforeTheFold(Optional.empty(), event.key().workspaceConnectorId(), event.workspaceId())) {
            return;
        }
        DocumentLinkDecision decision = linkFold.apply(links.get(event.key()), event, origin, clock);
        if (decision.ledgerChanged()) {
            links.put(event.key(), decision.ledger());
            DocumentLinkLedger ledger = decision.ledger();
            ledger.row().ifPresent(row -> {
                keepHighest(linkRows, event.key(), new StoredDocumentLinks.Stored(row, ledger.revision()), StoredDocumentLinks.Stored::revision);
                seen(event.key().workspaceConnectorId(), ledger.seenAt());
            });
        }
        decision.rejections().forEach(this::reject);
    }

    private void foldCollect(String partition, EventOrigin origin, byte[] value) {
        CollectChange event;
        try {
            event = new CollectEventReader().read(origin.key(), collectCodec.decode(origin.topic(), value));
        } catch (UndecodableRecordException | MalformedEventException e) {
            reject(RejectionReason.MALFORMED);
            return;
        } catch (UnknownCollectStatusException e) {
            reject(RejectionReason.UNKNOWN_ENUM_VALUE);
            return;
        }
        Instant clock = advance(partition, event.occurredAt());
        if (rejectedBeforeTheFold(CollectFold.judgeAlone(event, origin), event.workspaceConnectorId(), event.workspaceId())) {
            return;
        }
        CollectLedger before = collects.get(event.collectId());
        CollectDecision decision = collectFold.apply(before, event, origin, clock);
        if (decision.ledgerChanged()) {
            collects.put(event.collectId(), decision.ledger());
            CollectLedger ledger = decision.ledger();
            ledger.row().ifPresent(row -> keepHighest(collectRows, event.collectId(), StoredCollects.Stored.of(row, ledger.revision()),
                    StoredCollects.Stored::revision));
            UUID syncLogId = CollectSyncLog.idOf(event.collectId());
            if (ledger.syncLogRevision() != (before == null ? 0 : before.syncLogRevision())) {
                Optional<SyncLogRow> syncLog = ledger.syncLog();
                if (syncLog.isPresent()) {
                    keepHighest(syncLogRows, syncLogId, storedSyncLog(syncLog.get(), ledger.syncLogRevision()), StoredSyncLogs.Stored::revision);
                    seen(syncLog.get().workspaceConnectorId(), ledger.seenAt());
                } else {
                    syncLogRows.remove(syncLogId);
                }
            }
        }
        decision.rejections().forEach(this::reject);
    }

    /** The checks the ledger processor makes before a fold: alone, then the connector's owner. True when the event stops here. */
    private boolean rejectedBeforeTheFold(Optional<Rejection> alone, UUID connector, UUID workspace) {
        if (alone.isPresent()) {
            reject(alone.get());
            return true;
        }
        if (connector != null) {
            UUID owner = owners.computeIfAbsent(connector, c -> workspace);
            if (!owner.equals(workspace)) {
                reject(RejectionReason.WORKSPACE_MISMATCH);
                return true;
            }
        }
        return false;
    }

    private Instant advance(String partition, Instant occurredAt) {
        return clocks.merge(partition, occurredAt, (a, b) -> a.isAfter(b) ? a : b);
    }

    /** A row of the connector was published: its status exists from now on and was updated at least then. */
    private void seen(UUID connector, Instant seenAt) {
        connectorSeen.merge(connector, seenAt, (a, b) -> a.isAfter(b) ? a : b);
    }

    private static <K, V> void keepHighest(Map<K, V> rows, K key, V row, Function<V, Long> revision) {
        V stored = rows.get(key);
        if (stored == null || revision.apply(row) >= revision.apply(stored)) {
            rows.put(key, row);
        }
    }

    private void reject(Rejection rejection) {
        reject(rejection.reason());
    }

    private void reject(RejectionReason reason) {
        rejectionsByReason.merge(reason.code(), 1L, Long::sum);
    }

    private static StoredSyncLogs.Stored storedSyncLog(SyncLogRow row, long revision) {
        return new StoredSyncLogs.Stored(new SyncLogRow(row.workspaceConnectorSyncLogId(), row.workspaceId(), row.workspaceConnectorId(),
                row.status(), row.triggerType(), row.cloudTaskId(), row.startedAt(), row.completedAt(), row.durationMs(), row.error(),
                StoredSyncLogs.canonicalJson(row.metadata()), row.createdAt(), row.updatedAt(), row.deletedAt()), revision);
    }

    private static Instant latestDiagnostic(List<OutgoingEvent> events) {
        return events.stream()
                .filter(event -> event.value() instanceof DiagnosticEvent)
                .map(event -> ((DiagnosticEvent) event.value()).getOccurredAt())
                .filter(Objects::nonNull)
                .max(Instant::compareTo)
                .orElse(Instant.EPOCH);
    }
}
