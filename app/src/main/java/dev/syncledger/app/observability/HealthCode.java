package dev.syncledger.app.observability;

/**
 * What {@code /health} says about one check: a fixed set of short codes, so that the body can carry no host,
 * database name, user or error text. What lies behind a code goes to the log, once per change.
 */
public enum HealthCode {
    ok,
    /** The check has not finished its first run yet. */
    pending,
    /** The check's latest result is older than the bound: the checks are not running. */
    stale,
    database_unreachable,
    database_login_refused,
    broker_unreachable,
    processor_stopped,
    sink_stopped,
    notifier_stopped,
    /** The check did not finish within its timeout, and says nothing more specific about what that means. */
    check_timeout,
    /** The check itself threw. */
    check_failed
}
