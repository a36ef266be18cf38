package dev.syncledger.sink.db;

import java.sql.SQLException;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Optional;
import java.util.Set;

/** What a failed database call means for the caller, from the SQLState the server or driver gave. */
public enum SqlFailure {

    /** Class 40: serialization failure or deadlock. Redoing the transaction is expected to succeed. */
    TRANSACTION_CONFLICT,

    /**
     * Class 08 (connection exception), 57P01-57P03 (server shutting down, crashed or starting) and
     * class 53 (out of connections, memory or disk): the database is not there for now.
     */
    UNAVAILABLE,

    /**
     * 57014 (a statement timeout, or a cancel by an operator) and 55P03 (a lock timeout): the statement stopped
     * waiting, for a lock another session held or on a server too busy for it. Redoing the transaction once that has
     * passed is expected to succeed; a batch that times out every time stops the sink after the retry budget.
     */
    TIMED_OUT,

    /** Class 22 (data exception) or 23 (constraint violation): this data will never be accepted. */
    REFUSED_DATA,

    /** Anything else: a bug or a broken installation, not worth retrying. */
    OTHER;

    public boolean isRetriable() {
        return this == TRANSACTION_CONFLICT || this == UNAVAILABLE || this == TIMED_OUT;
    }

    public static SqlFailure of(Throwable failure) {
        return sqlState(failure).map(SqlFailure::ofState).orElse(OTHER);
    }

    static SqlFailure ofState(String state) {
        if (state.startsWith("40")) {
            return TRANSACTION_CONFLICT;
        }
        if (state.startsWith("08") || state.startsWith("53") || state.equals("57P01") || state.equals("57P02")
                || state.equals("57P03")) {
            return UNAVAILABLE;
        }
        if (state.equals("57014") || state.equals("55P03")) {
            return TIMED_OUT;
        }
        if (state.startsWith("22") || state.startsWith("23")) {
            return REFUSED_DATA;
        }
        return OTHER;
    }

    /** The first SQLState in the cause chain, looking into a batch's next exceptions too. */
    public static Optional<String> sqlState(Throwable failure) {
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Throwable t = failure; t != null && seen.add(t); t = t.getCause()) {
            if (t instanceof SQLException sql) {
                for (SQLException s = sql; s != null && (s == sql || seen.add(s)); s = s.getNextException()) {
                    if (s.getSQLState() != null && !s.getSQLState().isBlank()) {
                        return Optional.of(s.getSQLState());
                    }
                }
            }
        }
        return Optional.empty();
    }

    /** The server's or driver's own words, on one line, without the wrappers' context. */
    public static String describe(Throwable failure) {
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        Throwable deepest = failure;
        for (Throwable t = failure; t != null && seen.add(t); t = t.getCause()) {
            if (t instanceof SQLException sql) {
                SQLException next = sql.getNextException();
                deepest = next != null ? next : sql;
                break;
            }
            deepest = t;
        }
        String message = deepest.getMessage() == null ? deepest.getClass().getSimpleName() : deepest.getMessage();
        return oneLine(message);
    }

    static String oneLine(String text) {
        return text.strip().replaceAll("\\s*[\\r\\n]+\\s*", " ");
    }
}
