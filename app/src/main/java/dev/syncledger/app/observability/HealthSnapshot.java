package dev.syncledger.app.observability;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What {@code /health} serves: each check's latest code, and the age of the oldest of those results.
 *
 * @param checks by check name, in the order the checks were given
 * @param age    how long ago the oldest of the results was taken
 */
public record HealthSnapshot(Map<String, HealthCode> checks, Duration age) {

    public HealthSnapshot {
        checks = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(checks));
    }

    /** Every check's latest result is {@code ok} (and none is stale). */
    public boolean ready() {
        return checks.values().stream().allMatch(HealthCode.ok::equals);
    }

    /**
     * The snapshot at {@code nowNanos}: a result older than {@code staleAfter} shows {@link HealthCode#stale}, whatever
     * it said, because nothing has confirmed it since.
     */
    static HealthSnapshot of(Map<String, Observed> latest, long nowNanos, Duration staleAfter) {
        Map<String, HealthCode> checks = new LinkedHashMap<>();
        long oldest = 0;
        for (Map.Entry<String, Observed> entry : latest.entrySet()) {
            long age = Math.max(0, nowNanos - entry.getValue().atNanos());
            oldest = Math.max(oldest, age);
            checks.put(entry.getKey(), age > staleAfter.toNanos() ? HealthCode.stale : entry.getValue().code());
        }
        return new HealthSnapshot(checks, Duration.ofNanos(oldest));
    }

    /** One check's result and when it was taken, on {@link System#nanoTime()}'s scale. */
    record Observed(HealthCode code, long atNanos) {}
}
