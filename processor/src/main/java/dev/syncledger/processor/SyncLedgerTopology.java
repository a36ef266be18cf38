package dev.syncledger.processor;

import dev.syncledger.processor.collect.CollectBranch;
import dev.syncledger.processor.connector.ConnectorProcessor;
import dev.syncledger.processor.connector.ConnectorState;
import dev.syncledger.processor.diagnostic.DiagnosticBranch;
import dev.syncledger.processor.documentlink.DocumentLinkBranch;
import dev.syncledger.processor.ledger.EntityBranch;
import dev.syncledger.processor.ledger.LedgerProcessor;
import dev.syncledger.processor.output.Emission;
import dev.syncledger.processor.output.Emission.Destination;
import dev.syncledger.processor.ownership.ParkedEvent;
import dev.syncledger.processor.status.ConnectorStatusFold;
import dev.syncledger.processor.store.CommitHook;
import dev.syncledger.processor.synclog.SyncLogBranch;
import dev.syncledger.processor.watch.WatchFold;
import dev.syncledger.schemas.Topics;
import dev.syncledger.schemas.alert.ConnectorAlert;
import dev.syncledger.schemas.rejected.RejectedEvent;
import dev.syncledger.schemas.serde.AvroCodec;
import dev.syncledger.schemas.state.ConnectorStatus;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Branched;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorSupplier;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;

/**
 * The whole processor, read top to bottom like the diagram: the four input topics (and the owners the
 * connectors' tasks send back) go through one ledger processor, which folds each event into its entity's
 * ledger and publishes, once per commit, the rows that changed; rejections go to the rejected-events topic;
 * what the rows change in their connector's status, and the claims that ask whose a connector is, cross one
 * repartition by connector to the connector processor, which answers the claims and publishes the statuses
 * (with their freshness) and the alerts.
 * Building it starts nothing; the app owns the KafkaStreams lifecycle.
 */
public final class SyncLedgerTopology {

    /** The repartition Kafka Streams manages between the ledgers and the connectors: {@code <application.id>-<name>-repartition}. */
    public static final String CONNECTOR_REPARTITION = "connector-changes";

    /**
     * The topics the processor reads besides the inputs, on its way from the inputs to every row: the repartition
     * by connector and the owners sent back. "Caught up" means committed to the end of these too.
     */
    public static List<String> internalTopics(String applicationId) {
        return List.of(applicationId + "-" + CONNECTOR_REPARTITION + "-repartition", Topics.CONNECTOR_OWNERS.name());
    }

    private static final Serializer<Emission> EMITTED = (topic, emission) -> emission.value();

    private SyncLedgerTopology() {}

    public static Topology build(TopologyConfig config) {
        StreamsBuilder builder = new StreamsBuilder();
        List<String> sources = Stream.concat(branches(config).stream().map(EntityBranch::topic), Stream.of(Topics.CONNECTOR_OWNERS.name()))
                .toList();

        KStream<String, Emission> ledgers = builder.stream(sources, Consumed.with(Serdes.ByteArray(), Serdes.ByteArray()).withName("inputs"))
                .process(new Ledgers(config), Named.as("ledgers"));
        Map<String, KStream<String, Emission>> fromLedgers = ledgers.split(Named.as("ledgers-"))
                .branch((key, out) -> out.goesTo(Destination.SYNC_LOG_STATE), Branched.as("sync-logs"))
                .branch((key, out) -> out.goesTo(Destination.DIAGNOSTIC_STATE), Branched.as("diagnostics"))
                .branch((key, out) -> out.goesTo(Destination.DOCUMENT_LINK_STATE), Branched.as("document-links"))
                .branch((key, out) -> out.goesTo(Destination.COLLECT_STATE), Branched.as("collects"))
                .branch((key, out) -> out.goesTo(Destination.REJECTED), Branched.as("rejected"))
                .branch((key, out) -> out.goesTo(Destination.CONNECTOR), Branched.as("to-connectors"))
                .noDefaultBranch();
        sink(fromLedgers.get("ledgers-sync-logs"), Topics.SYNC_LOG_STATE, "sync-log-state");
        sink(fromLedgers.get("ledgers-diagnostics"), Topics.DIAGNOSTIC_STATE, "diagnostic-state");
        sink(fromLedgers.get("ledgers-document-links"), Topics.DOCUMENT_LINK_STATE, "document-link-state");
        sink(fromLedgers.get("ledgers-collects"), Topics.COLLECT_STATE, "collect-state");
        sink(fromLedgers.get("ledgers-rejected"), Topics.REJECTED, "rejected-events");

        // Keyed by the connector id's UTF-8 bytes, as a string serde would write them, and read back as bytes: the connector
        // task never needs the key decoded.
        KStream<String, Emission> connectors = fromLedgers.get("ledgers-to-connectors")
                .map((key, out) -> KeyValue.pair(key.getBytes(StandardCharsets.UTF_8), out.value()), Named.as("connector-messages"))
                .repartition(Repartitioned.with(Serdes.ByteArray(), Serdes.ByteArray()).withName(CONNECTOR_REPARTITION))
                .process(new Connectors(config), Named.as("connectors"));
        Map<String, KStream<String, Emission>> fromConnectors = connectors.split(Named.as("connectors-"))
                .branch((key, out) -> out.goesTo(Destination.CONNECTOR_STATUS_STATE), Branched.as("status"))
                .branch((key, out) -> out.goesTo(Destination.ALERT), Branched.as("alerts"))
                .branch((key, out) -> out.goesTo(Destination.CONNECTOR_OWNER), Branched.as("owners"))
                .noDefaultBranch();
        sink(fromConnectors.get("connectors-status"), Topics.CONNECTOR_STATUS_STATE, "connector-status-state");
        sink(fromConnectors.get("connectors-alerts"), Topics.ALERTS, "alerts");
        // An answer goes back to the partition, hence the ledger task, that claimed the connector.
        fromConnectors.get("connectors-owners").to(Topics.CONNECTOR_OWNERS.name(), Produced.with(Serdes.String(), serde(EMITTED))
                .withName("connector-owners-back")
                .withStreamPartitioner((topic, key, out, partitions) -> Optional.of(Set.of(out.partition()))));
        return builder.build();
    }

    /** One branch per input topic, each holding its task's stores: a task gets a fresh list. */
    static List<EntityBranch<?>> branches(TopologyConfig config) {
        return List.of(
                new SyncLogBranch(config.serde(), config.ledger()),
                new DiagnosticBranch(config.serde(), config.diagnosticRetention(), config.pruneInterval()),
                new DocumentLinkBranch(config.serde(), config.ledger()),
                new CollectBranch(config.serde(), config.ledger()));
    }

    private static void sink(KStream<String, Emission> stream, Topics.TopicSpec topic, String name) {
        stream.to(topic.name(), Produced.with(Serdes.String(), serde(EMITTED)).withName(name));
    }

    private static Serde<Emission> serde(Serializer<Emission> serializer) {
        return Serdes.serdeFrom(serializer, (topic, bytes) -> {
            throw new UnsupportedOperationException("emissions are only written");
        });
    }

    private record Ledgers(TopologyConfig config) implements ProcessorSupplier<byte[], byte[], String, Emission> {

        @Override
        public Processor<byte[], byte[], String, Emission> get() {
            return new LedgerProcessor(branches(config), AvroCodec.create(RejectedEvent.getClassSchema(), config.serde()),
                    config.forgetInterval());
        }

        @Override
        public Set<StoreBuilder<?>> stores() {
            Set<StoreBuilder<?>> stores = new HashSet<>();
            branches(config).forEach(branch -> stores.addAll(branch.stores()));
            stores.add(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(LedgerProcessor.CLOCK_STORE), Serdes.String(), Serdes.Long())
                    .withCachingDisabled());
            stores.add(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(LedgerProcessor.OWNER_STORE), Serdes.Bytes(), Serdes.ByteArray())
                    .withCachingDisabled());
            stores.add(CommitHook.store(LedgerProcessor.COMMIT_HOOK_STORE));
            stores.add(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(LedgerProcessor.PARKED_STORE), Serdes.Bytes(), ParkedEvent.SERDE));
            return stores;
        }
    }

    private record Connectors(TopologyConfig config) implements ProcessorSupplier<byte[], byte[], String, Emission> {

        @Override
        public Processor<byte[], byte[], String, Emission> get() {
            return new ConnectorProcessor(AvroCodec.create(ConnectorStatus.getClassSchema(), config.serde()),
                    AvroCodec.create(ConnectorAlert.getClassSchema(), config.serde()), new ConnectorStatusFold(config.ledger().horizon()),
                    new WatchFold(config.watch()), config.deadlineCheckInterval());
        }

        @Override
        public Set<StoreBuilder<?>> stores() {
            return Set.of(
                    Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(ConnectorProcessor.CONNECTOR_STORE), Serdes.String(),
                            ConnectorState.SERDE).withCachingDisabled(),
                    Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(ConnectorProcessor.RUNS_BY_CREATED_STORE), Serdes.Bytes(),
                            Serdes.ByteArray()).withCachingDisabled(),
                    Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(ConnectorProcessor.FINISHED_RUNS_STORE), Serdes.Bytes(),
                            Serdes.ByteArray()).withCachingDisabled(),
                    CommitHook.store(ConnectorProcessor.COMMIT_HOOK_STORE));
        }
    }
}
