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

    @SqlQuery("SELECT count(*) FROM <table>")
    long count(@Define("table") String table);
}
