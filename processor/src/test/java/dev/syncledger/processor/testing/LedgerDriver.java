package dev.syncledger.processor.testing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.syncledger.processor.SyncLedgerTopology;
import dev.syncledger.processor.TopologyConfig;
import dev.syncledger.schemas.Topics;
import dev.syncledger.schemas.alert.ConnectorAlert;
import dev.syncledger.schemas.rejected.RejectedEvent;
import dev.syncledger.schemas.serde.AvroCodec;
import dev.syncledger.schemas.serde.SerdeConfig;
import dev.syncledger.schemas.serde.UndecodableRecordException;
import dev.syncledger.schemas.state.Collect;
import dev.syncledger.schemas.state.ConnectorStatus;
import dev.syncledger.schemas.state.ConnectorSyncDiagnostic;
import dev.syncledger.schemas.state.DocumentWorkspaceConnector;
import dev.syncledger.schemas.state.WorkspaceConnectorSyncLog;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.test.TestRecord;

/**
 * The whole topology in a {@link TopologyTestDriver}, with every input topic and every output decoded: the
 * state topics as the latest value per key (what compaction keeps), rejections in order. It also measures every
 * record the topology produced, changelogs and internal topics included, so a test can check that none came
 * near the producer's request limit.
 */
public final class LedgerDriver implements AutoCloseable {

    public static final Instant WALL_CLOCK = Instant.parse("2026-06-03T00:00:00Z");
    /** The producer's default max.request.size, which a record must stay under with its headers and framing. */
    public static final int PRODUCER_LIMIT = 1_048_576;

    private static final SerdeConfig SERDE = SerdeConfig.withoutRegistry();

    private final TopologyTestDriver driver;
    private final Map<String, TestInputTopic<byte[], byte[]>> inputs = new HashMap<>();
    private final Map<Schema, AvroCodec<SpecificRecord>> codecs = new HashMap<>();
    private final Map<String, Integer> largestByTopic = new HashMap<>();
    private final Map<String, Map<String, byte[]>> latest = new HashMap<>();
    private final List<RejectedEvent> rejections = new ArrayList<>();
    private final List<ConnectorAlert> alerts = new ArrayList<>();

    private final Path stateDir = createStateDir();

    public LedgerDriver(TopologyConfig config) {
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "sync-ledger-test");
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        driver = new TopologyTestDriver(SyncLedgerTopology.build(config), props, WALL_CLOCK);
    }

    public LedgerDriver() {
        this(TopologyConfig.defaults());
    }

    /**
     * Publishes an event as a connector would, as it happens: keyed by its entity's id, Avro single-object
     * encoding, the record timestamped with the event's occurred_at. Returns the bytes.
     */
    public byte[] publish(String topic, String key, SpecificRecord event) {
        byte[] value = codec(event.getSchema()).encode(topic, event);
        Schema.Field occurredAt = event.getSchema().getField("occurred_at");
        Instant timestamp = occurredAt != null && event.get(occurredAt.pos()) instanceof Instant at ? at : WALL_CLOCK;
        publishRaw(topic, key == null ? null : key.getBytes(StandardCharsets.UTF_8), value, timestamp);
        return value;
    }

    public void publishRaw(String topic, byte[] key, byte[] value, Instant timestamp) {
        inputs.computeIfAbsent(topic, name -> driver.createInputTopic(name, new ByteArraySerializer(), new ByteArraySerializer()))
                .pipeInput(new TestRecord<>(key, value, timestamp));
        collect();
    }

    public void advanceWallClock(Duration by) {
        driver.advanceWallClockTime(by);
        collect();
    }

    public Map<String, WorkspaceConnectorSyncLog> syncLogs() {
        return decode(Topics.SYNC_LOG_STATE.name(), WorkspaceConnectorSyncLog.getClassSchema());
    }

    public Map<String, ConnectorSyncDiagnostic> diagnostics() {
        return decode(Topics.DIAGNOSTIC_STATE.name(), ConnectorSyncDiagnostic.getClassSchema());
    }

    public Map<String, DocumentWorkspaceConnector> links() {
        return decode(Topics.DOCUMENT_LINK_STATE.name(), DocumentWorkspaceConnector.getClassSchema());
    }

    public Map<String, Collect> collects() {
        return decode(Topics.COLLECT_STATE.name(), Collect.getClassSchema());
    }

    public Map<String, ConnectorStatus> statuses() {
        return decode(Topics.CONNECTOR_STATUS_STATE.name(), ConnectorStatus.getClassSchema());
    }

    public List<RejectedEvent> rejections() {
        return List.copyOf(rejections);
    }

    /** Every alert transition published, in order. */
    public List<ConnectorAlert> alerts() {
        return List.copyOf(alerts);
    }

    public List<String> rejectionReasons() {
        return rejections.stream().map(RejectedEvent::getReason).toList();
    }

    /** How many keys a store holds now. */
    public long entries(String store) {
        try (var all = driver.getKeyValueStore(store).all()) {
            long count = 0;
            while (all.hasNext()) {
                all.next();
                count++;
            }
            return count;
        }
    }

    /** The value a store holds for a key now (null: none). */
    public <V> V stored(String store, String key) {
        return driver.<String, V>getKeyValueStore(store).get(key);
    }

    /** Writes a value straight into a store, as restoring it from its changelog would, without running the processor. */
    public <V> void seed(String store, String key, V value) {
        driver.<String, V>getKeyValueStore(store).put(key, value);
    }

    /** The largest record the topology produced to any topic, in bytes of key and value. */
    public int largestRecord() {
        return largestByTopic.values().stream().mapToInt(Integer::intValue).max().orElse(0);
    }

    public void assertEveryRecordFitsTheProducer() {
        largestByTopic.forEach((topic, size) -> assertThat(size).as("largest record on " + topic).isLessThan(PRODUCER_LIMIT / 2));
    }

    @Override
    public void close() {
        driver.close();
        try (var paths = Files.walk(stateDir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path createStateDir() {
        try {
            return Files.createTempDirectory("ledger-driver-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void collect() {
        for (String topic : driver.producedTopicNames()) {
            TestOutputTopic<byte[], byte[]> output = driver.createOutputTopic(topic, new ByteArrayDeserializer(), new ByteArrayDeserializer());
            for (TestRecord<byte[], byte[]> record : output.readRecordsToList()) {
                int size = (record.key() == null ? 0 : record.key().length) + (record.value() == null ? 0 : record.value().length);
                largestByTopic.merge(topic, size, Math::max);
                if (topic.equals(Topics.REJECTED.name())) {
                    rejections.add(decodeOne(topic, RejectedEvent.getClassSchema(), record.value()));
                } else if (topic.equals(Topics.ALERTS.name())) {
                    alerts.add(decodeOne(topic, ConnectorAlert.getClassSchema(), record.value()));
                } else if (topic.startsWith("connector-sync.state.")) {
                    latest.computeIfAbsent(topic, t -> new LinkedHashMap<>())
                            .put(new String(record.key(), StandardCharsets.UTF_8), record.value());
                }
            }
        }
    }

    @SuppressWarnings("unchecked")
    private <T extends SpecificRecord> Map<String, T> decode(String topic, Schema schema) {
        Map<String, T> rows = new LinkedHashMap<>();
        latest.getOrDefault(topic, Map.of()).forEach((key, value) -> {
            if (value != null) {
                rows.put(key, (T) decodeOne(topic, schema, value));
            }
        });
        return rows;
    }

    @SuppressWarnings("unchecked")
    private <T extends SpecificRecord> T decodeOne(String topic, Schema schema, byte[] value) {
        try {
            return (T) codec(schema).decode(topic, value);
        } catch (UndecodableRecordException e) {
            throw new AssertionError("the topology wrote an unreadable record to " + topic, e);
        }
    }

    private AvroCodec<SpecificRecord> codec(Schema schema) {
        return codecs.computeIfAbsent(schema, s -> AvroCodec.create(s, SERDE));
    }
}
