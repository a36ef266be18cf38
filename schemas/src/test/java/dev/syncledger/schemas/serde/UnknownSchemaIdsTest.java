package dev.syncledger.schemas.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.syncledger.schemas.syncrun.SyncRunEvent;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Records whose schema id the registry does not know, read through the deserializer the pipeline reads with: each id
 * costs the registry one request per miss period, and records with known ids keep flowing on other threads while
 * the registry is slow to say "not found".
 */
class UnknownSchemaIdsTest {

    private static final String TOPIC = "connector-sync.sync-runs";
    private static final int FIRST_UNKNOWN_ID = 1_000;
    private static final int UNKNOWN_IDS = 10_000;
    private static final int THREADS = 4;

    private LocalSchemaRegistry registry;
    private ExecutorService streamThreads;

    @BeforeEach
    void start() throws Exception {
        registry = new LocalSchemaRegistry();
        streamThreads = Executors.newFixedThreadPool(8);
    }

    @AfterEach
    void stop() {
        streamThreads.shutdownNow();
        registry.close();
    }

    @Test
    @Timeout(120)
    void shouldAskTheRegistryAboutEachOfTenThousandUnknownIdsOncePerMissPeriod() throws Exception {
        AvroSerde<SyncRunEvent> serde = serde(settings().withMissPeriod(Duration.ofHours(1)));
        List<Future<Integer>> threads = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            int offset = t * (UNKNOWN_IDS / THREADS);
            // Every thread reads every id twice, starting at a different place, as partitions interleave.
            threads.add(streamThreads.submit(() -> {
                int refused = 0;
                for (int i = 0; i < 2 * UNKNOWN_IDS; i++) {
                    int id = FIRST_UNKNOWN_ID + (offset + i) % UNKNOWN_IDS;
                    try {
                        serde.deserializer().deserialize(TOPIC, withSchemaId(id));
                    } catch (SerializationException e) {
                        if (e.getCause() instanceof UndecodableRecordException
                                && e.getMessage().equals("schema id " + id + " is not in the schema registry at " + registry.url()
                                        + " (was the record written against another registry?)")) {
                            refused++;
                        }
                    }
                }
                return refused;
            }));
        }
        for (Future<Integer> thread : threads) {
            assertThat(thread.get(100, TimeUnit.SECONDS)).as("records refused as undecodable, with the reason").isEqualTo(2 * UNKNOWN_IDS);
        }

        Map<String, Long> counts = registry.countsByRequest();
        assertThat(counts).hasSize(UNKNOWN_IDS);
        assertThat(counts.values()).as("requests per unknown id").containsOnly(1L);
    }

    @Test
    void shouldAskAgainOnceTheMissPeriodHasPassed() {
        AtomicLong nanos = new AtomicLong();
        SchemaRegistryClient client = new SchemaRegistryClient(settings().withMissPeriod(Duration.ofMinutes(5)), nanos::get);

        for (int i = 0; i < 3; i++) {
            assertThatThrownBy(() -> client.schemaById(999)).isInstanceOf(UnresolvableSchemaIdException.class)
                    .hasMessageContaining("schema id 999 is not in the schema registry");
        }
        nanos.addAndGet(Duration.ofMinutes(5).minusNanos(1).toNanos());
        assertThatThrownBy(() -> client.schemaById(999)).isInstanceOf(UnresolvableSchemaIdException.class);
        assertThat(registry.count("GET /schemas/ids/999")).as("within the period").isEqualTo(1);

        nanos.addAndGet(1);
        assertThatThrownBy(() -> client.schemaById(999)).isInstanceOf(UnresolvableSchemaIdException.class);
        assertThat(registry.count("GET /schemas/ids/999")).as("after the period").isEqualTo(2);
    }

    @Test
    void shouldForgetTheOldestMissWhenMoreIdsAreMissedThanItHolds() throws Exception {
        SchemaRegistryClient client = new SchemaRegistryClient(settings().withCapacities(10, 3));

        for (int id : new int[] {1_001, 1_002, 1_003, 1_004, 1_002, 1_003, 1_004, 1_001}) {
            assertThatThrownBy(() -> client.schemaById(id)).isInstanceOf(UnresolvableSchemaIdException.class);
        }

        assertThat(registry.requests()).as("1001 was forgotten to make room for 1004; the others were remembered")
                .containsExactly("GET /schemas/ids/1001", "GET /schemas/ids/1002", "GET /schemas/ids/1003", "GET /schemas/ids/1004",
                        "GET /schemas/ids/1001");
    }

    @Test
    @Timeout(60)
    void shouldDecodeKnownIdsOnOtherThreadsWhileUnknownIdsAreSlowToFetch() throws Exception {
        SyncRunEvent event = SampleRecords.syncRunEvent(SampleRecords.everyPayload().get(0));
        byte[] known = AvroCodec.<SyncRunEvent>builder(SyncRunEvent.getClassSchema(), SerdeConfig.withRegistry(registry.url()))
                .registryClient(new SchemaRegistryClient(registry.url())).build().encode(TOPIC, event);
        Duration slow = Duration.ofSeconds(5);
        registry.delayUnknownIds(slow);
        // The reading side has never seen the known id either: its first fetch must not queue behind the slow ones.
        AvroSerde<SyncRunEvent> serde = serde(settings().withTimeouts(Duration.ofSeconds(5), Duration.ofSeconds(30)));
        List<Future<?>> slowThreads = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            byte[] unknown = withSchemaId(FIRST_UNKNOWN_ID + t);
            slowThreads.add(streamThreads.submit(() -> serde.deserializer().deserialize(TOPIC, unknown)));
        }
        await().atMost(Duration.ofSeconds(4)).until(() -> registry.inProgress() == THREADS);

        long started = System.nanoTime();
        Future<List<SyncRunEvent>> knownThread = streamThreads.submit(() -> {
            List<SyncRunEvent> read = new ArrayList<>();
            for (int i = 0; i < 1_000; i++) {
                read.add(serde.deserializer().deserialize(TOPIC, known));
            }
            return read;
        });
        List<SyncRunEvent> read = knownThread.get(slow.toMillis(), TimeUnit.MILLISECONDS);
        Duration knownTook = Duration.ofNanos(System.nanoTime() - started);

        assertThat(read).hasSize(1_000).containsOnly(event);
        assertThat(knownTook).as("1,000 known-id decodes, the first with a fetch").isLessThan(Duration.ofSeconds(2));
        assertThat(slowThreads).as("the unknown-id fetches were still in flight meanwhile").noneMatch(Future::isDone);
        for (Future<?> thread : slowThreads) {
            assertThatThrownBy(() -> thread.get(30, TimeUnit.SECONDS)).hasCauseInstanceOf(SerializationException.class)
                    .hasRootCauseInstanceOf(UnresolvableSchemaIdException.class);
        }
    }

    @Test
    @Timeout(60)
    void shouldShareOneRequestAmongThreadsAskingForTheSameIdAtOnce() throws Exception {
        registry.delayUnknownIds(Duration.ofSeconds(2));
        // No miss period: only the shared request, not a remembered miss, can keep the count at one.
        AvroSerde<SyncRunEvent> serde = serde(settings().withMissPeriod(Duration.ZERO));
        int askers = 8;
        CyclicBarrier together = new CyclicBarrier(askers);
        List<Future<String>> threads = new ArrayList<>();
        for (int t = 0; t < askers; t++) {
            threads.add(streamThreads.submit(() -> {
                together.await(10, TimeUnit.SECONDS);
                try {
                    serde.deserializer().deserialize(TOPIC, withSchemaId(4_242));
                    return "decoded";
                } catch (SerializationException e) {
                    return e.getMessage();
                }
            }));
        }
        List<String> outcomes = new ArrayList<>();
        for (Future<String> thread : threads) {
            outcomes.add(thread.get(30, TimeUnit.SECONDS));
        }

        assertThat(outcomes).hasSize(askers).containsOnly("schema id 4242 is not in the schema registry at " + registry.url()
                + " (was the record written against another registry?)");
        assertThat(registry.count("GET /schemas/ids/4242")).isEqualTo(1);
    }

    private SchemaRegistrySettings settings() {
        return SchemaRegistrySettings.of(registry.url());
    }

    private static AvroSerde<SyncRunEvent> serde(SchemaRegistrySettings settings) {
        return new AvroSerde<>(AvroCodec.<SyncRunEvent>builder(SyncRunEvent.getClassSchema(), SerdeConfig.withRegistry(settings))
                .registryClient(new SchemaRegistryClient(settings)).build());
    }

    /** A Confluent-framed record naming this schema id, with a body that would do for any record. */
    private static byte[] withSchemaId(int id) {
        return ByteBuffer.allocate(6).put(ConfluentWireFormat.MAGIC_BYTE).putInt(id).put((byte) 0x02).array();
    }
}
