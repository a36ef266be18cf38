package dev.syncledger.bench;

import dev.syncledger.app.pipeline.CatchUp;
import dev.syncledger.app.pipeline.ProcessorRunner;
import dev.syncledger.app.pipeline.SinkRunner;
import dev.syncledger.schemas.Topics;
import dev.syncledger.sink.SinkConfig;
import dev.syncledger.sink.table.StateTable;
import dev.syncledger.sink.table.StateTables;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.streams.StreamsConfig;

/**
 * Rows per second the sink writes from the state topics into PostgreSQL, against a COPY of the same final rows
 * into a fresh copy of the real schema (the fastest any writer could put them into these tables; the goal is
 * half of it), a raw COPY into unindexed tables (the database's limit here) and a naive sink. The state topics
 * are filled by the real processor first, untimed; the sink is timed from its start until it has stored offsets
 * past the end of every topic it reads. Before the timed run the sink writes the same topics once into a throwaway
 * schema, untimed but reported, so that the timed run measures code the JIT has compiled, as a long-running sink is,
 * and not the compilers and the processor's shutdown taking the cores PostgreSQL needs (as the processor stage warms
 * both of its topologies).
 */
final class SinkBenchmark {

    static final double COPY_GOAL = 0.5;
    static final double NAIVE_GOAL = 10;
    private static final String APPLICATION_ID = "sink-bench-processor";

    private final BenchSize size;
    private final String databaseUrl;
    private final BenchKafka kafka;

    SinkBenchmark(BenchSize size, String databaseUrl, BenchKafka kafka) {
        this.size = size;
        this.databaseUrl = databaseUrl;
        this.kafka = kafka;
    }

    StageResult run() {
        kafka.freshTopics(List.of());
        long events = kafka.publishAll(new Workload(size.processorEvents()));
        try (ProcessorRunner processor = ProcessorRunner.start(kafka.streams(APPLICATION_ID, StreamsConfig.EXACTLY_ONCE_V2),
                kafka.topology(), BenchKafka.START_TIMEOUT)) {
            kafka.awaitFolded(APPLICATION_ID);
        }
        Path work = workFolder();
        try (BenchDatabase sinkDb = BenchDatabase.create(databaseUrl, "sink");
             BenchDatabase schemaDb = BenchDatabase.create(databaseUrl, "schemacopy");
             BenchDatabase naiveDb = BenchDatabase.create(databaseUrl, "naive")) {
            SinkRun cold = warmUp(kafka);
            // Each timed measurement starts from a checkpoint, not from the writes of the one before it.
            sinkDb.checkpoint();
            SinkRun sink = runSink(kafka, sinkDb, "sink-bench-sink");
            long tableRows = tableRows(sinkDb);
            CopyBaseline.Result intoSchema = CopyBaseline.measureIntoSchema(sinkDb.jdbi(), schemaDb.jdbi(), work);
            CopyBaseline.Result copy = CopyBaseline.measure(sinkDb.jdbi(), work);
            NaiveSink.Result naive = NaiveSink.write(naiveDb.jdbi(), sample(kafka, size.naiveSliceRows() * NaiveSink.sampleSlices()));
            return result(events, cold, sink, tableRows, intoSchema, copy, naive);
        } finally {
            WorkFolder.delete(work);
        }
    }

    private record SinkRun(long records, long rows, long nanos) {
        double rowsPerSecond() {
            return Numbers.perSecond(rows, nanos);
        }
    }

    /** The sink's first run in this JVM, into a schema dropped after it: what a sink just started does. */
    private SinkRun warmUp(BenchKafka kafka) {
        try (BenchDatabase throwaway = BenchDatabase.create(databaseUrl, "sinkwarmup")) {
            throwaway.checkpoint();
            return runSink(kafka, throwaway, "sink-bench-warm-up");
        }
    }

    private SinkRun runSink(BenchKafka kafka, BenchDatabase database, String groupId) {
        List<String> topics = new ArrayList<>(BenchKafka.names(Topics.STATES));
        topics.add(Topics.REJECTED.name());
        CatchUp catchUp = new CatchUp(kafka.admin());
        long records = catchUp.logEnds(topics).values().stream().mapToLong(Long::longValue).sum();
        SinkConfig config = SinkConfig.of(kafka.bootstrapServers()).withDatabaseUrl(database.url()).withSchema(database.schema())
                .withSerde(kafka.topology().serde()).withGroupId(groupId);
        long started = System.nanoTime();
        long nanos;
        SinkRunner sink = SinkRunner.start(config);
        try (sink) {
            catchUp.awaitSunk(topics, sink::committedOffsets, BenchKafka.CATCH_UP_TIMEOUT);
            nanos = System.nanoTime() - started;
        }
        // Counted once the sink has stopped: its stored offsets can reach the end before the last batch's rows are added.
        return new SinkRun(records, sink.sink().rowsWritten(), nanos);
    }

    private static long tableRows(BenchDatabase database) {
        return database.jdbi().withExtension(BenchDao.class,
                dao -> CopiedTable.all().stream().mapToLong(table -> dao.count(table.table())).sum());
    }

    /** The first values of every state topic, in proportion to the topic's share of all state records. */
    private static List<NaiveSink.TopicValues> sample(BenchKafka kafka, int rows) {
        Map<String, Long> ends = new LinkedHashMap<>();
        new CatchUp(kafka.admin()).logEnds(BenchKafka.names(Topics.STATES))
                .forEach((partition, end) -> ends.merge(partition.topic(), end, Long::sum));
        long total = ends.values().stream().mapToLong(Long::longValue).sum();
        List<NaiveSink.TopicValues> sample = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = consumer(kafka)) {
            for (StateTable<?, ?> table : StateTables.all(kafka.topology().serde())) {
                long share = Math.max(1, rows * ends.getOrDefault(table.topic(), 0L) / Math.max(1, total));
                sample.add(new NaiveSink.TopicValues(table, firstValues(consumer, table.topic(), share)));
            }
        }
        return sample;
    }

    private static List<byte[]> firstValues(KafkaConsumer<String, byte[]> consumer, String topic, long wanted) {
        List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                .map(info -> new TopicPartition(topic, info.partition())).toList();
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
        Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
        List<byte[]> values = new ArrayList<>();
        while (values.size() < wanted && partitions.stream().anyMatch(p -> consumer.position(p) < ends.get(p))) {
            for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                if (record.value() != null && values.size() < wanted) {
                    values.add(record.value());
                }
            }
        }
        return values;
    }

    private static KafkaConsumer<String, byte[]> consumer(BenchKafka kafka) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        return new KafkaConsumer<>(props, new StringDeserializer(), new ByteArrayDeserializer());
    }

    private static Path workFolder() {
        try {
            return Files.createTempDirectory("sync-ledger-bench-copy-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static StageResult result(long events, SinkRun cold, SinkRun sink, long tableRows, CopyBaseline.Result intoSchema,
                                      CopyBaseline.Result copy, NaiveSink.Result naive) {
        double versusSchema = sink.rowsPerSecond() / intoSchema.rowsPerSecond();
        double versusCopy = sink.rowsPerSecond() / copy.rowsPerSecond();
        double versusNaive = sink.rowsPerSecond() / naive.rowsPerSecond();
        List<ResultRow> rows = List.of(
                new ResultRow("sink", "rows/s vs COPY into a fresh copy of the real schema", Numbers.rate(sink.rowsPerSecond(), "rows/s"),
                        Numbers.rate(intoSchema.rowsPerSecond(), "rows/s"), Numbers.ratio(versusSchema),
                        ">= 0.5 " + Numbers.met(versusSchema >= COPY_GOAL)),
                new ResultRow("sink", "rows/s vs raw COPY into unindexed tables", Numbers.rate(sink.rowsPerSecond(), "rows/s"),
                        Numbers.rate(copy.rowsPerSecond(), "rows/s"), Numbers.ratio(versusCopy), "reference"),
                new ResultRow("sink", "rows/s vs naive (upsert per row, auto-commit), known to " + Numbers.percent(naive.precision())
                        + " (95%) after " + naive.sliceRates().size() + " slices, which ranged " + Numbers.percent(naive.range()),
                        Numbers.rate(sink.rowsPerSecond(), "rows/s"),
                        Numbers.rate(naive.rowsPerSecond(), "rows/s"), Numbers.ratio(versusNaive),
                        ">= 10 " + Numbers.met(versusNaive >= NAIVE_GOAL)),
                new ResultRow("sink", "the untimed first run (cold JIT) vs COPY into the real schema", Numbers.rate(cold.rowsPerSecond(), "rows/s"),
                        Numbers.rate(intoSchema.rowsPerSecond(), "rows/s"), Numbers.ratio(cold.rowsPerSecond() / intoSchema.rowsPerSecond()),
                        "reported"));
        Map<String, Object> numbers = new LinkedHashMap<>();
        numbers.put("events", events);
        numbers.put("state_records", sink.records());
        numbers.put("sink_rows_written", sink.rows());
        numbers.put("sink_seconds", sink.nanos() / 1e9);
        numbers.put("sink_rows_per_s", sink.rowsPerSecond());
        numbers.put("table_rows", tableRows);
        numbers.put("cold_sink_rows_written", cold.rows());
        numbers.put("cold_sink_seconds", cold.nanos() / 1e9);
        numbers.put("cold_sink_rows_per_s", cold.rowsPerSecond());
        numbers.put("schema_copy_rows", intoSchema.rows());
        numbers.put("schema_copy_rows_per_s", intoSchema.rowsPerSecond());
        numbers.put("ratio_to_schema_copy", versusSchema);
        numbers.put("copy_rows", copy.rows());
        numbers.put("copy_rows_per_s", copy.rowsPerSecond());
        numbers.put("naive_rows", naive.rows());
        numbers.put("naive_rows_per_s", naive.rowsPerSecond());
        numbers.put("naive_slice_rows_per_s", naive.sliceRates());
        numbers.put("naive_precision_95", naive.precision());
        numbers.put("naive_slice_range", naive.range());
        numbers.put("ratio_to_copy", versusCopy);
        numbers.put("ratio_to_naive", versusNaive);
        numbers.put("goal_ratio_to_schema_copy", COPY_GOAL);
        numbers.put("goal_ratio_to_naive", NAIVE_GOAL);
        return new StageResult("sink", rows, numbers);
    }
}
