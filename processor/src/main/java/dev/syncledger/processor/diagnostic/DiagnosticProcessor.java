package dev.syncledger.processor.diagnostic;

import dev.syncledger.processor.rejection.AcceptedEvents;
import dev.syncledger.processor.rejection.EventOrigin;
import dev.syncledger.processor.rejection.Rejections;
import dev.syncledger.processor.retention.RetentionPeriod;
import dev.syncledger.processor.retention.RetentionPunctuator;
import dev.syncledger.processor.LedgerSensors;
import dev.syncledger.processor.retention.TimeOrderedIndex;
import dev.syncledger.schemas.diagnostic.DiagnosticEvent;
import dev.syncledger.schemas.serde.AvroCodec;
import java.time.Duration;
import java.util.Optional;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.metrics.Sensor;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Routes diagnostic records through {@link DiagnosticFold}: reads what is kept for the diagnostic_id,
 * stores the new state and its place in the time index, emits the row and the rejections; and prunes
 * expired rows on a wall-clock schedule, emitting a tombstone for each.
 */
final class DiagnosticProcessor implements Processor<byte[], byte[], String, SpecificRecord> {

    static final String EXPIRED_ON_ARRIVAL = "diagnostics-expired-on-arrival";
    static final String PRUNED = "diagnostics-pruned";


    private final AvroCodec<DiagnosticEvent> codec;
    private final RetentionPeriod retention;
    private final Duration pruneInterval;
    private final DiagnosticEventReader reader = new DiagnosticEventReader();
    private final DiagnosticFold fold = new DiagnosticFold();
    private ProcessorContext<String, SpecificRecord> context;
    private AcceptedEvents accepted;
    private KeyValueStore<String, StoredDiagnostic> diagnostics;
    private TimeOrderedIndex byOccurrence;
    private Sensor expiredOnArrival;
    private Sensor pruned;

    DiagnosticProcessor(AvroCodec<DiagnosticEvent> codec, RetentionPeriod retention, Duration pruneInterval) {
        this.codec = codec;
        this.retention = retention;
        this.pruneInterval = pruneInterval;
    }

    @Override
    public void init(ProcessorContext<String, SpecificRecord> context) {
        this.context = context;
        this.accepted = AcceptedEvents.register(context, "diagnostic");
        this.diagnostics = context.getStateStore(DiagnosticTopology.DIAGNOSTIC_STORE);
        this.byOccurrence = new TimeOrderedIndex(context.getStateStore(DiagnosticTopology.OCCURRENCE_INDEX_STORE));
        this.expiredOnArrival = LedgerSensors.counter(context, EXPIRED_ON_ARRIVAL);
        this.pruned = LedgerSensors.counter(context, PRUNED);
        context.schedule(pruneInterval, PunctuationType.WALL_CLOCK_TIME,
                new RetentionPunctuator(byOccurrence, retention, this::expire, pruned));
    }

    @Override
    public void process(Record<byte[], byte[]> record) {
        EventOrigin origin = Rejections.originOf(context, record);
        Optional<DiagnosticEmitted> read = Rejections.readOrReject(context, origin, record.timestamp(),
                from -> reader.read(from.key(), codec.decode(from.topic(), from.value())));
        if (read.isEmpty()) {
            return;
        }
        DiagnosticEmitted event = read.get();
        String key = event.diagnosticId().toString();
        StoredDiagnostic before = diagnostics.get(key);
        DiagnosticDecision decision = fold.apply(before, event, origin, retention.retainedFrom(context.currentSystemTimeMs()));
        if (decision.expiredOnArrival()) {
            expiredOnArrival.record();
        }
        if (decision.storeChanged()) {
            store(key, before, decision.stored());
        }
        decision.changedRow().ifPresent(row -> context.forward(
                new Record<>(key, DiagnosticStateRecords.toAvro(row), record.timestamp()), DiagnosticTopology.STATE_SINK_NODE));
        decision.rejections().forEach(rejection -> Rejections.publish(context, rejection, record.timestamp()));
        accepted.record(origin, decision.rejections());
    }

    @Override
    public void close() {
        accepted.close();
        context.metrics().removeSensor(expiredOnArrival);
        context.metrics().removeSensor(pruned);
    }

    private void store(String key, StoredDiagnostic before, StoredDiagnostic after) {
        diagnostics.put(key, after);
        if (before == null) {
            byOccurrence.add(after.row().occurredAt(), key);
        } else {
            byOccurrence.move(key, before.row().occurredAt(), after.row().occurredAt());
        }
    }

    private void expire(String key, long timestamp) {
        // put(key, null) deletes without delete()'s read of the old value: a random read per pruned row
        // that costs more the larger the store is.
        diagnostics.put(key, null);
        context.forward(new Record<String, SpecificRecord>(key, null, timestamp), DiagnosticTopology.STATE_SINK_NODE);
    }

}
