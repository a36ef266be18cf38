package dev.syncledger.app.observability;

import java.util.Objects;
import java.util.Optional;

/**
 * One thing the process needs to do its work: PostgreSQL, the broker, the processor. {@link HealthMonitor} runs each
 * check in the background; {@code /health} answers 200 only while every check's latest result passes. A check
 * that holds resources (a Kafka Admin, a thread) is also {@link AutoCloseable}; the server closes it when it stops.
 */
public interface Readiness {

    /** A short stable name, the key in the health body: {@code database}, {@code broker}, {@code processor}. */
    String name();

    /**
     * Empty while ready; otherwise what is wrong. Runs on a thread of the health monitor, never on a request's; it
     * should bound its own waits (connect and read timeouts), because the monitor does not start it again while a
     * run is still going.
     */
    Optional<Problem> problem();

    /** What a run that outlasts the monitor's timeout means for this check. */
    default HealthCode whenTimedOut() {
        return HealthCode.check_timeout;
    }

    /**
     * @param code   what {@code /health} shows
     * @param detail one line for the operator's log: what is wrong and what to do
     */
    record Problem(HealthCode code, String detail) {

        public Problem {
            Objects.requireNonNull(code, "code");
            Objects.requireNonNull(detail, "detail");
            if (code == HealthCode.ok) {
                throw new IllegalArgumentException("a problem cannot be ok: " + detail);
            }
        }
    }
}
