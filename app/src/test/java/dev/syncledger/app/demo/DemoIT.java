package dev.syncledger.app.demo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.syncledger.app.SyncLedgerCli;
import dev.syncledger.app.replay.ReplayCounts;
import dev.syncledger.app.testing.CliCapture;
import dev.syncledger.app.testing.TestDatabase;
import java.util.Map;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** {@code sync-ledger demo} end to end: an in-process broker, the local PostgreSQL, the report, a clean exit. */
class DemoIT {

    private final TestDatabase database = TestDatabase.freshSchema();

    @AfterEach
    void dropSchema() {
        database.close();
    }

    @Test
    void shouldRunTheWorkloadToItsReportAndExitZeroAndStartAfreshOnTheNextRun() {
        Run first = demo();

        assertThat(first.code()).as(first.err()).isZero();
        assertThat(first.out())
                .contains("demo: 2 workspaces x 3 connectors, 6 hourly runs each")
                .contains("demo: metrics at http://127.0.0.1:")
                .containsPattern("throughput: [\\d,]+ events published in [\\d.]+ s \\([\\d,]+ events/s\\); all of them in PostgreSQL after")
                .contains("rows in PostgreSQL:")
                .contains("demo: stopped cleanly");
        Jdbi jdbi = database.jdbi();
        Map<String, Long> rows = ReplayCounts.perTable(jdbi);
        assertThat(rows.get("connector_status")).isEqualTo(6);
        assertThat(rows.get("workspace_connector_sync_logs")).isGreaterThanOrEqualTo(2 * 3 * 6);
        long failing = jdbi.withHandle(h -> h.createQuery("SELECT count(*) FROM connector_status WHERE consecutive_failures > 0")
                .mapTo(Long.class).one());
        if (failing > 0) {
            assertThat(first.out()).contains("worst connectors, from dashboards/worst_connectors.sql (" + failing + " failing now");
        } else {
            assertThat(first.out()).contains("worst connectors: none is failing now");
        }
        assertThat(schemaComment(jdbi)).isEqualTo(DemoSchema.MARK);

        Run second = demo();

        assertThat(second.code()).as(second.err()).isZero();
        assertThat(ReplayCounts.perTable(jdbi)).as("the second run emptied the schema first").isEqualTo(rows);
    }

    @Test
    void shouldRefuseASchemaHoldingTablesItDidNotCreate() {
        database.jdbi();

        Run run = demo();

        assertThat(run.code()).isEqualTo(SyncLedgerCli.EXIT_RUNTIME_FAILURE);
        assertThat(run.err().strip()).doesNotContain("\n")
                .contains("schema " + database.schema() + " already holds tables the demo did not create").contains("--schema");
        assertThat(ReplayCounts.perTable(database.jdbi())).as("nothing was dropped").containsEntry("connector_status", 0L);
    }

    private Run demo() {
        CliCapture cli = new CliCapture();
        int code = cli.run("demo", "--duration", "0s", "--http-port", "0", "--database-url", database.url(), "--schema", database.schema(),
                "--workspaces", "2", "--connectors", "3", "--runs", "6", "--partitions", "2");
        return new Run(code, cli.out(), cli.err());
    }

    private String schemaComment(Jdbi jdbi) {
        return jdbi.withHandle(h -> h.createQuery("SELECT obj_description(oid, 'pg_namespace') FROM pg_namespace WHERE nspname = :schema")
                .bind("schema", database.schema()).mapTo(String.class).one());
    }

    private record Run(int code, String out, String err) {}
}
