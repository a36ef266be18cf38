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

class MigrationIT {

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

        @SqlQuery("""
                SELECT CAST(reason AS text)
                FROM unnest(enum_range(NULL::sync_failure_reason_enum)) AS reason
                WHERE sync_failure_reason_is_informational(reason)
                """)
        List<String> informationalReasons();

        @SqlQuery("""
                SELECT column_name || ' ' || column_default
                FROM information_schema.columns
                WHERE table_schema = current_schema() AND table_name = :table AND column_default IS NOT NULL
                ORDER BY column_name
                """)
        List<String> columnDefaults(@Bind("table") String table);

        @SqlQuery("""
                SELECT column_name
                FROM information_schema.columns
                WHERE table_schema = current_schema() AND table_name = :table
                ORDER BY ordinal_position
                """)
        List<String> columns(@Bind("table") String table);

        @SqlQuery("""
                SELECT c.conname || ' ' || pg_get_constraintdef(c.oid)
                FROM pg_constraint c
                WHERE c.conrelid = CAST(:table AS regclass) AND c.contype = 'f'
                ORDER BY c.conname
                """)
        List<String> foreignKeys(@Bind("table") String table);

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
        // V9 extends the data model's (workspace_pk) index with the read API's page order; its prefix serves the rest.
        assertThat(indexes.get("idx_workspace_connector_sync_logs_workspace"))
                .contains("USING btree (workspace_pk, created_at, workspace_connector_sync_log_id)");
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
    void shouldCreateTheNewEnumsWithTheDataModelsValues() {
        assertThat(catalog().enumLabels("target_model_enum")).containsExactly(
                "company", "people", "invoice", "transaction", "account", "ledger_account", "journal",
                "journal_entry", "email", "payment_means", "invoice_transaction", "document");
        assertThat(catalog().enumLabels("sync_failure_reason_enum")).hasSize(23).containsExactly(
                "no_suitable_tool", "tool_not_found", "auth_scope_insufficient", "tool_execution_failed",
                "empty_result", "jsonata_generation_failed", "schema_drift_detected", "jury_run", "jury_partial",
                "jury_disagreement", "jury_quorum_lost", "blueprint_persistence_failed", "mapped_entities_dropped",
                "mapped_entities_partial_drop", "fk_parent_missing", "entity_persist_failed", "sync_fk_dag_cycle",
                "regression_reverted", "target_skipped", "structured_pipeline_degraded",
                "structured_pipeline_fell_back_to_legacy", "mapping_generation_hard_fail", "tool_selection_pinned");
        assertThat(catalog().enumLabels("direction_enum")).containsExactly("input", "output");
        assertThat(catalog().enumLabels("collect_status_enum")).containsExactly("todo", "in_progress", "finalized", "error");
    }

    @Test
    void shouldTellTheDataModelsInformationalReasonsFromFailures() {
        assertThat(catalog().informationalReasons()).containsExactly("schema_drift_detected", "jury_run", "jury_disagreement",
                "target_skipped", "structured_pipeline_degraded", "structured_pipeline_fell_back_to_legacy", "tool_selection_pinned");
    }

    @Test
    void shouldIndexDiagnosticsForPerConnectorListingAndRetention() {
        Map<String, String> indexes = catalog().indexes("connector_sync_diagnostics");

        assertThat(indexes).containsOnlyKeys(
                "connector_sync_diagnostics_pkey",
                "connector_sync_diagnostics_diagnostic_id_key",
                "idx_connector_sync_diagnostics_connector_occurred",
                "idx_connector_sync_diagnostics_occurred",
                "idx_connector_sync_diagnostics_workspace");
        assertThat(indexes.get("idx_connector_sync_diagnostics_connector_occurred"))
                .contains("USING btree (workspace_connector_pk, occurred_at DESC) INCLUDE (reason)");
        assertThat(indexes.get("idx_connector_sync_diagnostics_occurred")).contains("USING btree (occurred_at)");
        assertThat(indexes.get("connector_sync_diagnostics_diagnostic_id_key")).contains("UNIQUE").contains("(diagnostic_id)");
    }

    @Test
    void shouldIndexDocumentLinksAsTheDataModelDoes() {
        Map<String, String> indexes = catalog().indexes("document_workspace_connectors");

        assertThat(indexes).containsOnlyKeys(
                "document_workspace_connectors_pkey",
                "document_workspace_connectors_link_key",
                "idx_dwc_wc_created_at",
                "idx_dwc_input_active_doc_created");
        assertThat(indexes.get("document_workspace_connectors_link_key"))
                .contains("UNIQUE").contains("(document_pk, workspace_connector_pk, direction)");
        assertThat(indexes.get("idx_dwc_wc_created_at")).endsWith("USING btree (workspace_connector_pk, created_at)");
        assertThat(indexes.get("idx_dwc_input_active_doc_created"))
                .contains("USING btree (document_pk, created_at) WHERE ((direction = 'input'::")
                .contains("AND (deleted_at IS NULL)");
        assertThat(catalog().indexes("documents")).containsOnlyKeys("documents_pkey", "documents_document_id_key");
        assertThat(catalog().columns("document_workspace_connectors")).doesNotContain("document_workspace_connector_id")
                .containsExactly("pk", "document_pk", "workspace_connector_pk", "direction", "created_at", "updated_at",
                        "deleted_at", "revision");
    }

    @Test
    void shouldIndexCollectsAsTheDataModelDoes() {
        Map<String, String> indexes = catalog().indexes("collects");

        assertThat(indexes).containsOnlyKeys(
                "collects_pkey",
                "collects_collect_id_key",
                "idx_collects_status",
                "idx_collects_people",
                "idx_collects_workspace_status",
                "idx_collects_task");
        assertThat(indexes.get("idx_collects_status")).endsWith("USING btree (status) WHERE (deleted_at IS NULL)");
        assertThat(indexes.get("idx_collects_people")).endsWith("USING btree (people_pk) WHERE (deleted_at IS NULL)");
        assertThat(indexes.get("idx_collects_workspace_status")).endsWith("USING btree (workspace_pk, status)");
        assertThat(catalog().indexes("peoples")).containsOnlyKeys("peoples_pkey", "peoples_people_id_key");
        assertThat(catalog().indexes("tasks")).containsOnlyKeys("tasks_pkey", "tasks_task_id_key");
    }

    @Test
    void shouldKeepOneStatusRowPerConnector() {
        Map<String, String> indexes = catalog().indexes("connector_status");

        assertThat(indexes).containsOnlyKeys(
                "connector_status_pkey",
                "connector_status_workspace_connector_key",
                "idx_connector_status_workspace",
                "idx_connector_status_failing",
                "idx_connector_status_late");
        assertThat(indexes.get("connector_status_workspace_connector_key")).contains("UNIQUE").endsWith("(workspace_connector_pk)");
        assertThat(indexes.get("idx_connector_status_late")).contains("(next_expected_at)").contains("delayed").contains("overdue");
    }

    @Test
    void shouldKeepOneAlertPerIdAndAtMostOneOpenPerConnectorAndKind() {
        Map<String, String> indexes = catalog().indexes("connector_alerts");

        assertThat(indexes).containsOnlyKeys("connector_alerts_pkey", "connector_alerts_alert_id_key", "connector_alerts_one_open_per_kind",
                "idx_connector_alerts_workspace_opened", "idx_connector_alerts_open");
        assertThat(indexes.get("connector_alerts_one_open_per_kind")).contains("(workspace_connector_pk, kind)").contains("WHERE (state = 'open'");
        assertThat(catalog().indexes("alert_deliveries")).containsOnlyKeys("alert_deliveries_pkey", "alert_deliveries_transition_url_key",
                "idx_alert_deliveries_due");
    }

    @Test
    void shouldDeclareTheDataModelsDeleteRules() {
        assertThat(catalog().foreignKeys("connector_sync_diagnostics")).allSatisfy(fk -> assertThat(fk).endsWith("ON DELETE CASCADE"));
        assertThat(catalog().foreignKeys("document_workspace_connectors")).containsExactly(
                "document_workspace_connectors_document_pk_fkey FOREIGN KEY (document_pk) REFERENCES documents(pk)",
                "document_workspace_connectors_workspace_connector_pk_fkey FOREIGN KEY (workspace_connector_pk)"
                        + " REFERENCES workspace_connectors(pk) ON DELETE CASCADE");
        assertThat(catalog().foreignKeys("collects")).containsExactly(
                "collects_people_pk_fkey FOREIGN KEY (people_pk) REFERENCES peoples(pk)",
                "collects_task_pk_fkey FOREIGN KEY (task_pk) REFERENCES tasks(pk) ON DELETE SET NULL",
                "collects_workspace_pk_fkey FOREIGN KEY (workspace_pk) REFERENCES workspaces(pk) ON DELETE CASCADE");
        assertThat(catalog().foreignKeys("connector_status")).allSatisfy(fk -> assertThat(fk).endsWith("ON DELETE CASCADE"));
    }

    @Test
    void shouldGenerateThePublicIdsAndDefaultsOfTheDataModel() {
        assertThat(catalog().columnDefaults("connector_sync_diagnostics"))
                .contains("diagnostic_id gen_random_uuid()", "occurred_at now()", "created_at now()");
        assertThat(catalog().columnDefaults("documents")).contains("document_id gen_random_uuid()");
        assertThat(catalog().columnDefaults("peoples")).contains("people_id gen_random_uuid()");
        assertThat(catalog().columnDefaults("tasks")).contains("task_id gen_random_uuid()");
        assertThat(catalog().columnDefaults("collects"))
                .contains("collect_id gen_random_uuid()", "status 'todo'::collect_status_enum");
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
