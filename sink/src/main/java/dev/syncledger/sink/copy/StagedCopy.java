package dev.syncledger.sink.copy;

import java.io.IOException;
import java.sql.SQLException;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.JdbiException;
import org.postgresql.PGConnection;

/**
 * The fast way in for a batch of many rows: COPY them into a temporary staging table, then merge the
 * staging table into the real one with one INSERT ... SELECT ... ON CONFLICT that carries the same
 * version guard as the single-row upsert. A bound statement per row costs a round of parsing, binding
 * and index lookups each; COPY streams the rows and the merge does the lookups in one plan.
 */
public final class StagedCopy {

    /**
     * Below this many rows the batch upsert is as fast and needs one round trip instead of four; the
     * row-by-row fallback writes single rows, so it always takes the upsert.
     */
    public static final int MIN_ROWS = 2;

    private StagedCopy() {}

    public static boolean worthIt(int rows) {
        return rows >= MIN_ROWS;
    }

    /**
     * Streams the rows into the staging table through the handle's connection, inside its transaction.
     *
     * @throws CopyFailedException carrying PostgreSQL's SQLState, so a refused value is told from an outage
     */
    public static void copyIn(Handle handle, String copyStatement, CopyText rows) {
        try {
            handle.getConnection().unwrap(PGConnection.class).getCopyAPI().copyIn(copyStatement, rows.reader());
        } catch (SQLException | IOException e) {
            throw new CopyFailedException("COPY of " + rows.rows() + " rows failed: " + e.getMessage(), e);
        }
    }

    /** A JdbiException, so that callers handle a failed COPY exactly as a failed statement. */
    public static final class CopyFailedException extends JdbiException {
        private static final long serialVersionUID = 1L;

        CopyFailedException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
