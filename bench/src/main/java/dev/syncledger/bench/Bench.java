package dev.syncledger.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs the benchmarks, prints one table and writes the same numbers as JSON. Every number that has a
 * goal is a ratio to a reference taken on the same machine in the same run, so that it means
 * something on any machine.
 *
 * <pre>
 * mvn -B -ntp -q package -pl bench -am -DskipTests
 * java -cp "$(cat bench/target/classpath.txt):bench/target/classes" dev.syncledger.bench.Bench --size full
 * </pre>
 */
public final class Bench {

    private Bench() {}

    public static void main(String[] args) throws IOException {
        BenchOptions options;
        try {
            options = BenchOptions.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        Report report = run(options, System.out);
        System.out.println("JSON written to " + options.out().toAbsolutePath());
        if (report.stages().isEmpty()) {
            System.exit(1);
        }
    }

    record Report(List<StageResult> stages, Map<String, Object> json) {}

    /** Runs the chosen stages in order, printing each one's rows as it ends, and writes the JSON. */
    static Report run(BenchOptions options, PrintStream out) throws IOException {
        Instant started = Instant.now();
        out.println("sync-ledger bench, size " + options.size().name() + ", stages " + String.join(",", options.stages()));
        out.print(ResultRow.header());
        List<StageResult> results = new ArrayList<>();
        try (SharedKafka kafka = new SharedKafka()) {
            for (String stage : options.stages()) {
                long stageStarted = System.nanoTime();
                StageResult result = stage(stage, options, kafka);
                result.numbers().put("stage_seconds", (System.nanoTime() - stageStarted) / 1e9);
                result.rows().forEach(row -> out.print(row.line()));
                out.flush();
                results.add(result);
            }
        }
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("size", options.size().name());
        json.put("started", started.toString());
        json.put("finished", Instant.now().toString());
        json.put("machine", machine());
        Map<String, Object> stages = new LinkedHashMap<>();
        results.forEach(result -> stages.put(result.stage(), result.numbers()));
        json.put("stages", stages);
        List<String> table = new ArrayList<>();
        results.forEach(result -> result.rows().forEach(row -> table.add(row.markdown())));
        json.put("table_markdown", table);
        if (options.out().getParent() != null) {
            Files.createDirectories(options.out().getParent());
        }
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(options.out().toFile(), json);
        return new Report(results, json);
    }

    private static StageResult stage(String stage, BenchOptions options, SharedKafka kafka) {
        return switch (stage) {
            case "processor" -> new ProcessorBenchmark(options.size(), kafka.get()).run();
            case "sink" -> new SinkBenchmark(options.size(), options.databaseUrl(), kafka.get()).run();
            case "peer" -> new PeerBenchmark(options.size(), options.databaseUrl(), kafka.get()).run();
            case "e2e" -> new EndToEndBenchmark(options.size(), options.databaseUrl(), kafka.get()).run();
            case "retention" -> new RetentionBenchmark(options.size()).run();
            case "memory" -> new MemoryBenchmark(options.size(), kafka.get()).run();
            case "state" -> new StateBenchmark(options.size(), kafka.get()).run();
            case "freshness" -> new FreshnessBenchmark(options.size()).run();
            case "api" -> new ApiBenchmark(options.size(), options.databaseUrl()).run();
            case "alerts" -> new AlertLatencyBenchmark(options.size(), options.databaseUrl(), kafka.get()).run();
            default -> throw new IllegalArgumentException("unknown stage " + stage);
        };
    }

    /** One broker for every stage that needs one, started when the first asks: retention alone needs none. */
    private static final class SharedKafka implements AutoCloseable {
        private BenchKafka kafka;

        BenchKafka get() {
            if (kafka == null) {
                kafka = BenchKafka.start();
            }
            return kafka;
        }

        @Override
        public void close() {
            if (kafka != null) {
                kafka.close();
            }
        }
    }

    private static Map<String, Object> machine() {
        Map<String, Object> machine = new LinkedHashMap<>();
        machine.put("processors", Runtime.getRuntime().availableProcessors());
        machine.put("max_heap_bytes", Runtime.getRuntime().maxMemory());
        machine.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version") + " " + System.getProperty("os.arch"));
        machine.put("java", System.getProperty("java.vm.name") + " " + System.getProperty("java.version"));
        machine.put("jvm_arguments", ManagementFactory.getRuntimeMXBean().getInputArguments());
        return machine;
    }
}
