package dev.syncledger.app.faults;

import java.time.Duration;

/**
 * How big each scenario is. {@code mvn verify} runs the small default; the {@code faults} Maven profile
 * raises the events to 200,000, the outage to 30 s and the waits to match.
 *
 * @param events   input events per scenario's workload
 * @param outage   how long PostgreSQL stays unreachable and the broker stays down
 * @param timeout  the bound of every wait for the pipeline to catch up
 * @param ingest   how long the processor may take to read the whole workload, before the retention
 *                 scenario's first diagnostic expires
 */
record FaultSize(int events, Duration outage, Duration timeout, Duration ingest) {

    static FaultSize fromSystemProperties() {
        return new FaultSize(
                Integer.getInteger("faults.events", 2_000),
                Duration.ofSeconds(Long.getLong("faults.outage.seconds", 3)),
                Duration.ofSeconds(Long.getLong("faults.timeout.seconds", 120)),
                Duration.ofSeconds(Long.getLong("faults.ingest.seconds", 25)));
    }
}
