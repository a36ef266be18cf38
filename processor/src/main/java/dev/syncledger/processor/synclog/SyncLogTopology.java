package dev.syncledger.processor.synclog;

import dev.syncledger.schemas.Topics;
import dev.syncledger.schemas.serde.AvroCodec;
import dev.syncledger.schemas.serde.SerdeConfig;
import dev.syncledger.schemas.state.WorkspaceConnectorSyncLog;
import dev.syncledger.schemas.syncrun.SyncRunEvent;
import java.util.Set;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorSupplier;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;

/** The sync-log branch of the topology: sync-runs topic in, run ledgers stored, rows out to the state topic. */
public final class SyncLogTopology {

    public static final String SOURCE_NODE = "sync-runs";
    public static final String FOLD_NODE = "sync-log-fold";
    public static final String STATE_SINK_NODE = "sync-log-state";
    public static final String LEDGER_STORE = "sync-log-ledgers";

    private SyncLogTopology() {}

    /** Adds the branch and returns the name of the node whose rejections go to the rejected-events sink. */
    public static String addTo(Topology topology, SerdeConfig serdeConfig) {
        AvroCodec<SyncRunEvent> input = AvroCodec.create(SyncRunEvent.getClassSchema(), serdeConfig);
        AvroCodec<WorkspaceConnectorSyncLog> output = AvroCodec.create(WorkspaceConnectorSyncLog.getClassSchema(), serdeConfig);
        topology.addSource(SOURCE_NODE, Serdes.ByteArray().deserializer(), Serdes.ByteArray().deserializer(), Topics.SYNC_RUNS.name());
        topology.addProcessor(FOLD_NODE, new Supplier(input), SOURCE_NODE);
        topology.addSink(STATE_SINK_NODE, Topics.SYNC_LOG_STATE.name(), Serdes.String().serializer(),
                (String topic, WorkspaceConnectorSyncLog row) -> row == null ? null : output.encode(topic, row), FOLD_NODE);
        return FOLD_NODE;
    }

    private record Supplier(AvroCodec<SyncRunEvent> codec) implements ProcessorSupplier<byte[], byte[], String, SpecificRecord> {

        @Override
        public Processor<byte[], byte[], String, SpecificRecord> get() {
            return new SyncLogProcessor(codec);
        }

        @Override
        public Set<StoreBuilder<?>> stores() {
            return Set.of(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(LEDGER_STORE), Serdes.String(), new SyncLogLedgerSerde()));
        }
    }

}
