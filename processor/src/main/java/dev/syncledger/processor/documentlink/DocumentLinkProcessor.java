package dev.syncledger.processor.documentlink;

import dev.syncledger.processor.rejection.AcceptedEvents;
import dev.syncledger.processor.rejection.EventOrigin;
import dev.syncledger.processor.rejection.Rejections;
import dev.syncledger.schemas.documentlink.DocumentLinkEvent;
import dev.syncledger.schemas.serde.AvroCodec;
import java.util.List;
import java.util.Optional;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

/** Routes document-link records through {@link DocumentLinkFold}: reads the link's ledger, stores the new one, emits the row or the rejection. */
final class DocumentLinkProcessor implements Processor<byte[], byte[], String, SpecificRecord> {


    private final AvroCodec<DocumentLinkEvent> codec;
    private final DocumentLinkEventReader reader = new DocumentLinkEventReader();
    private final DocumentLinkFold fold = new DocumentLinkFold();
    private ProcessorContext<String, SpecificRecord> context;
    private AcceptedEvents accepted;
    private KeyValueStore<String, DocumentLinkLedger> ledgers;

    DocumentLinkProcessor(AvroCodec<DocumentLinkEvent> codec) {
        this.codec = codec;
    }

    @Override
    public void init(ProcessorContext<String, SpecificRecord> context) {
        this.context = context;
        this.accepted = AcceptedEvents.register(context, "document-link");
        this.ledgers = context.getStateStore(DocumentLinkTopology.LEDGER_STORE);
    }

    @Override
    public void process(Record<byte[], byte[]> record) {
        EventOrigin origin = Rejections.originOf(context, record);
        Optional<LinkEvent> read = Rejections.readOrReject(context, origin, record.timestamp(),
                from -> reader.read(from.key(), codec.decode(from.topic(), from.value())));
        if (read.isEmpty()) {
            return;
        }
        LinkEvent event = read.get();
        String linkKey = event.key().toString();
        DocumentLinkDecision decision = fold.apply(ledgers.get(linkKey), event, origin);
        if (decision.ledgerChanged()) {
            ledgers.put(linkKey, decision.ledger());
        }
        decision.changedRow().ifPresent(row -> context.forward(
                new Record<>(linkKey, DocumentLinkStateRecords.toAvro(row, decision.revision()), record.timestamp()),
                DocumentLinkTopology.STATE_SINK_NODE));
        decision.rejection().ifPresent(rejection -> Rejections.publish(context, rejection, record.timestamp()));
        accepted.record(origin, decision.rejection().map(List::of).orElse(List.of()));
    }

    @Override
    public void close() {
        accepted.close();
    }
}
