package dev.syncledger.sink.db;

/**
 * PostgreSQL cannot be reached (refused or lost connection, server shutting down or out of
 * connections). Something an operator fixes, or that passes on its own; the message is one line.
 */
public final class DatabaseUnavailableException extends RuntimeException {

    public DatabaseUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
