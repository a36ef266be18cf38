package dev.syncledger.processor.status;

import static org.assertj.core.api.Assertions.assertThat;

import dev.syncledger.schemas.ConnectorSyncStatus;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.Stores;
import org.junit.jupiter.api.Test;

/** The run index over real cached stores, where a run added and removed before a commit leaves a tombstone in the cache. */
class StoreRunIndexTest {

    private static final UUID CONNECTOR = UUID.fromString("a9d3c82e-1f45-4b2c-8e67-3d0a1b9c4512");
    private static final Instant T0 = Instant.parse("2026-06-02T08:00:00Z");

    private final List<Optional<CreatedRun>> newest = new ArrayList<>();
    private final List<List<FinishedRun>> errors = new ArrayList<>();

    @Test
    void shouldReadNewestFirstPastARunAddedAndRemovedBeforeTheCommit() {
        try (TopologyTestDriver driver = new TopologyTestDriver(topology(), props())) {
            var input = driver.createInputTopic("in", new StringSerializer(), new StringSerializer());
            input.pipeInput("add", "older");
            input.pipeInput("add-remove-read", "newer");

            CreatedRun older = new CreatedRun(id("older"), T0, ConnectorSyncStatus.error);
            assertThat(newest).containsExactly(Optional.of(older));
            assertThat(errors).singleElement().satisfies(found ->
                    assertThat(found).extracting(FinishedRun::syncLogId).containsExactly(id("older")));
        }
    }

    private Topology topology() {
        Topology topology = new Topology();
        topology.addSource("in", Serdes.String().deserializer(), Serdes.String().deserializer(), "in");
        topology.addProcessor("index", () -> new Processor<String, String, Void, Void>() {
            private StoreRunIndex index;

            @Override
            public void init(ProcessorContext<Void, Void> context) {
                index = new StoreRunIndex(context.getStateStore("created"), context.getStateStore("finished"));
            }

            @Override
            public void process(Record<String, String> record) {
                if (record.key().equals("add")) {
                    index.put(CONNECTOR, run(record.value(), 0));
                    index.put(CONNECTOR, RunOutcome.ERROR, finished(record.value(), 10));
                    return;
                }
                // Newer than anything committed, gone again before the commit: the cache holds its tombstone.
                index.put(CONNECTOR, run(record.value(), 60));
                index.put(CONNECTOR, RunOutcome.ERROR, finished(record.value(), 70));
                index.remove(CONNECTOR, run(record.value(), 60));
                index.remove(CONNECTOR, RunOutcome.ERROR, finished(record.value(), 70));
                newest.add(index.newest(CONNECTOR));
                errors.add(index.newestFirst(CONNECTOR, RunOutcome.ERROR, runs -> {
                    List<FinishedRun> all = new ArrayList<>();
                    runs.forEachRemaining(all::add);
                    return all;
                }));
            }
        }, "in");
        topology.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore("created"), Serdes.Bytes(), Serdes.ByteArray())
                .withCachingEnabled(), "index");
        topology.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore("finished"), Serdes.Bytes(), Serdes.ByteArray())
                .withCachingEnabled(), "index");
        return topology;
    }

    private static CreatedRun run(String name, long seconds) {
        return new CreatedRun(id(name), T0.plusSeconds(seconds), ConnectorSyncStatus.error);
    }

    private static FinishedRun finished(String name, long seconds) {
        return new FinishedRun(id(name), T0.plusSeconds(seconds), "boom");
    }

    private static UUID id(String name) {
        return UUID.nameUUIDFromBytes(name.getBytes());
    }

    private static Properties props() {
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "run-index-test");
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        props.put(StreamsConfig.STATE_DIR_CONFIG, System.getProperty("java.io.tmpdir") + "/run-index-test-" + UUID.randomUUID());
        return props;
    }
}
