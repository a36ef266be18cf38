package dev.syncledger.processor.synclog;

import dev.syncledger.processor.rejection.EventOrigin;
import dev.syncledger.processor.rejection.MalformedEventException;
import dev.syncledger.processor.rejection.RejectedEventRecords;
import dev.syncledger.processor.rejection.Rejection;
import dev.syncledger.processor.rejection.RejectionReason;
import dev.syncledger.processor.rejection.Rejections;
import dev.syncledger.schemas.serde.AvroCodec;
import dev.syncledger.schemas.serde.UndecodableRecordException;
import dev.syncledger.schemas.syncrun.SyncRunEvent;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Routes sync-run records through {@link SyncLogFold}: reads the run's ledger, stores the new one, emits the row and the rejections. */
final class SyncLogProcessor implements Processor<byte[], byte[], String, SpecificRecord> {

    private static final Logger LOG = LoggerFactory.getLogger(SyncLogProcessor.class);

    private final AvroCodec<SyncRunEvent> codec;
    private final SyncRunEventReader reader = new SyncRunEventReader();
    private final SyncLogFold fold = new SyncLogFold();
    private ProcessorContext<String, SpecificRecord> context;
    private KeyValueStore<String, SyncLogLedger> ledgers;

    SyncLogProcessor(AvroCodec<SyncRunEvent> codec) {
        this.codec = codec;
    }

    @Override
    public void init(ProcessorContext<String, SpecificRecord> context) {
        this.context = context;
        this.ledgers = context.getStateStore(SyncLogTopology.LEDGER_STORE);
    }

    @Override
    public void process(Record<byte[], byte[]> record) {
        EventOrigin origin = Rejections.originOf(context, record);
        SyncLogEvent event;
        try {
            event = reader.read(origin.key(), codec.decode(origin.topic(), record.value()));
        } catch (UndecodableRecordException e) {
            reject(new Rejection(RejectionReason.MALFORMED, e.getMessage(), null, origin), record.timestamp());
            return;
        } catch (MalformedEventException e) {
            reject(new Rejection(RejectionReason.MALFORMED, e.getMessage(), e.eventId(), origin), record.timestamp());
            return;
        }
        String runKey = event.syncLogId().toString();
        SyncLogDecision decision = fold.apply(ledgers.get(runKey), event, origin);
        if (decision.ledgerChanged()) {
            ledgers.put(runKey, decision.ledger());
        }
        decision.changedRow().ifPresent(row -> context.forward(
                new Record<>(runKey, SyncLogStateRecords.toAvro(row, decision.revision()), record.timestamp()),
                SyncLogTopology.STATE_SINK_NODE));
        decision.rejections().forEach(rejection -> reject(rejection, record.timestamp()));
    }

    private void reject(Rejection rejection, long timestamp) {
        LOG.debug("rejected {} as {}: {}", rejection.origin(), rejection.reason().code(), rejection.message());
        Rejections.publish(context, rejection, timestamp, RejectedEventRecords.toAvro(rejection, Rejections.now(context)));
    }
}
