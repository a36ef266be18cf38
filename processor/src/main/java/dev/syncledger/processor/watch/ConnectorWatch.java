package dev.syncledger.processor.watch;

import dev.syncledger.schemas.alert.AlertKind;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What a connector's task keeps to tell whether the connector is late or in trouble. Bounded: at most
 * {@link WatchRules#burstDiagnostics()} diagnostic times and one open alert per kind.
 *
 * @param learnedInterval the connector's own interval ({@link ExpectedInterval}), or null while it has too few runs
 * @param firstRunAt the earliest created_at of a run it counted, or null
 * @param freshness the freshness columns as last evaluated, or null before the first evaluation
 * @param deadline when the wall clock must look at the connector again (it turns later, or a burst turns quiet); null: never
 * @param failureDiagnostics the occurred_at of its newest failure diagnostics since the last burst, oldest first
 * @param open the alerts open on it, at most one per kind
 */
public record ConnectorWatch(Duration learnedInterval, Instant firstRunAt, FreshnessView freshness, Instant deadline,
                             List<Instant> failureDiagnostics, Map<AlertKind, OpenAlert> open) {

    public static final ConnectorWatch EMPTY = new ConnectorWatch(null, null, null, null, List.of(), Map.of());

    public ConnectorWatch {
        failureDiagnostics = List.copyOf(failureDiagnostics);
        open = Map.copyOf(open);
    }
}
