package dev.syncledger.sink.write;

import static org.assertj.core.api.Assertions.assertThat;

import dev.syncledger.schemas.ConnectorFreshness;
import dev.syncledger.schemas.ConnectorSyncStatus;
import dev.syncledger.schemas.alert.AlertState;
import dev.syncledger.sink.db.ConsumerScope;
import dev.syncledger.sink.db.ConnectorStatusRow;
import dev.syncledger.sink.fixtures.PostgresSchema;
import dev.syncledger.sink.fixtures.SinkRecords;
import dev.syncledger.sink.fixtures.StoredRows;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Freshness in connector_status, alerts in connector_alerts, and the connector_health view over the runs. */
class AlertsAndHealthIT {

    @RegisterExtension
    static final PostgresSchema POSTGRES = new PostgresSchema();

    private static final Instant OPENED = Instant.parse("2026-12-06T10:00:00Z");

    private SinkRecords records;
    private SinkWriter writer;

    @BeforeEach
    void setUp() {
        records = new SinkRecords();
        writer = new SinkWriter(POSTGRES.database(), new ConsumerScope("test-cluster", "alerts-sink-test"));
    }

    @Test
    void shouldStoreTheFreshnessOfAConnector() {
        Instant next = OPENED.plusSeconds(3600);
        writer.write(records.batch(records.state(records.connectorStatus().setFreshness(ConnectorFreshness.delayed)
                .setExpectedIntervalMs(3_600_000L).setNextExpectedAt(next).setFreshnessChangedAt(OPENED))));

        ConnectorStatusRow row = stored().connectorStatus(records.connectorId).orElseThrow();
        assertThat(row.freshness()).isEqualTo("delayed");
        assertThat(row.expectedIntervalMs()).isEqualTo(3_600_000L);
        assertThat(row.nextExpectedAt()).isEqualTo(next);
        assertThat(row.freshnessChangedAt()).isEqualTo(OPENED);
    }

    @Test
    void shouldOpenThenResolveAnAlertAndNeverReopenItOnARedeliveredOpen() {
        UUID alert = UUID.randomUUID();
        writer.write(records.batch(records.state(records.alert(alert, OPENED))));
        assertThat(alertState(alert)).containsEntry("state", "open");

        writer.write(records.batch(records.state(records.alert(alert, OPENED).setState(AlertState.resolved)
                .setResolvedAt(OPENED.plusSeconds(600)).setDetails("{\"resolved_by_sync_log_id\":\"x\"}"))));
        writer.write(records.batch(records.state(records.alert(alert, OPENED.plusSeconds(5)))));

        Map<String, Object> row = alertState(alert);
        assertThat(row).containsEntry("state", "resolved").containsEntry("opened_at", OPENED.toString())
                .containsEntry("resolved_at", OPENED.plusSeconds(600).toString());
        assertThat(row.get("details").toString()).contains("resolved_by_sync_log_id");
    }

    @Test
    void shouldResolveOneAlertAndOpenTheNextOfTheSameKindInOneBatch() {
        UUID first = UUID.randomUUID();
        writer.write(records.batch(records.state(records.alert(first, OPENED))));
        UUID second = UUID.randomUUID();

        WriteResult result = writer.write(records.batch(
                records.state(records.alert(second, OPENED.plusSeconds(900))),
                records.state(records.alert(first, OPENED).setState(AlertState.resolved).setResolvedAt(OPENED.plusSeconds(600)))));

        assertThat(result.rejectedEventsWritten()).isZero();
        assertThat(alertState(first)).containsEntry("state", "resolved");
        assertThat(alertState(second)).containsEntry("state", "open");
    }

    @Test
    void shouldComputeSuccessRatesAndDurationPercentilesPerConnectorIgnoringSoftDeletedRuns() {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        List<org.apache.kafka.clients.consumer.ConsumerRecord<byte[], byte[]>> runs = new java.util.ArrayList<>();
        // 10 runs in the last 7 days: 8 succeed in 100..800 ms, 2 fail in 1000 ms; 4 more 20 days ago all fail; one deleted success.
        for (int i = 1; i <= 10; i++) {
            boolean success = i <= 8;
            runs.add(records.state(run(now.minus(i, ChronoUnit.HOURS), success, success ? i * 100 : 1000, false)));
        }
        for (int i = 0; i < 4; i++) {
            runs.add(records.state(run(now.minus(20, ChronoUnit.DAYS).plusSeconds(i), false, 5000, false)));
        }
        runs.add(records.state(run(now.minus(1, ChronoUnit.MINUTES), true, 1, true)));
        writer.write(records.batch(runs.toArray(org.apache.kafka.clients.consumer.ConsumerRecord[]::new)));

        Map<String, Object> health = POSTGRES.jdbi().withHandle(h -> h.createQuery("""
                SELECT h.finished_runs_7d, h.succeeded_runs_7d, h.success_rate_7d, h.finished_runs_30d, h.success_rate_30d,
                       h.sampled_runs, h.p50_duration_ms, h.p95_duration_ms
                FROM connector_health h JOIN workspace_connectors c ON c.pk = h.workspace_connector_pk
                WHERE c.workspace_connector_id = :id
                """).bind("id", records.connectorId).mapToMap().one());
        assertThat(health.get("finished_runs_7d")).isEqualTo(10L);
        assertThat(health.get("succeeded_runs_7d")).isEqualTo(8L);
        assertThat((BigDecimal) health.get("success_rate_7d")).isEqualByComparingTo("0.8");
        assertThat(health.get("finished_runs_30d")).isEqualTo(14L);
        assertThat((BigDecimal) health.get("success_rate_30d")).isEqualByComparingTo(new BigDecimal(8).divide(new BigDecimal(14), 20,
                java.math.RoundingMode.HALF_EVEN));
        assertThat(health.get("sampled_runs")).isEqualTo(14L);
        // Durations sorted: 100..800 (8), 1000 x2, 5000 x4: the median of 14 is between the 7th and 8th, 700 and 800.
        assertThat((Double) health.get("p50_duration_ms")).isEqualTo(750.0);
        assertThat((Double) health.get("p95_duration_ms")).isEqualTo(5000.0);
    }

    @Test
    void shouldReadOneConnectorsRunsThroughAnIndex() {
        String plan = POSTGRES.jdbi().withHandle(h -> {
            h.execute("SET LOCAL enable_seqscan = off");
            return String.join("\n", h.createQuery("EXPLAIN SELECT * FROM connector_health WHERE workspace_connector_pk = 42")
                    .mapTo(String.class).list());
        });
        assertThat(plan).contains("idx_workspace_connector_sync_logs_connector_created").doesNotContain("Seq Scan on workspace_connector_sync_logs");
    }

    private dev.syncledger.schemas.state.WorkspaceConnectorSyncLog.Builder run(Instant createdAt, boolean success, int durationMs,
                                                                               boolean deleted) {
        return records.succeeded(UUID.randomUUID(), 2)
                .setStatus(success ? ConnectorSyncStatus.success : ConnectorSyncStatus.error)
                .setError(success ? null : "boom")
                .setCreatedAt(createdAt)
                .setStartedAt(createdAt)
                .setCompletedAt(createdAt.plusMillis(durationMs))
                .setDurationMs(durationMs)
                .setUpdatedAt(createdAt.plusMillis(durationMs))
                .setDeletedAt(deleted ? createdAt.plusSeconds(1) : null);
    }

    private Map<String, Object> alertState(UUID alertId) {
        return POSTGRES.jdbi().withHandle(h -> h.createQuery("""
                SELECT state::text AS state, to_char(opened_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS opened_at,
                       to_char(resolved_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS resolved_at, details::text AS details
                FROM connector_alerts WHERE alert_id = :id
                """).bind("id", alertId).mapToMap().one());
    }

    private StoredRows stored() {
        return POSTGRES.jdbi().onDemand(StoredRows.class);
    }
}
