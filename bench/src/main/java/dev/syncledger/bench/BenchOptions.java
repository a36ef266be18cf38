package dev.syncledger.bench;

import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The command line: {@code --size quick|full --only processor,sink,peer,e2e,retention,memory,state --out FILE
 * --database-url URL --rate EVENTS_PER_SECOND --events N} (the end-to-end run's offered rate and the processor and
 * sink workloads' event count, the size's by default).
 */
record BenchOptions(BenchSize size, Set<String> stages, Path out, String databaseUrl) {

    static final List<String> STAGES = List.of("processor", "sink", "peer", "e2e", "retention", "memory", "state", "freshness", "alerts", "api");
    static final String USAGE = "usage: Bench [--size quick|full] [--only " + String.join(",", STAGES)
            + "] [--out bench/target/bench.json] [--database-url jdbc:postgresql://127.0.0.1:5432/postgres?user=postgres]"
            + " [--rate events/s offered end to end] [--events events in the processor and sink workloads]";

    static BenchOptions parse(String... args) {
        BenchSize size = BenchSize.FULL;
        Set<String> stages = new LinkedHashSet<>(STAGES);
        Path out = Path.of("bench", "target", "bench.json");
        String databaseUrl = BenchDatabase.DEFAULT_URL;
        Integer rate = null;
        Integer events = null;
        for (int i = 0; i < args.length; i += 2) {
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException(args[i] + " needs a value; " + USAGE);
            }
            String value = args[i + 1];
            switch (args[i]) {
                case "--size" -> size = BenchSize.named(value);
                case "--only" -> stages = stages(value);
                case "--out" -> out = Path.of(value);
                case "--database-url" -> databaseUrl = value;
                case "--rate" -> rate = count(value);
                case "--events" -> events = count(value);
                default -> throw new IllegalArgumentException("unknown option " + args[i] + "; " + USAGE);
            }
        }
        BenchSize chosen = rate == null ? size : size.withOfferedRate(rate);
        return new BenchOptions(events == null ? chosen : chosen.withProcessorEvents(events), stages, out, databaseUrl);
    }

    private static int count(String value) {
        return Integer.parseInt(value.replace("_", "").replace(",", ""));
    }

    private static Set<String> stages(String list) {
        Set<String> stages = new LinkedHashSet<>();
        for (String stage : list.split(",")) {
            String name = stage.trim();
            if (!STAGES.contains(name)) {
                throw new IllegalArgumentException("unknown stage " + name + "; " + USAGE);
            }
            stages.add(name);
        }
        return stages;
    }
}
