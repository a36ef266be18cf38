package dev.syncledger.app.generate;

import java.util.Map;
import java.util.TreeMap;

/**
 * What a generated workload held: its events per type (first deliveries only), the exact copies
 * delivered again, and the runs and collects whose events were delivered out of order.
 */
public record WorkloadCounts(Map<String, Long> eventsByType, long duplicates, long reordered) {

    public WorkloadCounts {
        eventsByType = Map.copyOf(eventsByType);
    }

    /** Events, each counted once. */
    public long events() {
        return eventsByType.values().stream().mapToLong(Long::longValue).sum();
    }

    /** Lines written: every event once plus the duplicates. */
    public long lines() {
        return events() + duplicates;
    }

    public long events(String type) {
        return eventsByType.getOrDefault(type, 0L);
    }

    /** For one-line summaries: {@code diagnostic.emitted=12, sync.failed=4, …}, by type name. */
    @Override
    public String toString() {
        return new TreeMap<>(eventsByType) + ", " + duplicates + " duplicates, " + reordered + " reordered";
    }
}
