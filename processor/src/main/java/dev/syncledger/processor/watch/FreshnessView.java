package dev.syncledger.processor.watch;

import dev.syncledger.schemas.ConnectorFreshness;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * The freshness columns of a connector's status row.
 *
 * @param nextExpectedAt the latest success (before any, the first run) plus the expected interval; null before any run
 * @param changedAt the wall-clock time freshness took its value
 */
public record FreshnessView(ConnectorFreshness freshness, Duration expectedInterval, Instant nextExpectedAt, Instant changedAt) {

    public FreshnessView {
        Objects.requireNonNull(freshness, "freshness");
        Objects.requireNonNull(expectedInterval, "expectedInterval");
    }
}
