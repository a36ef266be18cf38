package dev.syncledger.processor.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Properties;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;
import org.junit.jupiter.api.Test;

/**
 * A write-behind store inside a real task: the test driver commits after every input record, and one record
 * here writes several times ({@code "a=1 a=2 b=9"}), so what reaches the store, its changelog and the listener
 * per commit is visible. Flushes are forwarded as {@code key: before -> after}.
 */
class WriteBehindStoreTest {

    private static final String APP = "write-behind-test";
    private static final String STORE = "values";
    private static final String CHANGELOG = APP + "-" + STORE + "-changelog";

    @Test
    void shouldWriteEachKeyOncePerCommitWithItsValueAsOfTheLastCommit() {
        try (TopologyTestDriver driver = new TopologyTestDriver(topology(WriteBehindStore.Bounds.DEFAULT), props())) {
            var in = driver.createInputTopic("in", new StringSerializer(), new StringSerializer());
            var out = driver.createOutputTopic("out", new StringDeserializer(), new StringDeserializer());
            var changelog = driver.createOutputTopic(CHANGELOG, new StringDeserializer(), new StringDeserializer());

            in.pipeInput("x", "a=1 a=2 b=9 a=3");
            assertThat(out.readValuesToList()).containsExactly("a: null -> 3", "b: null -> 9");
            assertThat(changelog.readKeyValuesToMap()).containsEntry("a", "3").containsEntry("b", "9").hasSize(2);

            in.pipeInput("x", "a=4 a=5");
            assertThat(out.readValuesToList()).containsExactly("a: 3 -> 5");
            KeyValueStore<String, String> store = driver.getKeyValueStore(STORE);
            assertThat(store.get("a")).isEqualTo("5");
        }
    }

    @Test
    void shouldReadWhatWasWrittenBeforeTheCommit() {
        try (TopologyTestDriver driver = new TopologyTestDriver(topology(WriteBehindStore.Bounds.DEFAULT), props())) {
            var in = driver.createInputTopic("in", new StringSerializer(), new StringSerializer());
            var out = driver.createOutputTopic("out", new StringDeserializer(), new StringDeserializer());

            in.pipeInput("x", "a=1 a+=2 ?a");
            assertThat(out.readValuesToList()).containsExactly("read a = 12", "a: null -> 12");
        }
    }

    @Test
    void shouldDeleteAsATombstoneAndLeaveOutOfTheStoreAKeyThatNeverReachedIt() {
        try (TopologyTestDriver driver = new TopologyTestDriver(topology(WriteBehindStore.Bounds.DEFAULT), props())) {
            var in = driver.createInputTopic("in", new StringSerializer(), new StringSerializer());
            var out = driver.createOutputTopic("out", new StringDeserializer(), new StringDeserializer());
            var changelog = driver.createOutputTopic(CHANGELOG, new StringDeserializer(), new StringDeserializer());

            in.pipeInput("x", "a=1");
            in.pipeInput("x", "a=- c=-");
            assertThat(out.readValuesToList()).containsExactly("a: null -> 1", "a: 1 -> null");
            assertThat(changelog.readKeyValuesToList()).extracting(kv -> kv.key + "=" + kv.value)
                    .containsExactly("a=1", "a=null");
            KeyValueStore<String, String> store = driver.getKeyValueStore(STORE);
            assertThat(store.get("a")).isNull();
        }
    }

    @Test
    void shouldTellTheListenerTheValueAKeyReachedBeforeItWasDeletedWithinOneCommit() {
        try (TopologyTestDriver driver = new TopologyTestDriver(topology(WriteBehindStore.Bounds.DEFAULT), props())) {
            var in = driver.createInputTopic("in", new StringSerializer(), new StringSerializer());
            var out = driver.createOutputTopic("out", new StringDeserializer(), new StringDeserializer());
            var changelog = driver.createOutputTopic(CHANGELOG, new StringDeserializer(), new StringDeserializer());

            in.pipeInput("x", "a=1");
            out.readValuesToList();
            in.pipeInput("x", "a=5 a=- b=2 b=3 b=-");

            // Folded and forgotten before the commit: the row of what it reached must still go out.
            assertThat(out.readValuesToList()).containsExactly("a: 1 -> 5", "a: 5 -> null", "b: null -> 3", "b: 3 -> null");
            assertThat(changelog.readKeyValuesToList()).extracting(kv -> kv.key + "=" + kv.value)
                    .containsExactly("a=1", "a=null");
        }
    }

    @Test
    void shouldWriteThroughEarlyWhenMoreKeysAreWrittenThanItHolds() {
        try (TopologyTestDriver driver = new TopologyTestDriver(topology(new WriteBehindStore.Bounds(2, 1 << 20)), props())) {
            var in = driver.createInputTopic("in", new StringSerializer(), new StringSerializer());
            var out = driver.createOutputTopic("out", new StringDeserializer(), new StringDeserializer());

            in.pipeInput("x", "a=1 b=2 c=3 d=4");
            assertThat(out.readValuesToList()).containsExactly("a: null -> 1", "b: null -> 2", "c: null -> 3", "d: null -> 4");
        }
    }

    @Test
    void shouldWriteThroughEarlyWhenTheWrittenValuesWeighMoreThanItHolds() {
        try (TopologyTestDriver driver = new TopologyTestDriver(topology(new WriteBehindStore.Bounds(1_000, 10)), props())) {
            var in = driver.createInputTopic("in", new StringSerializer(), new StringSerializer());
            var out = driver.createOutputTopic("out", new StringDeserializer(), new StringDeserializer());

            in.pipeInput("x", "a=12345 b=123456 c=1");
            assertThat(out.readValuesToList()).containsExactly("a: null -> 12345", "b: null -> 123456", "c: null -> 1");
        }
    }

    private static Topology topology(WriteBehindStore.Bounds bounds) {
        Topology topology = new Topology();
        topology.addSource("in", Serdes.String().deserializer(), Serdes.String().deserializer(), "in");
        topology.addProcessor("writer", () -> new Writer(bounds), "in");
        topology.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(STORE), Serdes.String(), Serdes.String())
                .withCachingDisabled(), "writer");
        topology.addStateStore(CommitHook.store("hook"), "writer");
        topology.addSink("out", "out", Serdes.String().serializer(), Serdes.String().serializer(), "writer");
        return topology;
    }

    private static Properties props() {
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, APP);
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        return props;
    }

    /** Runs a record's words: {@code k=v} writes, {@code k=-} deletes, {@code k+=v} appends, {@code ?k} forwards a read. */
    private static final class Writer implements Processor<String, String, String, String> {
        private final WriteBehindStore.Bounds bounds;
        private ProcessorContext<String, String> context;
        private WriteBehindStore<String, String> values;

        Writer(WriteBehindStore.Bounds bounds) {
            this.bounds = bounds;
        }

        @Override
        public void init(ProcessorContext<String, String> context) {
            this.context = context;
            KeyValueStore<String, String> store = context.getStateStore(STORE);
            values = WriteBehindStore.over(store, String::length, bounds, CommitHook.register(context, "hook"),
                    (key, before, after) -> context.forward(new Record<>(key, key + ": " + before + " -> " + after, 0L)));
        }

        @Override
        public void process(Record<String, String> record) {
            for (String word : List.of(record.value().split(" "))) {
                if (word.startsWith("?")) {
                    String key = word.substring(1);
                    context.forward(new Record<>(key, "read " + key + " = " + values.get(key), 0L));
                } else if (word.contains("+=")) {
                    String[] parts = word.split("\\+=");
                    values.put(parts[0], values.get(parts[0]) + parts[1]);
                } else {
                    String[] parts = word.split("=");
                    values.put(parts[0], parts[1].equals("-") ? null : parts[1]);
                }
            }
        }
    }
}
