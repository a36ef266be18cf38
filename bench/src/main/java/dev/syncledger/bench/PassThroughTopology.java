package dev.syncledger.bench;

import dev.syncledger.schemas.Topics;
import dev.syncledger.schemas.collect.CollectEvent;
import dev.syncledger.schemas.diagnostic.DiagnosticEvent;
import dev.syncledger.schemas.documentlink.DocumentLinkEvent;
import dev.syncledger.schemas.serde.AvroCodec;
import dev.syncledger.schemas.serde.SerdeConfig;
import dev.syncledger.schemas.serde.UndecodableRecordException;
import dev.syncledger.schemas.syncrun.SyncRunEvent;
import java.util.List;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;

/**
 * The processor's reference: the same input topics read with the same Avro codecs, every event
 * decoded and encoded again and written out, without a store. What it reaches is what the broker,
 * the serdes and the guarantee allow on this machine; the processor's rate is judged against it.
 */
final class PassThroughTopology {

    static final String OUTPUT_PREFIX = "bench.pass-through.";

    static final Map<String, Schema> INPUT_SCHEMAS = Map.of(
            Topics.SYNC_RUNS.name(), SyncRunEvent.getClassSchema(),
            Topics.DIAGNOSTICS.name(), DiagnosticEvent.getClassSchema(),
            Topics.DOCUMENT_LINKS.name(), DocumentLinkEvent.getClassSchema(),
            Topics.COLLECTS.name(), CollectEvent.getClassSchema());

    private PassThroughTopology() {}

    static List<String> outputTopics() {
        return INPUT_SCHEMAS.keySet().stream().map(topic -> OUTPUT_PREFIX + topic).sorted().toList();
    }

    static Topology build(SerdeConfig serde) {
        Topology topology = new Topology();
        INPUT_SCHEMAS.forEach((topic, schema) -> {
            AvroCodec<SpecificRecord> codec = AvroCodec.create(schema, serde);
            String source = "source-" + topic;
            String copy = "copy-" + topic;
            topology.addSource(source, Serdes.String().deserializer(), Serdes.ByteArray().deserializer(), topic);
            topology.addProcessor(copy, () -> new Copy(codec, topic), source);
            topology.addSink("sink-" + topic, OUTPUT_PREFIX + topic, Serdes.String().serializer(), Serdes.ByteArray().serializer(), copy);
        });
        return topology;
    }

    /** Decodes and re-encodes, as a fold does on its way in and out, and forwards. */
    private static final class Copy implements Processor<String, byte[], String, byte[]> {
        private final AvroCodec<SpecificRecord> codec;
        private final String outputTopic;
        private ProcessorContext<String, byte[]> context;

        Copy(AvroCodec<SpecificRecord> codec, String inputTopic) {
            this.codec = codec;
            this.outputTopic = OUTPUT_PREFIX + inputTopic;
        }

        @Override
        public void init(ProcessorContext<String, byte[]> context) {
            this.context = context;
        }

        @Override
        public void process(Record<String, byte[]> record) {
            context.forward(record.withValue(codec.encode(outputTopic, decode(codec, outputTopic, record.value()))));
        }
    }

    static SpecificRecord decode(AvroCodec<SpecificRecord> codec, String topic, byte[] value) {
        try {
            return codec.decode(topic, value);
        } catch (UndecodableRecordException e) {
            // The workload is generated: an event it cannot read is a harness bug, not input to set aside.
            throw new IllegalStateException(e);
        }
    }
}
