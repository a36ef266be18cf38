package dev.syncledger.sink.db;

import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;

/** Whether a login could create the schema it is told to migrate, asked before Flyway tries. */
interface SchemaAccess {

    /**
     * True when the schema is there or the login may create it. Flyway retries a refused {@code CREATE SCHEMA} ten times,
     * a second apart, before it gives up: a login without the right would wait 10 s for its one-line error.
     */
    @SqlQuery("""
            SELECT EXISTS (SELECT 1 FROM pg_namespace WHERE nspname = :schema)
                   OR has_database_privilege(current_database(), 'CREATE')
            """)
    boolean schemaExistsOrMayBeCreated(@Bind("schema") String schema);

    @SqlQuery("SELECT current_user || ' on database ' || current_database()")
    String loginAndDatabase();
}
