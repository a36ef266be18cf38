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
import dev.syncledger.processor.collect.SyncLogUpdate;
import dev.syncledger.processor.collect.UnknownCollectStatusException;
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
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;
import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificRecord;

/**
 * The rows a replay of a file of event lines must leave in every table, computed without Kafka. Each
 * line is parsed as the CLI parses it, encoded and decoded as the broker carries it, read by the
 * processor's own readers and folded by its own pure folds, each entity's events in file order. Kafka
 * keeps a key's order and each fold only ever sees its own key's events, so this is exactly what the
 * pipeline must produce, however the topics interleave. The connector status, which the pipeline
 * derives from the other tables' rows, is computed from their final rows by {@link ExpectedConnectorStatus}.
 *
 * <p>Diagnostic retention is measured back from the file's latest diagnostic, where the processor
 * measures it from its wall clock: the two agree as long as no diagnostic of the file lies near the
 * bound, which a retention far longer than the file's age ensures.
 */
public final class LedgerOracle {

    private static final SerdeConfig SERDE = SerdeConfig.withoutRegistry();

    private final Instant diagnosticsRetainedFrom;
    private final Map<Schema, AvroCodec<SpecificRecord>> writers = new HashMap<>();
    private final AvroCodec<SyncRunEvent> syncRunCodec = AvroCodec.create(SyncRunEvent.getClassSchema(), SERDE);
    private final AvroCodec<DiagnosticEvent> diagnosticCodec = AvroCodec.create(DiagnosticEvent.getClassSchema(), SERDE);
    private final AvroCodec<DocumentLinkEvent> documentLinkCodec = AvroCodec.create(DocumentLinkEvent.getClassSchema(), SERDE);
    private final AvroCodec<CollectEvent> collectCodec = AvroCodec.create(CollectEvent.getClassSchema(), SERDE);
    private final Map<String, Long> nextOffset = new HashMap<>();

    private final Map<UUID, SyncLogLedger> runs = new HashMap<>();
    private final Map<UUID, StoredDiagnostic> diagnostics = new HashMap<>();
    private final Map<DocumentLinkKey, DocumentLinkLedger> links = new HashMap<>();
    private final Map<UUID, CollectLedger> collects = new HashMap<>();
    /** The latest sync log each collect produced, by sync log id; an empty row is a tombstone. */
    private final Map<UUID, SyncLogUpdate> collectSyncLogs = new HashMap<>();
    /** What the status needs of the rows' history, which the final rows no longer show. */
    private final Map<UUID, ConnectorHistory> connectors = new LinkedHashMap<>();
    private final Map<String, Long> rejectionsByReason = new TreeMap<>();
    private int invalidLines;

    private LedgerOracle(Instant diagnosticsRetainedFrom) {
        this.diagnosticsRetainedFrom = diagnosticsRetainedFrom;
    }

    /** Folds the lines as a pipeline built with {@code topology} would. */
    public static LedgerOracle of(List<String> lines, TopologyConfig topology) {
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
                .retainedFrom(latestDiagnostic(events).toEpochMilli()));
        oracle.invalidLines = invalid;
        events.forEach(oracle::fold);
        return oracle;
    }

    /**
     * Folds records as they are on the topics, bytes and all, in publish order. Diagnostic retention is
     * measured back from {@code latestDiagnostic}, as {@link #of} measures it from the file's latest one.
     */
    public static LedgerOracle ofRecords(List<PublishedRecord> records, TopologyConfig topology, Instant latestDiagnostic) {
        LedgerOracle oracle = new LedgerOracle(new RetentionPeriod(topology.diagnosticRetention()).retainedFrom(latestDiagnostic.toEpochMilli()));
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
        Map<UUID, StoredSyncLogs.Stored> rows = new HashMap<>();
        runs.forEach((id, ledger) -> ledger.row().ifPresent(row -> rows.put(id, storedSyncLog(row, ledger.revision()))));
        collectSyncLogs.forEach((id, update) -> update.row().ifPresent(row -> rows.put(id, storedSyncLog(row, update.revision()))));
        return rows;
    }

    public Map<UUID, StoredDiagnostics.Stored> expectedDiagnostics() {
        return diagnostics.values().stream()
                .map(StoredDiagnostic::row)
                .collect(Collectors.toMap(DiagnosticRow::diagnosticId, StoredDiagnostics.Stored::of));
    }

    public Map<DocumentLinkKey, StoredDocumentLinks.Stored> expectedDocumentLinks() {
        Map<DocumentLinkKey, StoredDocumentLinks.Stored> rows = new HashMap<>();
        links.forEach((key, ledger) -> ledger.row().ifPresent(row -> rows.put(key, new StoredDocumentLinks.Stored(row, ledger.revision()))));
        return rows;
    }

    public Map<UUID, StoredCollects.Stored> expectedCollects() {
        Map<UUID, StoredCollects.Stored> rows = new HashMap<>();
        collects.forEach((id, ledger) -> ledger.row().ifPresent(row -> rows.put(id, StoredCollects.Stored.of(row, ledger.revision()))));
        return rows;
    }

    /** One row per connector that any sync log, diagnostic or link state ever named, even one since replaced. */
    public Map<UUID, ConnectorStatusRow> expectedConnectorStatuses() {
        Collection<SyncLogRow> finalRuns = expectedSyncLogs().values().stream().map(StoredSyncLogs.Stored::row).toList();
        Collection<DiagnosticRow> finalDiagnostics = diagnostics.values().stream().map(StoredDiagnostic::row).toList();
        Collection<DocumentLinkRow> finalLinks = expectedDocumentLinks().values().stream().map(StoredDocumentLinks.Stored::row).toList();
        Map<UUID, ConnectorStatusRow> rows = new HashMap<>();
        connectors.forEach((connector, history) -> rows.put(connector, ExpectedConnectorStatus.of(
                connector, history.workspaceId(), history.updatedAt(), finalRuns, finalDiagnostics, finalLinks)));
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
        long offset = nextOffset.merge(topic, 1L, Long::sum) - 1;
        EventOrigin origin = new EventOrigin(topic, 0, offset, key, value);
        if (topic.equals(Topics.SYNC_RUNS.name())) {
            foldSyncRun(origin);
        } else if (topic.equals(Topics.DIAGNOSTICS.name())) {
            foldDiagnostic(origin);
        } else if (topic.equals(Topics.DOCUMENT_LINKS.name())) {
            foldDocumentLink(origin);
        } else if (topic.equals(Topics.COLLECTS.name())) {
            foldCollect(origin);
        } else {
            throw new IllegalArgumentException("no fold reads topic " + topic);
        }
    }

    private void foldSyncRun(EventOrigin origin) {
        SyncLogEvent event;
        try {
            event = new SyncRunEventReader().read(origin.key(), syncRunCodec.decode(origin.topic(), origin.value()));
        } catch (UndecodableRecordException | MalformedEventException e) {
            reject(RejectionReason.MALFORMED);
            return;
        }
        SyncLogDecision decision = new SyncLogFold().apply(runs.get(event.syncLogId()), event, origin);
        if (decision.ledgerChanged()) {
            runs.put(event.syncLogId(), decision.ledger());
        }
        decision.changedRow().ifPresent(row -> published(row.workspaceConnectorId(), row.workspaceId(), row.updatedAt()));
        decision.rejections().forEach(this::reject);
    }

    private void foldDiagnostic(EventOrigin origin) {
        DiagnosticEmitted event;
        try {
            event = new DiagnosticEventReader().read(origin.key(), diagnosticCodec.decode(origin.topic(), origin.value()));
        } catch (UndecodableRecordException | MalformedEventException e) {
            reject(RejectionReason.MALFORMED);
            return;
        }
        DiagnosticDecision decision = new DiagnosticFold().apply(diagnostics.get(event.diagnosticId()), event, origin, diagnosticsRetainedFrom);
        if (decision.storeChanged()) {
            diagnostics.put(event.diagnosticId(), decision.stored());
        }
        decision.changedRow().ifPresent(row -> published(row.workspaceConnectorId(), row.workspaceId(), row.occurredAt()));
        decision.rejections().forEach(this::reject);
    }

    private void foldDocumentLink(EventOrigin origin) {
        LinkEvent event;
        try {
            event = new DocumentLinkEventReader().read(origin.key(), documentLinkCodec.decode(origin.topic(), origin.value()));
        } catch (UndecodableRecordException | MalformedEventException e) {
            reject(RejectionReason.MALFORMED);
            return;
        } catch (UnknownDirectionException e) {
            reject(RejectionReason.UNKNOWN_ENUM_VALUE);
            return;
        }
        DocumentLinkDecision decision = new DocumentLinkFold().apply(links.get(event.key()), event, origin);
        if (decision.ledgerChanged()) {
            links.put(event.key(), decision.ledger());
        }
        decision.changedRow().ifPresent(row -> published(row.key().workspaceConnectorId(), row.workspaceId(), row.updatedAt()));
        decision.rejection().ifPresent(this::reject);
    }

    private void foldCollect(EventOrigin origin) {
        CollectChange event;
        try {
            event = new CollectEventReader().read(origin.key(), collectCodec.decode(origin.topic(), origin.value()));
        } catch (UndecodableRecordException | MalformedEventException e) {
            reject(RejectionReason.MALFORMED);
            return;
        } catch (UnknownCollectStatusException e) {
            reject(RejectionReason.UNKNOWN_ENUM_VALUE);
            return;
        }
        CollectDecision decision = new CollectFold().apply(collects.get(event.collectId()), event, origin);
        if (decision.ledgerChanged()) {
            collects.put(event.collectId(), decision.ledger());
        }
        decision.syncLogUpdate().ifPresent(update -> {
            collectSyncLogs.put(update.syncLogId(), update);
            update.row().ifPresent(row -> published(row.workspaceConnectorId(), row.workspaceId(), row.updatedAt()));
        });
        decision.rejections().forEach(this::reject);
    }

    /** A state row the status reads was published: its connector's status exists from now on and was updated at least then. */
    private void published(UUID connector, UUID workspace, Instant updatedAt) {
        ConnectorHistory seen = new ConnectorHistory(workspace, updatedAt);
        connectors.merge(connector, seen, (before, now) -> before.seenAgain(connector, now));
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

    /**
     * The status's workspace is that of the first row it is given. Across topics "first" depends on how
     * they interleave, so the oracle only knows it when all of a connector's rows agree.
     */
    private record ConnectorHistory(UUID workspaceId, Instant updatedAt) {

        ConnectorHistory seenAgain(UUID connector, ConnectorHistory later) {
            if (!workspaceId.equals(later.workspaceId)) {
                throw new IllegalStateException("connector " + connector + " has rows in workspaces " + workspaceId + " and "
                        + later.workspaceId + ": its status's workspace depends on arrival order, which no file-order oracle knows");
            }
            return new ConnectorHistory(workspaceId, later.updatedAt.isAfter(updatedAt) ? later.updatedAt : updatedAt);
        }
    }
}
