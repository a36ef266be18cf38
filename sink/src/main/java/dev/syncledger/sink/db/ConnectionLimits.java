package dev.syncledger.sink.db;

import java.time.Duration;

/**
 * Bounds on the connection pool and every connection in it.
 *
 * @param poolSize         connections at most: the sink holds one per batch, health checks and the prune one each
 * @param connectTimeout   to open a connection, and to wait for one from the pool
 * @param socketTimeout    for any one read from the server; longer than the statement timeout, so that the server
 *                         cancels a slow statement before the client gives up on the socket
 * @param statementTimeout for any one statement; a batch's upsert of 5,000 rows takes well under a second
 */
public record ConnectionLimits(int poolSize, Duration connectTimeout, Duration socketTimeout, Duration statementTimeout) {

    public static final ConnectionLimits DEFAULT = new ConnectionLimits(4, Duration.ofSeconds(10), Duration.ofSeconds(90),
            Duration.ofSeconds(60));

    public ConnectionLimits {
        if (poolSize < 1) {
            throw new IllegalArgumentException("a pool needs at least one connection: " + poolSize);
        }
        if (socketTimeout.compareTo(statementTimeout) <= 0) {
            throw new IllegalArgumentException("the socket timeout (" + socketTimeout + ") must be longer than the statement timeout ("
                    + statementTimeout + ")");
        }
    }
}
