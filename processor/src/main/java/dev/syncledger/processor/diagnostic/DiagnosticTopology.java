package dev.syncledger.processor.diagnostic;

import dev.syncledger.processor.TopologyConfig;
import dev.syncledger.processor.retention.RetentionPeriod;
import dev.syncledger.schemas.Topics;
import dev.syncledger.schemas.diagnostic.DiagnosticEvent;
import dev.syncledger.schemas.serde.AvroCodec;
import dev.syncledger.schemas.state.ConnectorSyncDiagnostic;
import java.time.Duration;
import java.util.Set;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorSupplier;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;

/**
 * The diagnostics branch of the topology: diagnostics topic in, one stored diagnostic per id plus a
 * time index for retention, rows and tombstones out to the state topic.
 */
public final class DiagnosticTopology {

    public static final String SOURCE_NODE = "diagnostics";
    public static final String FOLD_NODE = "diagnostic-fold";
    public static final String STATE_SINK_NODE = "diagnostic-state";
    public static final String DIAGNOSTIC_STORE = "diagnostics-by-id";
    public static final String OCCURRENCE_INDEX_STORE = "diagnostics-by-occurrence";

    private DiagnosticTopology() {}

    /** Adds the branch and returns the name of the node whose rejections go to the rejected-events sink. */
    public static String addTo(Topology topology, TopologyConfig config) {
        AvroCodec<DiagnosticEvent> input = AvroCodec.create(DiagnosticEvent.getClassSchema(), config.serde());
        AvroCodec<ConnectorSyncDiagnostic> output = AvroCodec.create(ConnectorSyncDiagnostic.getClassSchema(), config.serde());
        topology.addSource(SOURCE_NODE, Serdes.ByteArray().deserializer(), Serdes.ByteArray().deserializer(), Topics.DIAGNOSTICS.name());
        topology.addProcessor(FOLD_NODE,
                new Supplier(input, new RetentionPeriod(config.diagnosticRetention()), config.pruneInterval()), SOURCE_NODE);
        topology.addSink(STATE_SINK_NODE, Topics.DIAGNOSTIC_STATE.name(), Serdes.String().serializer(),
                (String topic, ConnectorSyncDiagnostic row) -> row == null ? null : output.encode(topic, row), FOLD_NODE);
        return FOLD_NODE;
    }

    private record Supplier(AvroCodec<DiagnosticEvent> codec, RetentionPeriod retention, Duration pruneInterval)
            implements ProcessorSupplier<byte[], byte[], String, SpecificRecord> {

        @Override
        public Processor<byte[], byte[], String, SpecificRecord> get() {
            return new DiagnosticProcessor(codec, retention, pruneInterval);
        }

        @Override
        public Set<StoreBuilder<?>> stores() {
            return Set.of(
                    Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(DIAGNOSTIC_STORE), Serdes.String(), new DiagnosticStoreSerde()),
                    Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(OCCURRENCE_INDEX_STORE), Serdes.Bytes(), Serdes.ByteArray()));
        }
    }
}
