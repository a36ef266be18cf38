package dev.syncledger.processor.collect;

import dev.syncledger.schemas.Topics;
import dev.syncledger.schemas.collect.CollectEvent;
import dev.syncledger.schemas.serde.AvroCodec;
import dev.syncledger.schemas.serde.SerdeConfig;
import dev.syncledger.schemas.state.Collect;
import dev.syncledger.schemas.state.WorkspaceConnectorSyncLog;
import java.util.Set;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorSupplier;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;

/**
 * The collect branch of the topology: collects topic in, collect ledgers stored, collect rows out to
 * their state topic and the sync logs ended collects produce out to the sync-log state topic, which
 * the sync-log branch writes too (their ids never collide: a collect's is name-based).
 */
public final class CollectTopology {

    public static final String SOURCE_NODE = "collects";
    public static final String FOLD_NODE = "collect-fold";
    public static final String STATE_SINK_NODE = "collect-state";
    public static final String SYNC_LOG_SINK_NODE = "collect-sync-log-state";
    public static final String LEDGER_STORE = "collect-ledgers";

    private CollectTopology() {}

    /** Adds the branch and returns the name of the node whose rejections go to the rejected-events sink. */
    public static String addTo(Topology topology, SerdeConfig serdeConfig) {
        AvroCodec<CollectEvent> input = AvroCodec.create(CollectEvent.getClassSchema(), serdeConfig);
        AvroCodec<Collect> rows = AvroCodec.create(Collect.getClassSchema(), serdeConfig);
        AvroCodec<WorkspaceConnectorSyncLog> syncLogs = AvroCodec.create(WorkspaceConnectorSyncLog.getClassSchema(), serdeConfig);
        topology.addSource(SOURCE_NODE, Serdes.ByteArray().deserializer(), Serdes.ByteArray().deserializer(), Topics.COLLECTS.name());
        topology.addProcessor(FOLD_NODE, new Supplier(input), SOURCE_NODE);
        topology.addSink(STATE_SINK_NODE, Topics.COLLECT_STATE.name(), Serdes.String().serializer(),
                (String topic, Collect row) -> row == null ? null : rows.encode(topic, row), FOLD_NODE);
        topology.addSink(SYNC_LOG_SINK_NODE, Topics.SYNC_LOG_STATE.name(), Serdes.String().serializer(),
                (String topic, WorkspaceConnectorSyncLog log) -> log == null ? null : syncLogs.encode(topic, log), FOLD_NODE);
        return FOLD_NODE;
    }

    private record Supplier(AvroCodec<CollectEvent> codec) implements ProcessorSupplier<byte[], byte[], String, SpecificRecord> {

        @Override
        public Processor<byte[], byte[], String, SpecificRecord> get() {
            return new CollectProcessor(codec);
        }

        @Override
        public Set<StoreBuilder<?>> stores() {
            return Set.of(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(LEDGER_STORE), Serdes.String(), new CollectLedgerSerde()));
        }
    }
}
