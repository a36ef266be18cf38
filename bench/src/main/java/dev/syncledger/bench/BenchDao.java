package dev.syncledger.bench;

import org.jdbi.v3.sqlobject.customizer.Define;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** The benchmarks' own SQL: table names come from {@link CopiedTable}, never from input. */
interface BenchDao {

    @SqlUpdate("DROP SCHEMA IF EXISTS <schema> CASCADE")
    void dropSchema(@Define("schema") String schema);

    /** LIKE without INCLUDING copies columns and NOT NULL only: no keys, indexes, checks or defaults, the cheapest table to fill. */
    @SqlUpdate("CREATE TABLE <copy> (LIKE <table>)")
    void createUnindexedCopy(@Define("copy") String copy, @Define("table") String table);

    @SqlUpdate("DROP TABLE IF EXISTS <copy>")
    void dropCopy(@Define("copy") String copy);

    /** Needs superuser or pg_checkpoint. */
    @SqlUpdate("CHECKPOINT")
    void checkpoint();

    /**
     * What an autovacuum worker would analyse now in the connection's schema (another schema in the same database is not
     * the stage's): each table changed in more than 50 rows plus a tenth of its rows since its last {@code ANALYZE}
     * ({@code autovacuum_analyze_threshold} and {@code autovacuum_analyze_scale_factor} at their defaults).
     */
    @SqlUpdate("""
            DO $$
            DECLARE
                stage_table regclass;
            BEGIN
                FOR stage_table IN SELECT s.relid::regclass
                                   FROM pg_stat_user_tables s JOIN pg_class c ON c.oid = s.relid
                                   WHERE s.schemaname = current_schema()
                                     AND s.n_mod_since_analyze > 50 + 0.1 * greatest(c.reltuples, 0) LOOP
                    EXECUTE format('ANALYZE %s', stage_table);
                END LOOP;
            END
            $$
            """)
    void analyzeAsAutovacuumWould();

    @SqlQuery("SELECT count(*) FROM <table>")
    long count(@Define("table") String table);
}
