package dev.syncledger.processor.documentlink;

import dev.syncledger.processor.rejection.AcceptedEvents;
import dev.syncledger.processor.rejection.EventOrigin;
import dev.syncledger.processor.rejection.MalformedEventException;
import dev.syncledger.processor.rejection.Rejection;
import dev.syncledger.processor.rejection.RejectionReason;
import dev.syncledger.processor.rejection.Rejections;
import dev.syncledger.schemas.documentlink.DocumentLinkEvent;
import dev.syncledger.schemas.serde.AvroCodec;
import dev.syncledger.schemas.serde.UndecodableRecordException;
import java.util.List;
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
        LinkEvent event;
        try {
            event = reader.read(origin.key(), codec.decode(origin.topic(), record.value()));
        } catch (UndecodableRecordException e) {
            Rejections.publish(context, new Rejection(RejectionReason.MALFORMED, e.getMessage(), null, origin), record.timestamp());
            return;
        } catch (MalformedEventException e) {
            Rejections.publish(context, new Rejection(RejectionReason.MALFORMED, e.getMessage(), e.eventId(), origin), record.timestamp());
            return;
        } catch (UnknownDirectionException e) {
            Rejections.publish(context, new Rejection(RejectionReason.UNKNOWN_ENUM_VALUE, e.getMessage(), e.eventId(), origin), record.timestamp());
            return;
        }
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
