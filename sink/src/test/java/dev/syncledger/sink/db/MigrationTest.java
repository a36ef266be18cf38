package dev.syncledger.sink.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.syncledger.sink.fixtures.PostgresSchema;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;
import org.jdbi.v3.sqlobject.config.KeyColumn;
import org.jdbi.v3.sqlobject.config.ValueColumn;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class MigrationTest {

    @RegisterExtension
    static final PostgresSchema POSTGRES = new PostgresSchema();

    interface Catalog {
        @SqlQuery("SELECT indexname, indexdef FROM pg_indexes WHERE schemaname = current_schema() AND tablename = :table")
        @KeyColumn("indexname")
        @ValueColumn("indexdef")
        Map<String, String> indexes(@Bind("table") String table);

        @SqlQuery("""
                SELECT e.enumlabel
                FROM pg_enum e JOIN pg_type t ON t.oid = e.enumtypid
                WHERE t.typname = :type AND t.typnamespace = current_schema()::regnamespace
                ORDER BY e.enumsortorder
                """)
        List<String> enumLabels(@Bind("type") String type);

        @SqlQuery("SELECT current_schema()")
        String currentSchema();

        @SqlUpdate("""
                WITH workspace AS (INSERT INTO workspaces DEFAULT VALUES RETURNING pk),
                     connector AS (INSERT INTO workspace_connectors (workspace_pk) SELECT pk FROM workspace RETURNING pk, workspace_pk)
                INSERT INTO workspace_connector_sync_logs (status, error, duration_ms, created_at, updated_at,
                                                           workspace_connector_pk, workspace_pk, revision)
                SELECT CAST(:status AS connector_sync_status_enum), :error, :durationMs, now(), now(), pk, workspace_pk, 1
                FROM connector
                """)
        void insertSyncLog(@Bind("status") String status, @Bind("error") String error, @Bind("durationMs") Integer durationMs);

        @SqlQuery("""
                SELECT workspace_connector_sync_log_id IS NOT NULL AND status = 'scheduled'
                FROM workspace_connector_sync_logs
                """)
        List<Boolean> generatedIdsAndDefaultStatus();
    }

    @Test
    void shouldCreateTheIndexesOfTheDataModelAsPlainBtrees() {
        Map<String, String> indexes = catalog().indexes("workspace_connector_sync_logs");

        assertThat(indexes).containsKeys(
                "idx_workspace_connector_sync_logs_connector_created",
                "idx_workspace_connector_sync_logs_workspace",
                "idx_workspace_connector_sync_logs_status",
                "workspace_connector_sync_logs_sync_log_id_key");
        assertThat(indexes.get("idx_workspace_connector_sync_logs_connector_created"))
                .contains("USING btree (workspace_connector_pk, created_at DESC)");
        assertThat(indexes.get("idx_workspace_connector_sync_logs_workspace")).contains("USING btree (workspace_pk)");
        assertThat(indexes.get("idx_workspace_connector_sync_logs_status")).contains("USING btree (status)");
        assertThat(indexes.values()).noneMatch(definition -> definition.contains(" WHERE "));
    }

    @Test
    void shouldCreateTheIndexesOfRejectedEvents() {
        assertThat(catalog().indexes("rejected_events")).containsKeys(
                "rejected_events_source_key", "idx_rejected_events_reason", "idx_rejected_events_rejected_at");
    }

    @Test
    void shouldCreateTheEnumsWithTheDataModelsValues() {
        assertThat(catalog().enumLabels("connector_sync_status_enum")).containsExactly("scheduled", "in_progress", "success", "error");
        assertThat(catalog().enumLabels("sync_trigger_type_enum")).containsExactly("cloud_task", "manual", "oauth_callback");
    }

    @Test
    void shouldGenerateIdsAndDefaultTheStatusToScheduled() {
        POSTGRES.jdbi().useHandle(handle -> handle.execute("""
                WITH workspace AS (INSERT INTO workspaces DEFAULT VALUES RETURNING pk),
                     connector AS (INSERT INTO workspace_connectors (workspace_pk) SELECT pk FROM workspace RETURNING pk, workspace_pk)
                INSERT INTO workspace_connector_sync_logs (created_at, updated_at, workspace_connector_pk, workspace_pk, revision)
                SELECT now(), now(), pk, workspace_pk, 1 FROM connector
                """));

        assertThat(catalog().generatedIdsAndDefaultStatus()).containsExactly(true);
    }

    @Test
    void shouldRefuseAnErrorOnARunThatDidNotFail() {
        catalog().insertSyncLog("error", "boom", 10);

        assertThatThrownBy(() -> catalog().insertSyncLog("success", "boom", 10))
                .isInstanceOf(UnableToExecuteStatementException.class)
                .hasMessageContaining("workspace_connector_sync_logs_error_only_when_failed");
    }

    @Test
    void shouldRefuseANegativeDuration() {
        catalog().insertSyncLog("success", null, 0);

        assertThatThrownBy(() -> catalog().insertSyncLog("success", null, -1))
                .hasMessageContaining("workspace_connector_sync_logs_duration_not_negative");
    }

    @Test
    void shouldUseTheConfiguredSchemaOnEveryConnectionAndMigrateOnlyOnce() {
        assertThat(catalog().currentSchema()).isEqualTo(POSTGRES.schema());

        POSTGRES.database().migrate();

        assertThat(catalog().indexes("workspace_connector_sync_logs")).hasSize(5);
    }

    private Catalog catalog() {
        return POSTGRES.jdbi().onDemand(Catalog.class);
    }
}
