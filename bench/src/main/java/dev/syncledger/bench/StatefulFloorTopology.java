package dev.syncledger.bench;

import dev.syncledger.schemas.serde.AvroCodec;
import dev.syncledger.schemas.serde.SerdeConfig;
import java.util.List;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;

/**
 * The least any stateful fold in Kafka Streams does: the pass-through's work plus, for each event, one read and one
 * write of a persistent store keyed by the event's key (Kafka Streams' own RocksDB store with its record cache and
 * changelog, as the settings give them) and one row out. No rules, no second hop, no status: what it reaches is what
 * keeping state with exactly-once costs on this machine, so the processor's gap to the pass-through can be split into
 * what state costs anyone and what our folds add.
 */
final class StatefulFloorTopology {

    static final String OUTPUT_PREFIX = "bench.stateful-floor.";

    private StatefulFloorTopology() {}

    static List<String> outputTopics() {
        return PassThroughTopology.INPUT_SCHEMAS.keySet().stream().map(topic -> OUTPUT_PREFIX + topic).sorted().toList();
    }

    static Topology build(SerdeConfig serde) {
        Topology topology = new Topology();
        PassThroughTopology.INPUT_SCHEMAS.forEach((topic, schema) -> {
            AvroCodec<SpecificRecord> codec = AvroCodec.create(schema, serde);
            String source = "source-" + topic;
            String fold = "fold-" + topic;
            String store = "state-" + topic.replace('.', '-');
            topology.addSource(source, Serdes.String().deserializer(), Serdes.ByteArray().deserializer(), topic);
            topology.addProcessor(fold, () -> new Fold(codec, OUTPUT_PREFIX + topic, store), source);
            topology.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(store), Serdes.String(), Serdes.ByteArray()), fold);
            topology.addSink("sink-" + topic, OUTPUT_PREFIX + topic, Serdes.String().serializer(), Serdes.ByteArray().serializer(), fold);
        });
        return topology;
    }

    /** Reads the key's state, decodes the event, writes the new state and forwards it as the row. */
    private static final class Fold implements Processor<String, byte[], String, byte[]> {
        private final AvroCodec<SpecificRecord> codec;
        private final String outputTopic;
        private final String storeName;
        private ProcessorContext<String, byte[]> context;
        private KeyValueStore<String, byte[]> store;

        Fold(AvroCodec<SpecificRecord> codec, String outputTopic, String storeName) {
            this.codec = codec;
            this.outputTopic = outputTopic;
            this.storeName = storeName;
        }

        @Override
        public void init(ProcessorContext<String, byte[]> context) {
            this.context = context;
            this.store = context.getStateStore(storeName);
        }

        @Override
        public void process(Record<String, byte[]> record) {
            // A fold reads its key's state before it decides; what it finds does not matter here, what the read costs does.
            store.get(record.key());
            byte[] row = codec.encode(outputTopic, PassThroughTopology.decode(codec, outputTopic, record.value()));
            store.put(record.key(), row);
            context.forward(record.withValue(row));
        }
    }
}
