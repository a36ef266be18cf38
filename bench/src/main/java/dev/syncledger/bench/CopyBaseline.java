package dev.syncledger.bench;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.EnumMap;
import java.util.Map;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

/**
 * The database's own limit on this machine: the rows the sink wrote, copied out to files first
 * (untimed), then COPYed into unindexed tables of the same shape in one transaction (timed).
 */
final class CopyBaseline {

    record Result(long rows, long nanos) {
        double rowsPerSecond() {
            return Numbers.perSecond(rows, nanos);
        }
    }

    private CopyBaseline() {}

    static Result measure(Jdbi jdbi, Path work) {
        Map<CopiedTable, Path> files = new EnumMap<>(CopiedTable.class);
        jdbi.useHandle(handle -> {
            for (CopiedTable table : CopiedTable.all()) {
                Path file = work.resolve(table.table() + ".copy");
                copyOut(handle, table, file);
                files.put(table, file);
                handle.attach(BenchDao.class).createUnindexedCopy(table.copy(), table.table());
            }
        });
        return jdbi.inTransaction(handle -> {
            long rows = 0;
            long started = System.nanoTime();
            for (CopiedTable table : CopiedTable.all()) {
                rows += copyIn(handle, table, files.get(table));
            }
            return new Result(rows, System.nanoTime() - started);
        });
    }

    private static void copyOut(Handle handle, CopiedTable table, Path file) {
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file))) {
            copyManager(handle).copyOut(table.copyOut(), out);
        } catch (IOException | SQLException e) {
            throw new IllegalStateException("cannot copy " + table.table() + " out: " + e.getMessage(), e);
        }
    }

    private static long copyIn(Handle handle, CopiedTable table, Path file) {
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
            return copyManager(handle).copyIn(table.copyIn(), in);
        } catch (IOException | SQLException e) {
            throw new IllegalStateException("cannot copy into " + table.copy() + ": " + e.getMessage(), e);
        }
    }

    static CopyManager copyManager(Handle handle) {
        try {
            return handle.getConnection().unwrap(PGConnection.class).getCopyAPI();
        } catch (SQLException e) {
            throw new IllegalStateException("not a PostgreSQL connection: " + e.getMessage(), e);
        }
    }

}
