package dev.syncledger.sink.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.syncledger.schemas.alert.AlertState;
import dev.syncledger.sink.fixtures.PostgresSchema;
import dev.syncledger.sink.fixtures.SinkRecords;
import dev.syncledger.sink.notify.DeliveryDao;
import dev.syncledger.sink.write.SinkWriter;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Row-level security as a dashboard sees it: connected as sync_ledger_reader with workspace W1 set, hand-written
 * SELECTs on every table and view return W1's rows and none of W2's; with no workspace set, nothing.
 */
class TenantIsolationIT {

    @RegisterExtension
    static final PostgresSchema POSTGRES = new PostgresSchema();

    private static final Instant AT = Instant.parse("2026-12-06T10:00:00Z");

    /** Every table and view a reader is granted, with what tells its rows' workspace apart (a workspace id). */
    private static final Map<String, String> WORKSPACE_OF = Map.ofEntries(
            Map.entry("workspaces", "SELECT workspace_id FROM workspaces"),
            Map.entry("workspace_connectors", "SELECT w.workspace_id FROM workspace_connectors t JOIN workspaces w ON w.pk = t.workspace_pk"),
            Map.entry("workspace_connector_sync_logs",
                    "SELECT w.workspace_id FROM workspace_connector_sync_logs t JOIN workspaces w ON w.pk = t.workspace_pk"),
            Map.entry("connector_sync_diagnostics",
                    "SELECT w.workspace_id FROM connector_sync_diagnostics t JOIN workspaces w ON w.pk = t.workspace_pk"),
            Map.entry("document_workspace_connectors", "SELECT w.workspace_id FROM document_workspace_connectors t"
                    + " JOIN workspace_connectors c ON c.pk = t.workspace_connector_pk JOIN workspaces w ON w.pk = c.workspace_pk"),
            Map.entry("documents", "SELECT w.workspace_id FROM documents t JOIN document_workspace_connectors d ON d.document_pk = t.pk"
                    + " JOIN workspace_connectors c ON c.pk = d.workspace_connector_pk JOIN workspaces w ON w.pk = c.workspace_pk"),
            Map.entry("collects", "SELECT w.workspace_id FROM collects t JOIN workspaces w ON w.pk = t.workspace_pk"),
            Map.entry("peoples", "SELECT w.workspace_id FROM peoples t JOIN collects c ON c.people_pk = t.pk JOIN workspaces w ON w.pk = c.workspace_pk"),
            Map.entry("tasks", "SELECT w.workspace_id FROM tasks t JOIN collects c ON c.task_pk = t.pk JOIN workspaces w ON w.pk = c.workspace_pk"),
            Map.entry("connector_status", "SELECT w.workspace_id FROM connector_status t JOIN workspaces w ON w.pk = t.workspace_pk"),
            Map.entry("connector_alerts", "SELECT w.workspace_id FROM connector_alerts t JOIN workspaces w ON w.pk = t.workspace_pk"),
            Map.entry("alert_deliveries", "SELECT workspace_id FROM alert_deliveries"),
            Map.entry("alert_delivery_attempts",
                    "SELECT d.workspace_id FROM alert_delivery_attempts t JOIN alert_deliveries d ON d.pk = t.delivery_pk"),
            Map.entry("sync_log_document_counts",
                    "SELECT w.workspace_id FROM sync_log_document_counts t JOIN workspaces w ON w.pk = t.workspace_pk"),
            Map.entry("connector_health", "SELECT w.workspace_id FROM connector_health t JOIN workspaces w ON w.pk = t.workspace_pk"),
            Map.entry("rejected_events", "SELECT workspace_id FROM rejected_events"));

    private SinkRecords w1;
    private SinkRecords w2;

    @BeforeEach
    void twoWorkspacesWithARowInEveryTable() {
        w1 = new SinkRecords();
        w2 = new SinkRecords();
        // Each fixture numbers its records from offset 0: one consumer group each.
        SinkWriter w1Writer = new SinkWriter(POSTGRES.database(), new ConsumerScope("test-cluster", "tenant-isolation-w1"));
        SinkWriter w2Writer = new SinkWriter(POSTGRES.database(), new ConsumerScope("test-cluster", "tenant-isolation-w2"));
        for (SinkRecords workspace : List.of(w1, w2)) {
            SinkWriter writer = workspace == w1 ? w1Writer : w2Writer;
            UUID run = UUID.randomUUID();
            UUID document = UUID.randomUUID();
            List<ConsumerRecord<byte[], byte[]>> rows = new ArrayList<>(List.of(
                    workspace.state(workspace.succeeded(run, 2).setStartedAt(AT).setCompletedAt(AT.plusSeconds(60))),
                    workspace.state(workspace.diagnostic()),
                    workspace.state(workspace.link(document).setCreatedAt(AT.plusSeconds(30))),
                    workspace.state(workspace.collect(UUID.randomUUID()).setTaskId(UUID.randomUUID())),
                    workspace.state(workspace.connectorStatus()),
                    workspace.state(workspace.alert(UUID.randomUUID(), AT))));
            writer.write(workspace.batch(rows.toArray(ConsumerRecord[]::new)));
            DeliveryDao deliveries = POSTGRES.jdbi().onDemand(DeliveryDao.class);
            deliveries.insert(DeliveryDao.NewDeliveries.of(List.of(new DeliveryDao.NewDelivery(UUID.randomUUID(), UUID.randomUUID(),
                    workspace.workspaceId, "http://127.0.0.1:9/hook", "{}"))), AT);
            deliveries.claimDue(AT, 1_000, 10).forEach(due -> deliveries.recordAttempt(due.pk(), 1, AT, 204, null, 3));
        }
        // Source offsets apart: the rejections share one cluster and input topic. The third names no workspace.
        w1Writer.write(w1.batch(w1.rejected(w1.rejectedEvent(1).setWorkspaceId(w1.workspaceId.toString()))));
        w2Writer.write(w2.batch(w2.rejected(w2.rejectedEvent(2).setWorkspaceId(w2.workspaceId.toString()))));
        w1Writer.write(w1.batch(w1.rejected(w1.rejectedEvent(3))));
        w1Writer.write(w1.batch(w1.state(w1.alert(UUID.randomUUID(), AT).setState(AlertState.resolved).setResolvedAt(AT.plusSeconds(1)))));
    }

    @Test
    void aReaderScopedToW1SeesW1sRowsInEveryTableAndViewAndNoneOfW2s() {
        for (Map.Entry<String, String> table : WORKSPACE_OF.entrySet()) {
            List<UUID> seen = asReader(w1.workspaceId, handle -> handle.createQuery(table.getValue()).mapTo(UUID.class).list());
            assertThat(seen).as(table.getKey() + " as W1's reader").isNotEmpty().containsOnly(w1.workspaceId);
        }
    }

    @Test
    void aReaderCountsItsWorkspacesRejectionsButNeverReadsWhatThePublisherSent() {
        long owner = POSTGRES.jdbi().withHandle(h -> h.createQuery("SELECT count(*) FROM rejected_events").mapTo(Long.class).one());
        assertThat(owner).as("the owner sees every rejection, naming a workspace or not").isEqualTo(3);
        List<String> reasons = asReader(w1.workspaceId, handle -> handle.createQuery(
                "SELECT reason FROM rejected_events WHERE rejected_at <= now() GROUP BY reason").mapTo(String.class).list());
        assertThat(reasons).containsExactly("malformed");
        for (String column : List.of("payload", "message", "record_key", "*")) {
            assertThatThrownBy(() -> asReader(w1.workspaceId, handle -> handle.createQuery("SELECT " + column + " FROM rejected_events")
                    .mapToMap().list())).as(column).hasMessageContaining("permission denied");
        }
    }

    @Test
    void aReaderWithNoWorkspaceSetSeesNothing() {
        for (String table : WORKSPACE_OF.keySet()) {
            long rows = asReader(null, handle -> handle.createQuery("SELECT count(*) FROM " + table).mapTo(Long.class).one());
            assertThat(rows).as(table + " with no workspace set").isZero();
        }
    }

    @Test
    void theOwnerSeesEveryWorkspaceAndAReaderCannotWriteNorReadTheSinksOffsets() {
        long owner = POSTGRES.jdbi().withHandle(h -> h.createQuery("SELECT count(*) FROM workspaces").mapTo(Long.class).one());
        assertThat(owner).isEqualTo(2);
        assertThatThrownBy(() -> asReader(w1.workspaceId, handle -> handle.execute("DELETE FROM workspace_connector_sync_logs")))
                .hasMessageContaining("permission denied");
        assertThatThrownBy(() -> asReader(w1.workspaceId, handle -> handle.createQuery("SELECT count(*) FROM sink_offsets")
                .mapTo(Long.class).one())).hasMessageContaining("permission denied");
    }

    @Test
    void aConnectorsRowCannotPointAtAnotherWorkspace() {
        assertThatThrownBy(() -> POSTGRES.jdbi().useHandle(handle -> handle.execute("""
                UPDATE workspace_connector_sync_logs SET workspace_pk = (SELECT pk FROM workspaces WHERE workspace_id = ?)
                WHERE workspace_connector_pk = (SELECT pk FROM workspace_connectors WHERE workspace_connector_id = ?)
                """, w2.workspaceId, w1.connectorId)))
                .hasMessageContaining("workspace_connector_sync_logs_connector_in_workspace_fkey");
    }

    private static <T> T asReader(UUID workspace, org.jdbi.v3.core.HandleCallback<T, RuntimeException> query) {
        return POSTGRES.jdbi().inTransaction(handle -> {
            handle.execute("SET LOCAL ROLE sync_ledger_reader");
            if (workspace != null) {
                handle.createUpdate("SELECT set_config('sync_ledger.workspace_id', :workspace, true)")
                        .bind("workspace", workspace.toString()).execute();
            }
            return query.withHandle(handle);
        });
    }
}
