package dev.syncledger.processor.status;

import java.time.Instant;
import java.util.Iterator;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

/**
 * Every connector's counted runs, in the two orders the status reads newest first. The processor
 * implements it over state stores, tests over sorted maps; {@link ConnectorStatusFold} decides what
 * goes in and reads it, so that the arithmetic stays free of Kafka.
 */
public interface RunIndex {

    void put(UUID connector, CreatedRun run);

    void remove(UUID connector, CreatedRun run);

    void put(UUID connector, RunOutcome outcome, FinishedRun run);

    void remove(UUID connector, RunOutcome outcome, FinishedRun run);

    /** The connector's run with the greatest (created_at, sync_log_id). */
    Optional<CreatedRun> newest(UUID connector);

    /**
     * Hands the reader the connector's runs, greatest (created_at, sync_log_id) first; the iterator is only valid
     * inside the call.
     */
    <R> R newestCreatedFirst(UUID connector, Function<Iterator<CreatedRun>, R> reader);

    /**
     * Hands the reader the connector's runs with this outcome, greatest (completed_at, sync_log_id)
     * first; the iterator is only valid inside the call, so a store iterator behind it can be closed.
     */
    <R> R newestFirst(UUID connector, RunOutcome outcome, Function<Iterator<FinishedRun>, R> reader);

    /**
     * Removes the connector's oldest runs by created_at that are dated before {@code cutoff}, as long as more
     * than {@code keep} of its {@code count} remain; returns how many it removed.
     */
    int trimCreated(UUID connector, int count, int keep, Instant cutoff);

    /** As {@link #trimCreated}, over the runs with this outcome by completed_at. */
    int trimFinished(UUID connector, RunOutcome outcome, int count, int keep, Instant cutoff);
}
