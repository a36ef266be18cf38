package dev.syncledger.bench;

import dev.syncledger.sink.db.Database;
import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.JdbiException;

/** A migrated schema of the real PostgreSQL that lives for one benchmark and is dropped after it. */
final class BenchDatabase implements AutoCloseable {

    static final String DEFAULT_URL = "jdbc:postgresql://127.0.0.1:5432/postgres?user=postgres";

    private static volatile boolean checkpointRefusalReported;

    private final String url;
    private final Database database;

    private BenchDatabase(String url, Database database) {
        this.url = url;
        this.database = database;
    }

    static BenchDatabase create(String url, String purpose) {
        byte[] random = new byte[4];
        ThreadLocalRandom.current().nextBytes(random);
        Database database = Database.connect(url, "sync_ledger_bench_" + purpose + "_" + HexFormat.of().formatHex(random));
        database.migrate();
        return new BenchDatabase(url, database);
    }

    /**
     * Writes out what earlier stages left dirty, so that the next timed measurement does not share the disk with a
     * checkpoint it did not cause (the naive sink's slices sped up by a tenth from first to last while one finished).
     */
    static void checkpoint(Jdbi jdbi) {
        try {
            jdbi.useExtension(BenchDao.class, BenchDao::checkpoint);
        } catch (JdbiException e) {
            if (!checkpointRefusalReported) {
                checkpointRefusalReported = true;
                System.err.println("bench: cannot CHECKPOINT before timing (the bench user needs superuser or pg_checkpoint): "
                        + e.getMessage());
            }
        }
    }

    void checkpoint() {
        checkpoint(database.jdbi());
    }

    String url() {
        return url;
    }

    String schema() {
        return database.schema();
    }

    Jdbi jdbi() {
        return database.jdbi();
    }

    Database database() {
        return database;
    }

    @Override
    public void close() {
        try {
            database.jdbi().useExtension(BenchDao.class, dao -> dao.dropSchema(database.schema()));
        } finally {
            database.close();
        }
    }
}
