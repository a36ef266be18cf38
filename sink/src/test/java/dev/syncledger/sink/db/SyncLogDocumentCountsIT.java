package dev.syncledger.sink.db;

import static org.assertj.core.api.Assertions.assertThat;

import dev.syncledger.schemas.ConnectorSyncStatus;
import dev.syncledger.schemas.state.WorkspaceConnectorSyncLog;
import dev.syncledger.sink.fixtures.PostgresSchema;
import dev.syncledger.sink.fixtures.SinkRecords;
import dev.syncledger.sink.write.SinkWriter;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jdbi.v3.sqlobject.config.KeyColumn;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlScript;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The per-run document counts: right on a hand-built data set, and a range scan of idx_dwc_wc_created_at. */
class SyncLogDocumentCountsIT {

    @RegisterExtension
    static final PostgresSchema POSTGRES = new PostgresSchema();

    private static final Instant T0 = Instant.parse("2026-06-02T10:00:00Z");

    public record DocumentCounts(UUID workspaceConnectorSyncLogId, long inputDocuments, long outputDocuments) {}

    interface View {
        @SqlQuery("SELECT workspace_connector_sync_log_id, input_documents, output_documents FROM sync_log_document_counts")
        @KeyColumn("workspace_connector_sync_log_id")
        @RegisterConstructorMapper(DocumentCounts.class)
        Map<UUID, DocumentCounts> counts();

        @SqlQuery("EXPLAIN SELECT * FROM sync_log_document_counts WHERE workspace_connector_sync_log_id = :id")
        List<String> planForOneRun(@Bind("id") UUID syncLogId);

        @SqlQuery("SELECT workspace_connector_sync_log_id FROM workspace_connector_sync_logs ORDER BY pk LIMIT 1 OFFSET 500")
        UUID someRun();

        /**
         * 200 connectors with 10 runs of 10 minutes each and 100 links each, spread over the runs: enough rows
         * for the planner to prefer the index to a scan of the whole table, with fresh statistics.
         */
        @SqlScript("INSERT INTO workspaces (workspace_id) VALUES (gen_random_uuid())")
        @SqlScript("""
                INSERT INTO workspace_connectors (workspace_pk)
                SELECT (SELECT min(pk) FROM workspaces) FROM generate_series(1, 200)
                """)
        @SqlScript("INSERT INTO documents (document_id) SELECT gen_random_uuid() FROM generate_series(1, 20000)")
        @SqlScript("""
                INSERT INTO document_workspace_connectors (document_pk, workspace_connector_pk, direction, created_at, revision)
                SELECT d.pk,
                       c.pk,
                       CAST(CASE WHEN d.pk % 4 = 0 THEN 'output' ELSE 'input' END AS direction_enum),
                       TIMESTAMPTZ '2026-06-02 10:00:00+00' + (d.pk / 200 % 100) * INTERVAL '1 minute',
                       1
                FROM documents d
                JOIN workspace_connectors c ON c.pk = (SELECT min(pk) FROM workspace_connectors) + d.pk % 200
                """)
        @SqlScript("""
                INSERT INTO workspace_connector_sync_logs (status, started_at, completed_at, created_at, updated_at,
                                                           workspace_connector_pk, workspace_pk, revision)
                SELECT 'success',
                       TIMESTAMPTZ '2026-06-02 10:00:00+00' + run * INTERVAL '10 minutes',
                       TIMESTAMPTZ '2026-06-02 10:00:00+00' + run * INTERVAL '10 minutes' + INTERVAL '9 minutes',
                       TIMESTAMPTZ '2026-06-02 10:00:00+00' + run * INTERVAL '10 minutes',
                       TIMESTAMPTZ '2026-06-02 10:00:00+00' + run * INTERVAL '10 minutes' + INTERVAL '9 minutes',
                       c.pk, c.workspace_pk, 1
                FROM workspace_connectors c CROSS JOIN generate_series(0, 9) AS run
                """)
        @SqlScript("ANALYZE documents")
        @SqlScript("ANALYZE document_workspace_connectors")
        @SqlScript("ANALYZE workspace_connector_sync_logs")
        void fillWithManyRunsAndLinks();

        @SqlQuery("SELECT input_documents + output_documents FROM sync_log_document_counts WHERE workspace_connector_sync_log_id = :id")
        long documentsOf(@Bind("id") UUID syncLogId);
    }

    private final SinkRecords connector = new SinkRecords();
    private final SinkRecords otherConnector = new SinkRecords();
    private final List<ConsumerRecord<byte[], byte[]>> state = new ArrayList<>();

    @Test
    void shouldCountTheDocumentsLinkedToTheRunsConnectorWhileItRan() {
        UUID firstRun = run(connector, minutes(0), minutes(10));
        UUID secondRun = run(connector, minutes(20), minutes(30));
        UUID inProgress = run(connector, minutes(40), null);
        UUID neverStarted = run(connector, null, minutes(50));
        UUID softDeleted = state(connector.syncLog().setStatus(ConnectorSyncStatus.success)
                .setStartedAt(minutes(0)).setCompletedAt(minutes(10)).setDeletedAt(minutes(60)));
        UUID otherConnectorsRun = run(otherConnector, minutes(0), minutes(10));
        link(connector, "input", minutes(0), null);            // the start is inside the run
        link(connector, "input", minutes(5), null);
        link(connector, "input", minutes(10), null);           // the end is inside the run too
        link(connector, "output", minutes(5), null);
        link(connector, "input", minutes(15), null);           // between runs: nobody's
        link(connector, "input", minutes(25), minutes(26));    // unlinked since: not counted
        link(connector, "output", minutes(25), null);
        link(connector, "input", minutes(45), null);           // the run in progress has no end yet
        link(otherConnector, "input", minutes(5), null);

        write();

        Map<UUID, DocumentCounts> counts = view().counts();
        assertThat(counts).containsOnlyKeys(firstRun, secondRun, inProgress, neverStarted, otherConnectorsRun)
                .doesNotContainKey(softDeleted);
        assertThat(counts.get(firstRun)).isEqualTo(new DocumentCounts(firstRun, 3, 1));
        assertThat(counts.get(secondRun)).isEqualTo(new DocumentCounts(secondRun, 0, 1));
        assertThat(counts.get(inProgress)).isEqualTo(new DocumentCounts(inProgress, 0, 0));
        assertThat(counts.get(neverStarted)).isEqualTo(new DocumentCounts(neverStarted, 0, 0));
        assertThat(counts.get(otherConnectorsRun)).isEqualTo(new DocumentCounts(otherConnectorsRun, 1, 0));
    }

    @Test
    void shouldReadOneRunsCountsThroughTheConnectorAndCreatedAtIndex() {
        view().fillWithManyRunsAndLinks();
        UUID run = view().someRun();

        List<String> plan = view().planForOneRun(run);

        assertThat(String.join("\n", plan)).contains("idx_dwc_wc_created_at").doesNotContain("Seq Scan on document_workspace_connectors");
        assertThat(view().documentsOf(run)).isBetween(1L, 100L);
    }

    private UUID run(SinkRecords records, Instant started, Instant completed) {
        WorkspaceConnectorSyncLog.Builder log = records.syncLog()
                .setStatus(completed == null ? ConnectorSyncStatus.in_progress
                        : started == null ? ConnectorSyncStatus.error : ConnectorSyncStatus.success)
                .setError(completed != null && started == null ? "failed before it started" : null)
                .setStartedAt(started)
                .setCompletedAt(completed);
        return state(log);
    }

    private UUID state(WorkspaceConnectorSyncLog.Builder log) {
        WorkspaceConnectorSyncLog built = log.build();
        state.add(connector.state(built));
        return built.getWorkspaceConnectorSyncLogId();
    }

    private void link(SinkRecords records, String direction, Instant created, Instant deleted) {
        state.add(connector.state(records.link(UUID.randomUUID())
                .setDirection(direction).setCreatedAt(created).setUpdatedAt(deleted == null ? created : deleted).setDeletedAt(deleted)));
    }

    private void write() {
        new SinkWriter(POSTGRES.database(), new ConsumerScope("test-cluster", "sync-log-document-counts-test"))
                .write(connector.batch(state));
    }

    private static Instant minutes(int minutes) {
        return T0.plusSeconds(60L * minutes);
    }

    private View view() {
        return POSTGRES.jdbi().onDemand(View.class);
    }
}
