package dev.syncledger.processor.synclog;

import dev.syncledger.processor.rejection.AcceptedEvents;
import dev.syncledger.processor.rejection.EventOrigin;
import dev.syncledger.processor.rejection.Rejections;
import dev.syncledger.schemas.serde.AvroCodec;
import dev.syncledger.schemas.syncrun.SyncRunEvent;
import java.util.Optional;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

/** Routes sync-run records through {@link SyncLogFold}: reads the run's ledger, stores the new one, emits the row and the rejections. */
final class SyncLogProcessor implements Processor<byte[], byte[], String, SpecificRecord> {


    private final AvroCodec<SyncRunEvent> codec;
    private final SyncRunEventReader reader = new SyncRunEventReader();
    private final SyncLogFold fold = new SyncLogFold();
    private ProcessorContext<String, SpecificRecord> context;
    private AcceptedEvents accepted;
    private KeyValueStore<String, SyncLogLedger> ledgers;

    SyncLogProcessor(AvroCodec<SyncRunEvent> codec) {
        this.codec = codec;
    }

    @Override
    public void init(ProcessorContext<String, SpecificRecord> context) {
        this.context = context;
        this.accepted = AcceptedEvents.register(context, "sync-run");
        this.ledgers = context.getStateStore(SyncLogTopology.LEDGER_STORE);
    }

    @Override
    public void process(Record<byte[], byte[]> record) {
        EventOrigin origin = Rejections.originOf(context, record);
        Optional<SyncLogEvent> read = Rejections.readOrReject(context, origin, record.timestamp(),
                from -> reader.read(from.key(), codec.decode(from.topic(), from.value())));
        if (read.isEmpty()) {
            return;
        }
        SyncLogEvent event = read.get();
        String runKey = event.syncLogId().toString();
        SyncLogDecision decision = fold.apply(ledgers.get(runKey), event, origin);
        if (decision.ledgerChanged()) {
            ledgers.put(runKey, decision.ledger());
        }
        decision.changedRow().ifPresent(row -> context.forward(
                new Record<>(runKey, SyncLogStateRecords.toAvro(row, decision.revision()), record.timestamp()),
                SyncLogTopology.STATE_SINK_NODE));
        decision.rejections().forEach(rejection -> Rejections.publish(context, rejection, record.timestamp()));
        accepted.record(origin, decision.rejections());
    }

    @Override
    public void close() {
        accepted.close();
    }
}
