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
 * The database's own limits on this machine: the rows the sink wrote, copied out to files first (untimed), then
 * COPYed in one transaction (timed) into unindexed tables of the same shape ({@link #measure}), or into a fresh
 * copy of the real schema, parents first, with every key, index, check and foreign key
 * ({@link #measureIntoSchema}): the fastest any writer could put these rows into these tables.
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
        BenchDatabase.checkpoint(jdbi);
        return jdbi.inTransaction(handle -> {
            long rows = 0;
            long started = System.nanoTime();
            for (CopiedTable table : CopiedTable.all()) {
                rows += copyIn(handle, table, files.get(table));
            }
            return new Result(rows, System.nanoTime() - started);
        });
    }

    /** Counts the state rows only, as the sink's rate does; the parents' COPY is part of the time, as for the sink. */
    static Result measureIntoSchema(Jdbi source, Jdbi target, Path work) {
        Map<ParentTable, Path> parents = new EnumMap<>(ParentTable.class);
        Map<CopiedTable, Path> states = new EnumMap<>(CopiedTable.class);
        source.useHandle(handle -> {
            for (ParentTable table : ParentTable.inKeyOrder()) {
                Path file = work.resolve("schema-" + table.name() + ".copy");
                copyOut(handle, table.copyOut(), file);
                parents.put(table, file);
            }
            for (CopiedTable table : CopiedTable.all()) {
                Path file = work.resolve("schema-" + table.table() + ".copy");
                copyOut(handle, table.copyOut(), file);
                states.put(table, file);
            }
        });
        BenchDatabase.checkpoint(target);
        return target.inTransaction(handle -> {
            long rows = 0;
            long started = System.nanoTime();
            for (ParentTable table : ParentTable.inKeyOrder()) {
                copyIn(handle, table.copyIn(), parents.get(table));
            }
            for (CopiedTable table : CopiedTable.all()) {
                rows += copyIn(handle, table.copyIntoSchema(), states.get(table));
            }
            return new Result(rows, System.nanoTime() - started);
        });
    }

    private static void copyOut(Handle handle, CopiedTable table, Path file) {
        copyOut(handle, table.copyOut(), file);
    }

    static void copyOut(Handle handle, String statement, Path file) {
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file))) {
            copyManager(handle).copyOut(statement, out);
        } catch (IOException | SQLException e) {
            throw new IllegalStateException("cannot run " + statement + ": " + e.getMessage(), e);
        }
    }

    private static long copyIn(Handle handle, CopiedTable table, Path file) {
        return copyIn(handle, table.copyIn(), file);
    }

    static long copyIn(Handle handle, String statement, Path file) {
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
            return copyManager(handle).copyIn(statement, in);
        } catch (IOException | SQLException e) {
            throw new IllegalStateException("cannot run " + statement + ": " + e.getMessage(), e);
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
