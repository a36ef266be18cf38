package dev.syncledger.processor.collect;

import dev.syncledger.processor.rejection.AcceptedEvents;
import dev.syncledger.processor.rejection.EventOrigin;
import dev.syncledger.processor.rejection.Rejections;
import dev.syncledger.schemas.collect.CollectEvent;
import dev.syncledger.schemas.serde.AvroCodec;
import java.util.Optional;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Routes collect records through {@link CollectFold}: reads the collect's ledger, stores the new one,
 * emits the collect row, the sync log it produces, and the rejections.
 */
final class CollectProcessor implements Processor<byte[], byte[], String, SpecificRecord> {


    private final AvroCodec<CollectEvent> codec;
    private final CollectEventReader reader = new CollectEventReader();
    private final CollectFold fold = new CollectFold();
    private ProcessorContext<String, SpecificRecord> context;
    private AcceptedEvents accepted;
    private KeyValueStore<String, CollectLedger> ledgers;

    CollectProcessor(AvroCodec<CollectEvent> codec) {
        this.codec = codec;
    }

    @Override
    public void init(ProcessorContext<String, SpecificRecord> context) {
        this.context = context;
        this.accepted = AcceptedEvents.register(context, "collect");
        this.ledgers = context.getStateStore(CollectTopology.LEDGER_STORE);
    }

    @Override
    public void process(Record<byte[], byte[]> record) {
        EventOrigin origin = Rejections.originOf(context, record);
        Optional<CollectChange> read = Rejections.readOrReject(context, origin, record.timestamp(),
                from -> reader.read(from.key(), codec.decode(from.topic(), from.value())));
        if (read.isEmpty()) {
            return;
        }
        CollectChange event = read.get();
        String collectKey = event.collectId().toString();
        CollectDecision decision = fold.apply(ledgers.get(collectKey), event, origin);
        if (decision.ledgerChanged()) {
            ledgers.put(collectKey, decision.ledger());
        }
        decision.changedRow().ifPresent(row -> context.forward(
                new Record<>(collectKey, CollectStateRecords.toAvro(row, decision.revision()), record.timestamp()),
                CollectTopology.STATE_SINK_NODE));
        decision.syncLogUpdate().ifPresent(update -> context.forward(
                new Record<>(update.syncLogId().toString(), CollectStateRecords.toAvro(update), record.timestamp()),
                CollectTopology.SYNC_LOG_SINK_NODE));
        decision.rejections().forEach(rejection -> Rejections.publish(context, rejection, record.timestamp()));
        accepted.record(origin, decision.rejections());
    }

    @Override
    public void close() {
        accepted.close();
    }
}
