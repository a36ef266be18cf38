package dev.syncledger.app.demo;

import dev.syncledger.app.cli.UserFacingException;
import dev.syncledger.sink.db.Database;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.Define;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/**
 * The schema a demo writes to, emptied at every demo start so its report shows this demo's workload
 * only. Only a schema the demo marked as its own, or one with no tables, is ever emptied: a --schema
 * pointing at real data (SYNC_LEDGER_SCHEMA is shared with run) is refused, never dropped.
 */
final class DemoSchema {

    static final String MARK = "sync-ledger demo: emptied at every demo start";

    private DemoSchema() {}

    /** Drops the demo's previous schema, migrates a fresh one and marks it as the demo's. */
    static void prepare(Database database) {
        String schema = database.schema();
        database.jdbi().useExtension(Statements.class, sql -> {
            if (!sql.exists(schema)) {
                return;
            }
            if (!MARK.equals(sql.comment(schema)) && sql.tables(schema) > 0) {
                throw new UserFacingException("schema " + schema + " already holds tables the demo did not create, and the demo empties "
                        + "its schema at every start; pass --schema with another name (the default is sync_ledger_demo)");
            }
            sql.drop(schema);
        });
        database.migrate();
        database.jdbi().useExtension(Statements.class, sql -> sql.mark(schema));
    }

    /** Schema names are checked by {@link Database#requireSchemaName} before they reach a {@code <schema>} identifier. */
    interface Statements {

        @SqlQuery("SELECT EXISTS (SELECT 1 FROM pg_namespace WHERE nspname = :schema)")
        boolean exists(@Bind("schema") String schema);

        @SqlQuery("SELECT obj_description(oid, 'pg_namespace') FROM pg_namespace WHERE nspname = :schema")
        String comment(@Bind("schema") String schema);

        @SqlQuery("SELECT count(*) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
                + "WHERE n.nspname = :schema AND c.relkind IN ('r', 'p', 'v', 'm')")
        long tables(@Bind("schema") String schema);

        @SqlUpdate("DROP SCHEMA <schema> CASCADE")
        void drop(@Define("schema") String schema);

        /** COMMENT takes no bind parameters; the text is {@link #MARK}'s, which a test compares. */
        @SqlUpdate("COMMENT ON SCHEMA <schema> IS 'sync-ledger demo: emptied at every demo start'")
        void mark(@Define("schema") String schema);
    }
}
