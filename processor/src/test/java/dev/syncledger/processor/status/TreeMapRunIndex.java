package dev.syncledger.processor.status;

import java.time.Instant;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Function;

/** The run index over plain sorted maps, for folding without Kafka. */
public final class TreeMapRunIndex implements RunIndex {

    private final Map<UUID, NavigableMap<CreatedRun, CreatedRun>> byCreated = new HashMap<>();
    private final Map<String, NavigableMap<FinishedRun, FinishedRun>> finished = new HashMap<>();

    @Override
    public void put(UUID connector, CreatedRun run) {
        NavigableMap<CreatedRun, CreatedRun> runs = byCreated.computeIfAbsent(connector, c -> new TreeMap<>());
        runs.remove(run);
        runs.put(run, run);
    }

    @Override
    public void remove(UUID connector, CreatedRun run) {
        byCreated.getOrDefault(connector, new TreeMap<>()).remove(run);
    }

    @Override
    public void put(UUID connector, RunOutcome outcome, FinishedRun run) {
        NavigableMap<FinishedRun, FinishedRun> runs = finished.computeIfAbsent(connector + "/" + outcome, c -> new TreeMap<>());
        runs.remove(run);
        runs.put(run, run);
    }

    @Override
    public void remove(UUID connector, RunOutcome outcome, FinishedRun run) {
        finished.getOrDefault(connector + "/" + outcome, new TreeMap<>()).remove(run);
    }

    /** How often the fold read the index rather than its pointers. */
    int reads;

    @Override
    public Optional<CreatedRun> newest(UUID connector) {
        reads++;
        NavigableMap<CreatedRun, CreatedRun> runs = byCreated.getOrDefault(connector, new TreeMap<>());
        return runs.isEmpty() ? Optional.empty() : Optional.of(runs.lastEntry().getValue());
    }

    @Override
    public <R> R newestCreatedFirst(UUID connector, Function<Iterator<CreatedRun>, R> reader) {
        reads++;
        return reader.apply(byCreated.getOrDefault(connector, new TreeMap<>()).descendingMap().values().iterator());
    }

    @Override
    public <R> R newestFirst(UUID connector, RunOutcome outcome, Function<Iterator<FinishedRun>, R> reader) {
        reads++;
        NavigableMap<FinishedRun, FinishedRun> runs = finished.getOrDefault(connector + "/" + outcome, new TreeMap<>());
        return reader.apply(runs.descendingMap().values().iterator());
    }

    @Override
    public int trimCreated(UUID connector, int count, int keep, Instant cutoff) {
        return trim(byCreated.getOrDefault(connector, new TreeMap<>()), count, keep, run -> run.createdAt().isBefore(cutoff));
    }

    @Override
    public int trimFinished(UUID connector, RunOutcome outcome, int count, int keep, Instant cutoff) {
        return trim(finished.getOrDefault(connector + "/" + outcome, new TreeMap<>()), count, keep,
                run -> run.completedAt().isBefore(cutoff));
    }

    private static <T> int trim(NavigableMap<T, T> runs, int count, int keep, java.util.function.Predicate<T> old) {
        int removed = 0;
        while (!runs.isEmpty() && count - removed > keep && old.test(runs.firstKey())) {
            runs.pollFirstEntry();
            removed++;
        }
        return removed;
    }

    /** How many entries both orders hold, to check that removals leave nothing behind. */
    int size() {
        return byCreated.values().stream().mapToInt(Map::size).sum() + finished.values().stream().mapToInt(Map::size).sum();
    }
}
