package dev.syncledger.processor;

import dev.syncledger.processor.collect.CollectTopology;
import dev.syncledger.processor.diagnostic.DiagnosticTopology;
import dev.syncledger.processor.documentlink.DocumentLinkTopology;
import dev.syncledger.processor.rejection.Rejections;
import dev.syncledger.processor.status.StatusTopology;
import dev.syncledger.processor.synclog.SyncLogTopology;
import dev.syncledger.schemas.Topics;
import dev.syncledger.schemas.rejected.RejectedEvent;
import dev.syncledger.schemas.serde.AvroCodec;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.Topology;

/**
 * The whole processor, read top to bottom like the diagram: each entity's branch folds its input
 * topic into its compacted state topic, and every branch sends what it refuses to one rejected-events
 * topic. Building it starts nothing; the app owns the KafkaStreams lifecycle.
 */
public final class SyncLedgerTopology {

    private SyncLedgerTopology() {}

    public static Topology build(TopologyConfig config) {
        Topology topology = new Topology();
        List<String> folds = new ArrayList<>();
        folds.add(SyncLogTopology.addTo(topology, config.serde()));
        folds.add(DiagnosticTopology.addTo(topology, config));
        folds.add(DocumentLinkTopology.addTo(topology, config.serde()));
        folds.add(CollectTopology.addTo(topology, config.serde()));

        AvroCodec<RejectedEvent> rejected = AvroCodec.create(RejectedEvent.getClassSchema(), config.serde());
        topology.addSink(Rejections.SINK_NODE, Topics.REJECTED.name(), Serdes.String().serializer(),
                (String topic, RejectedEvent event) -> rejected.encode(topic, event), folds.toArray(String[]::new));

        // Made from the state topics above, not from user input: nothing to reject, so not one of the folds.
        StatusTopology.addTo(topology, config.serde());
        return topology;
    }
}
