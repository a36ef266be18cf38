package dev.syncledger.processor.status;

import dev.syncledger.processor.store.StoreSerde;
import dev.syncledger.processor.status.store.ConnectorStatusState;
import dev.syncledger.processor.status.store.IndexedRunState;
import dev.syncledger.processor.status.store.StatusContribution;
import dev.syncledger.processor.status.store.StatusContributionChange;
import dev.syncledger.schemas.Topics;
import dev.syncledger.schemas.serde.AvroCodec;
import dev.syncledger.schemas.serde.SerdeConfig;
import dev.syncledger.schemas.state.ConnectorStatus;
import java.util.List;
import java.util.Set;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorSupplier;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;

/**
 * The connector-status branch, in two stages so that a row is never counted twice under any interleaving:
 * the processor's own state topics in, each row's contribution compared with its last one, changes
 * re-keyed by connector through an internal topic, folded per connector, status rows out. It judges no
 * user input, so it has no rejections.
 */
public final class StatusTopology {

    public static final String STATE_ROWS_SOURCE_NODE = "status-state-rows";
    public static final String CONTRIBUTION_NODE = "status-contribution-diff";
    public static final String CHANGES_SINK_NODE = "status-contribution-changes-out";
    public static final String CHANGES_SOURCE_NODE = "status-contribution-changes-in";
    public static final String STATUS_NODE = "connector-status-fold";
    public static final String STATUS_SINK_NODE = "connector-status-state";

    public static final String CONTRIBUTION_STORE = "status-contributions";
    public static final String ROW_STORE = "status-rows";
    public static final String RUNS_BY_CREATED_STORE = "status-runs-by-created";
    public static final String FINISHED_RUNS_STORE = "status-finished-runs";

    /** The state topics the status is derived from. */
    public static final List<String> SOURCE_TOPICS = StateRowDecoder.TOPICS;

    private StatusTopology() {}

    public static void addTo(Topology topology, SerdeConfig serdeConfig) {
        // The hand-over is the processor's own: never through a registry, whatever the public topics use.
        AvroCodec<StatusContributionChange> changes = AvroCodec.create(StatusContributionChange.getClassSchema(), SerdeConfig.withoutRegistry());
        AvroCodec<ConnectorStatus> output = AvroCodec.create(ConnectorStatus.getClassSchema(), serdeConfig);

        topology.addSource(STATE_ROWS_SOURCE_NODE, Serdes.String().deserializer(), Serdes.ByteArray().deserializer(),
                StateRowDecoder.TOPICS.toArray(String[]::new));
        topology.addProcessor(CONTRIBUTION_NODE, new ContributionStage(new StateRowDecoder(serdeConfig)), STATE_ROWS_SOURCE_NODE);
        topology.addSink(CHANGES_SINK_NODE, Topics.STATUS_CONTRIBUTIONS.name(), Serdes.String().serializer(),
                (String topic, StatusContributionChange change) -> changes.encode(topic, change), CONTRIBUTION_NODE);

        topology.addSource(CHANGES_SOURCE_NODE, Serdes.String().deserializer(), Serdes.ByteArray().deserializer(),
                Topics.STATUS_CONTRIBUTIONS.name());
        topology.addProcessor(STATUS_NODE, new StatusStage(changes), CHANGES_SOURCE_NODE);
        topology.addSink(STATUS_SINK_NODE, Topics.CONNECTOR_STATUS_STATE.name(), Serdes.String().serializer(),
                (String topic, ConnectorStatus row) -> output.encode(topic, row), STATUS_NODE);
    }

    private record ContributionStage(StateRowDecoder decoder)
            implements ProcessorSupplier<String, byte[], String, StatusContributionChange> {

        @Override
        public Processor<String, byte[], String, StatusContributionChange> get() {
            return new ContributionProcessor(decoder);
        }

        @Override
        public Set<StoreBuilder<?>> stores() {
            return Set.of(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(CONTRIBUTION_STORE), Serdes.String(),
                    StoreSerde.ofRecord(StatusContribution.getClassSchema())));
        }
    }

    private record StatusStage(AvroCodec<StatusContributionChange> codec) implements ProcessorSupplier<String, byte[], String, ConnectorStatus> {

        @Override
        public Processor<String, byte[], String, ConnectorStatus> get() {
            return new ConnectorStatusProcessor(codec);
        }

        @Override
        public Set<StoreBuilder<?>> stores() {
            return Set.of(
                    Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(ROW_STORE), Serdes.String(),
                            StoreSerde.ofRecord(ConnectorStatusState.getClassSchema())),
                    indexStore(RUNS_BY_CREATED_STORE),
                    indexStore(FINISHED_RUNS_STORE));
        }

        private static StoreBuilder<?> indexStore(String name) {
            return Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(name), Serdes.Bytes(),
                    StoreSerde.ofRecord(IndexedRunState.getClassSchema()));
        }
    }
}
