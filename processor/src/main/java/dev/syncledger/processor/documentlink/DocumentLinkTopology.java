package dev.syncledger.processor.documentlink;

import dev.syncledger.schemas.Topics;
import dev.syncledger.schemas.documentlink.DocumentLinkEvent;
import dev.syncledger.schemas.serde.AvroCodec;
import dev.syncledger.schemas.serde.SerdeConfig;
import dev.syncledger.schemas.state.DocumentWorkspaceConnector;
import java.util.Set;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorSupplier;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;

/** The document-link branch of the topology: document-links topic in, link ledgers stored, rows out to the state topic. */
public final class DocumentLinkTopology {

    public static final String SOURCE_NODE = "document-links";
    public static final String FOLD_NODE = "document-link-fold";
    public static final String STATE_SINK_NODE = "document-link-state";
    public static final String LEDGER_STORE = "document-link-ledgers";

    private DocumentLinkTopology() {}

    /** Adds the branch and returns the name of the node whose rejections go to the rejected-events sink. */
    public static String addTo(Topology topology, SerdeConfig serdeConfig) {
        AvroCodec<DocumentLinkEvent> input = AvroCodec.create(DocumentLinkEvent.getClassSchema(), serdeConfig);
        AvroCodec<DocumentWorkspaceConnector> output = AvroCodec.create(DocumentWorkspaceConnector.getClassSchema(), serdeConfig);
        topology.addSource(SOURCE_NODE, Serdes.ByteArray().deserializer(), Serdes.ByteArray().deserializer(), Topics.DOCUMENT_LINKS.name());
        topology.addProcessor(FOLD_NODE, new Supplier(input), SOURCE_NODE);
        topology.addSink(STATE_SINK_NODE, Topics.DOCUMENT_LINK_STATE.name(), Serdes.String().serializer(),
                (String topic, DocumentWorkspaceConnector row) -> row == null ? null : output.encode(topic, row), FOLD_NODE);
        return FOLD_NODE;
    }

    private record Supplier(AvroCodec<DocumentLinkEvent> codec) implements ProcessorSupplier<byte[], byte[], String, SpecificRecord> {

        @Override
        public Processor<byte[], byte[], String, SpecificRecord> get() {
            return new DocumentLinkProcessor(codec);
        }

        @Override
        public Set<StoreBuilder<?>> stores() {
            return Set.of(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(LEDGER_STORE), Serdes.String(),
                    new DocumentLinkLedgerSerde()));
        }
    }
}
