package dev.syncledger.processor.diagnostic;

import dev.syncledger.processor.LedgerSensors;
import dev.syncledger.processor.ledger.EntityBranch;
import dev.syncledger.processor.ledger.LedgerOutput;
import dev.syncledger.processor.output.Emission;
import dev.syncledger.processor.output.Emission.Destination;
import dev.syncledger.processor.ownership.ConnectorRef;
import dev.syncledger.processor.rejection.EventOrigin;
import dev.syncledger.processor.rejection.MalformedEventException;
import dev.syncledger.processor.rejection.Rejection;
import dev.syncledger.processor.retention.RetentionPeriod;
import dev.syncledger.processor.retention.RetentionPunctuator;
import dev.syncledger.processor.retention.TimeOrderedIndex;
import dev.syncledger.processor.status.ContributionChange;
import dev.syncledger.processor.status.ContributionChanges;
import dev.syncledger.processor.status.ContributionFormat;
import dev.syncledger.processor.status.DiagnosticContribution;
import dev.syncledger.processor.store.BinarySerde;
import dev.syncledger.processor.store.CommitHook;
import dev.syncledger.schemas.Topics;
import dev.syncledger.schemas.diagnostic.DiagnosticEvent;
import dev.syncledger.schemas.serde.AvroCodec;
import dev.syncledger.schemas.serde.SerdeConfig;
import dev.syncledger.schemas.serde.UndecodableRecordException;
import dev.syncledger.schemas.state.ConnectorSyncDiagnostic;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.apache.kafka.common.metrics.Sensor;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;

/**
 * The diagnostics branch: diagnostics in, one stored diagnostic per id plus a time index for retention, rows
 * out as they are decided (a diagnostic is written once: there is nothing to gather per commit), and, on a
 * wall-clock schedule, tombstones for the rows past retention. Each index entry holds what its diagnostic
 * contributes to its connector's status, so that pruning needs no read of the row.
 */
public final class DiagnosticBranch implements EntityBranch<DiagnosticEmitted> {

    public static final String DIAGNOSTIC_STORE = "diagnostics-by-id";
    public static final String OCCURRENCE_INDEX_STORE = "diagnostics-by-occurrence";
    static final String EXPIRED_ON_ARRIVAL = "diagnostics-expired-on-arrival";
    static final String PRUNED = "diagnostics-pruned";

    private final AvroCodec<DiagnosticEvent> input;
    private final AvroCodec<ConnectorSyncDiagnostic> output;
    private final DiagnosticEventReader reader = new DiagnosticEventReader();
    private final DiagnosticFold fold = new DiagnosticFold();
    private final RetentionPeriod retention;
    private final Duration pruneInterval;
    private ProcessorContext<String, Emission> context;
    private LedgerOutput out;
    private KeyValueStore<String, StoredDiagnostic> diagnostics;
    private TimeOrderedIndex byOccurrence;
    private Sensor expiredOnArrival;
    private Sensor pruned;

    public DiagnosticBranch(SerdeConfig serde, Duration retention, Duration pruneInterval) {
        this.input = AvroCodec.create(DiagnosticEvent.getClassSchema(), serde);
        this.output = AvroCodec.create(ConnectorSyncDiagnostic.getClassSchema(), serde);
        this.retention = new RetentionPeriod(retention);
        this.pruneInterval = pruneInterval;
    }

    /** The stored diagnostics' format, for tools that fill the store directly (the prune benchmark). */
    public static BinarySerde<StoredDiagnostic> storedSerde() {
        return DiagnosticFormats.stored(Topics.DIAGNOSTICS.name());
    }

    /** What an occurrence index entry holds: what the diagnostic contributes to its connector's status. */
    public static byte[] indexValue(DiagnosticRow row) {
        return ContributionFormat.encode(DiagnosticRows.contribution(row));
    }

    @Override
    public String topic() {
        return Topics.DIAGNOSTICS.name();
    }

    @Override
    public String entity() {
        return "diagnostic";
    }

    @Override
    public Set<StoreBuilder<?>> stores() {
        return Set.of(
                Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(DIAGNOSTIC_STORE), Serdes.String(),
                        storedSerde()),
                Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(OCCURRENCE_INDEX_STORE), Serdes.Bytes(), Serdes.ByteArray()));
    }

    @Override
    public void init(ProcessorContext<String, Emission> context, CommitHook hook, LedgerOutput output) {
        this.context = context;
        this.out = output;
        this.diagnostics = context.getStateStore(DIAGNOSTIC_STORE);
        this.byOccurrence = new TimeOrderedIndex(context.getStateStore(OCCURRENCE_INDEX_STORE));
        this.expiredOnArrival = LedgerSensors.counter(context, EXPIRED_ON_ARRIVAL);
        this.pruned = LedgerSensors.counter(context, PRUNED);
        context.schedule(pruneInterval, PunctuationType.WALL_CLOCK_TIME,
                new RetentionPunctuator(byOccurrence, retention, this::expire, pruned));
    }

    @Override
    public DiagnosticEmitted read(EventOrigin origin, byte[] value) throws UndecodableRecordException, MalformedEventException {
        return reader.read(origin.key(), input.decode(origin.topic(), value));
    }

    @Override
    public Instant occurredAt(DiagnosticEmitted event) {
        return event.occurredAt();
    }

    @Override
    public UUID eventId(DiagnosticEmitted event) {
        return event.eventId();
    }

    @Override
    public UUID workspaceId(DiagnosticEmitted event) {
        return event.workspaceId();
    }

    @Override
    public Optional<Rejection> judgeAlone(DiagnosticEmitted event, EventOrigin origin) {
        return DiagnosticChecks.judgeAlone(event, origin);
    }

    @Override
    public ConnectorRef connectorOf(DiagnosticEmitted event) {
        // A diagnostic already past retention is dropped, not accepted: it claims no connector.
        return event.occurredAt().isBefore(retainedFrom()) ? null : new ConnectorRef(event.workspaceConnectorId(), event.workspaceId());
    }

    @Override
    public void fold(DiagnosticEmitted event, EventOrigin origin, Instant clock) {
        String key = event.diagnosticId().toString();
        StoredDiagnostic before = diagnostics.get(key);
        DiagnosticDecision decision = fold.apply(before, event, origin, retainedFrom());
        if (decision.expiredOnArrival()) {
            expiredOnArrival.record();
        }
        if (decision.storeChanged()) {
            StoredDiagnostic after = decision.stored();
            diagnostics.put(key, after);
            byte[] contribution = indexValue(after.row());
            if (before == null) {
                byOccurrence.add(after.row().occurredAt(), key, contribution);
            } else {
                byOccurrence.move(key, before.row().occurredAt(), after.row().occurredAt(), contribution);
            }
            publish(key, before, after);
        }
        decision.rejections().forEach(out::reject);
    }

    @Override
    public byte[] park(DiagnosticEmitted event) {
        return DiagnosticFormats.PARKED.encode(event);
    }

    @Override
    public DiagnosticEmitted unpark(byte[] parked) {
        return DiagnosticFormats.PARKED.decode(parked);
    }

    @Override
    public int forgetExpired(Instant clock, int limit) {
        return 0; // diagnostics leave by retention, on the wall clock
    }

    @Override
    public void close() {
        context.metrics().removeSensor(expiredOnArrival);
        context.metrics().removeSensor(pruned);
    }

    private Instant retainedFrom() {
        return retention.retainedFrom(context.currentSystemTimeMs());
    }

    private void expire(TimeOrderedIndex.Entry entry, long timestamp) {
        // put(key, null) deletes without delete()'s read of the old value, a random read per pruned row.
        diagnostics.put(entry.key(), null);
        out.row(Destination.DIAGNOSTIC_STATE, entry.key(), null);
        out.change(new ContributionChange(ContributionFormat.decode(entry.value()), null));
    }

    /** The row when it changed, and what that changes in its connector's status. */
    private void publish(String key, StoredDiagnostic before, StoredDiagnostic after) {
        if (before == null || !before.row().equals(after.row())) {
            out.row(Destination.DIAGNOSTIC_STATE, key, output.encode(Topics.DIAGNOSTIC_STATE.name(), DiagnosticRows.toAvro(after.row())));
        }
        ContributionChanges.between(contribution(before), contribution(after)).forEach(out::change);
    }

    private static DiagnosticContribution contribution(StoredDiagnostic stored) {
        return stored == null ? null : DiagnosticRows.contribution(stored.row());
    }
}
