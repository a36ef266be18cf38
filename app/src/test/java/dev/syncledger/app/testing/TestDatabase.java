package dev.syncledger.app.testing;

import dev.syncledger.sink.db.Database;
import dev.syncledger.sink.fixtures.TestPostgres;
import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;
import org.jdbi.v3.core.Jdbi;

/**
 * The real PostgreSQL ({@link TestPostgres}: the local server, or a container under -Pcontainers), with a schema of its
 * own per test class so that runs never collide.
 */
public final class TestDatabase implements AutoCloseable {

    public static final String URL = TestPostgres.url();

    private final String schema;

    /** Opened by the first {@link #jdbi()}, closed with this. */
    private Database database;

    private TestDatabase(String schema) {
        this.schema = schema;
    }

    public static TestDatabase freshSchema() {
        byte[] random = new byte[6];
        ThreadLocalRandom.current().nextBytes(random);
        return new TestDatabase("sync_ledger_it_" + HexFormat.of().formatHex(random));
    }

    public String url() {
        return URL;
    }

    public String schema() {
        return schema;
    }

    /** A Jdbi on this schema, migrated: the same migrations the sink runs. */
    public synchronized Jdbi jdbi() {
        if (database == null) {
            database = Database.connect(URL, schema);
            database.migrate();
        }
        return database.jdbi();
    }

    @Override
    public synchronized void close() {
        if (database != null) {
            database.close();
        }
        Jdbi.create(URL).useHandle(handle -> handle.execute(
                "DROP SCHEMA IF EXISTS " + Database.requireSchemaName(schema) + " CASCADE"));
    }
}
