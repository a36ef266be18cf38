package dev.syncledger.sink.write;

import static org.assertj.core.api.Assertions.assertThat;

import dev.syncledger.schemas.ConnectorSyncStatus;
import dev.syncledger.sink.db.ConsumerScope;
import dev.syncledger.sink.fixtures.PostgresSchema;
import dev.syncledger.sink.fixtures.SinkRecords;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A batch reaches PostgreSQL as one array per column: text that means something in an array literal,
 * or to JSON, must come back exactly as it went in, and a null must stay null.
 */
class BatchRoundTripIT {

    @RegisterExtension
    static final PostgresSchema POSTGRES = new PostgresSchema();

    private static final List<String> AWKWARD = List.of(
            "tab\there",
            "line one\nline two\r\nline three",
            "back\\slash \\N \\t not escapes",
            "it's \"quoted\", 'twice'",
            "unicode: déjà vu — 日本語 🚀",
            "\\.",
            "",
            " trailing space ",
            "NULL",
            "null",
            "{a,b}",
            "\"",
            ",",
            "  ");

    private final SinkRecords connector = new SinkRecords();
    private final SinkWriter writer = new SinkWriter(POSTGRES.database(), new ConsumerScope("test-cluster", "round-trip-test"));

    @Test
    void shouldRoundTripAwkwardTextInSyncLogsExactly() {
        List<UUID> ids = AWKWARD.stream().map(text -> UUID.randomUUID()).toList();
        String metadata = "{\"note\": \"tab\\there, newline\\n, quote \\\" backslash \\\\ unicode \\u00e9 🚀\", \"nested\": {\"n\": [1, 2.5, null]}}";
        WriteResult result = writer.write(connector.batch(IntStream.range(0, AWKWARD.size())
                .mapToObj(i -> connector.state(connector.syncLog(ids.get(i))
                        .setStatus(ConnectorSyncStatus.error)
                        .setError(AWKWARD.get(i))
                        .setCloudTaskId(AWKWARD.get(i))
                        .setMetadata(metadata)))
                .toList()));

        assertThat(result.rowsWritten()).isEqualTo(AWKWARD.size());
        Stored stored = POSTGRES.jdbi().onDemand(Stored.class);
        for (int i = 0; i < AWKWARD.size(); i++) {
            assertThat(stored.error(ids.get(i))).isEqualTo(AWKWARD.get(i));
            assertThat(stored.cloudTaskId(ids.get(i))).isEqualTo(AWKWARD.get(i));
            assertThat(stored.metadataEquals(ids.get(i), metadata)).isTrue();
        }
    }

    @Test
    void shouldRoundTripAwkwardTextAndNullsInDiagnosticsExactly() {
        List<UUID> ids = AWKWARD.stream().map(text -> UUID.randomUUID()).toList();
        writer.write(connector.batch(IntStream.range(0, AWKWARD.size())
                .mapToObj(i -> connector.state(connector.diagnostic(ids.get(i))
                        .setDetail(AWKWARD.get(i))
                        .setToolName(i % 2 == 0 ? AWKWARD.get(i) : null)
                        .setHttpStatus(i % 2 == 0 ? 502 : null)))
                .toList()));

        Stored stored = POSTGRES.jdbi().onDemand(Stored.class);
        for (int i = 0; i < AWKWARD.size(); i++) {
            assertThat(stored.detail(ids.get(i))).isEqualTo(AWKWARD.get(i));
            assertThat(stored.toolName(ids.get(i))).isEqualTo(i % 2 == 0 ? AWKWARD.get(i) : null);
        }
    }

    @Test
    void shouldKeepTheVersionGuardForEveryRowOfABatch() {
        UUID first = UUID.randomUUID();
        UUID second = UUID.randomUUID();
        writer.write(connector.batch(
                connector.state(connector.succeeded(first, 5).setMetadata("{\"v\": 5}")),
                connector.state(connector.succeeded(second, 1).setMetadata("{\"v\": 1}"))));

        writer.write(connector.batch(
                connector.state(connector.succeeded(first, 4).setMetadata("{\"v\": 4}")),
                connector.state(connector.succeeded(second, 2).setMetadata("{\"v\": 2}"))));

        Stored stored = POSTGRES.jdbi().onDemand(Stored.class);
        assertThat(stored.metadataEquals(first, "{\"v\": 5}")).isTrue();
        assertThat(stored.metadataEquals(second, "{\"v\": 2}")).isTrue();
    }

    @Test
    void shouldRoundTripTimestampsBeforeAndAfterTheEpochAndKeepNullsInABatch() {
        UUID finished = UUID.randomUUID();
        UUID running = UUID.randomUUID();
        Instant started = Instant.parse("1969-12-31T23:59:59.999Z");
        Instant completed = Instant.parse("2026-11-23T20:32:16.811Z");
        writer.write(connector.batch(
                connector.state(connector.succeeded(finished, 1).setStartedAt(started).setCompletedAt(completed)),
                connector.state(connector.syncLog(running).setStatus(ConnectorSyncStatus.in_progress).setStartedAt(started)
                        .setCompletedAt(null).setDurationMs(null))));

        Stored stored = POSTGRES.jdbi().onDemand(Stored.class);
        assertThat(stored.startedAt(finished)).isEqualTo(started);
        assertThat(stored.completedAt(finished)).isEqualTo(completed);
        assertThat(stored.startedAt(running)).isEqualTo(started);
        assertThat(stored.completedAt(running)).isNull();
    }

    interface Stored {
        @SqlQuery("SELECT started_at FROM workspace_connector_sync_logs WHERE workspace_connector_sync_log_id = :id")
        Instant startedAt(@Bind("id") UUID id);

        @SqlQuery("SELECT completed_at FROM workspace_connector_sync_logs WHERE workspace_connector_sync_log_id = :id")
        Instant completedAt(@Bind("id") UUID id);

        @SqlQuery("SELECT error FROM workspace_connector_sync_logs WHERE workspace_connector_sync_log_id = :id")
        String error(@Bind("id") UUID id);

        @SqlQuery("SELECT cloud_task_id FROM workspace_connector_sync_logs WHERE workspace_connector_sync_log_id = :id")
        String cloudTaskId(@Bind("id") UUID id);

        @SqlQuery("""
                SELECT metadata = CAST(:expected AS jsonb) FROM workspace_connector_sync_logs
                WHERE workspace_connector_sync_log_id = :id
                """)
        boolean metadataEquals(@Bind("id") UUID id, @Bind("expected") String expected);

        @SqlQuery("SELECT detail FROM connector_sync_diagnostics WHERE diagnostic_id = :id")
        String detail(@Bind("id") UUID id);

        @SqlQuery("SELECT tool_name FROM connector_sync_diagnostics WHERE diagnostic_id = :id")
        String toolName(@Bind("id") UUID id);
    }
}
