package dev.syncledger.app.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.syncledger.app.events.EventLineParser;
import dev.syncledger.app.events.EventPublisher;
import dev.syncledger.app.testing.RunningInstance;
import dev.syncledger.app.testing.StoredSyncLogs;
import dev.syncledger.app.testing.SyncLogOracle;
import dev.syncledger.app.testing.TestDatabase;
import dev.syncledger.app.testing.TestKafka;
import dev.syncledger.schemas.serde.SerdeConfig;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code sync-ledger run} against a real broker and PostgreSQL: creates the topics, folds events into rows, stops cleanly. */
class RunIT {

    private static final String WORKSPACE = "c1e7f034-87b2-41d3-9a56-0f2e8b7d3c90";
    private static final String CONNECTOR = "a9d3c82e-1f45-4b2c-8e67-3d0a1b9c4512";
    private static final String RUN = "f3a1bc44-902c-4f8d-b7e2-0d9e5a2c1340";

    private final TestDatabase database = TestDatabase.freshSchema();

    @AfterEach
    void dropSchema() {
        database.close();
    }

    @Test
    void shouldFoldPublishedEventsIntoRowsAndExitZeroWhenStopped(@TempDir Path dir) throws Exception {
        List<String> lines = List.of(
                line("sync.started", "00000000-0000-4000-8000-000000000001", "2026-06-02T08:14:02Z", ""),
                line("sync.succeeded", "00000000-0000-4000-8000-000000000002", "2026-06-02T08:14:47Z", ""),
                line("sync.failed", "00000000-0000-4000-8000-000000000003", "2026-06-02T08:16:00Z", ""));
        try (TestKafka broker = TestKafka.start(dir.resolve("kafka"));
             RunningInstance instance = RunningInstance.start("run-it",
                     "run", "--http-port", "0", "--bootstrap-servers", broker.bootstrapServers(), "--create-topics", "--partitions", "2",
                     "--database-url", database.url(), "--schema", database.schema(),
                     "--application-id", "run-it", "--state-dir", dir.resolve("state").toString())) {
            await().atMost(Duration.ofSeconds(120)).until(() -> instance.isRunning() || instance.hasExited());
            assertThat(instance.hasExited()).as(instance.err()).isFalse();

            try (EventPublisher publisher = new EventPublisher(broker.bootstrapServers(), SerdeConfig.withoutRegistry())) {
                EventLineParser parser = new EventLineParser();
                for (String line : lines) {
                    publisher.publish(parser.parse(line));
                }
                publisher.flush();
            }
            Map<UUID, StoredSyncLogs.Stored> expected = SyncLogOracle.of(lines).expectedRows();
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                    assertThat(StoredSyncLogs.read(database.jdbi())).isEqualTo(expected));
            await().atMost(Duration.ofSeconds(60)).until(() -> rejectedEvents() == 1);

            int code = instance.stop(Duration.ofSeconds(120));

            assertThat(code).as(instance.err()).isZero();
            assertThat(instance.err()).isEmpty();
            assertThat(instance.out()).contains("running the processor (application run-it").contains("the sink (group run-it-sink")
                    .contains("stopped cleanly: processor and sink closed");
        }
    }

    private long rejectedEvents() {
        return database.jdbi().withHandle(h -> h.createQuery("SELECT count(*) FROM rejected_events").mapTo(Long.class).one());
    }

    private static String line(String type, String eventId, String occurredAt, String extra) {
        return "{\"type\":\"" + type + "\",\"event_id\":\"" + eventId + "\",\"occurred_at\":\"" + occurredAt
                + "\",\"workspace_id\":\"" + WORKSPACE + "\",\"workspace_connector_id\":\"" + CONNECTOR
                + "\",\"sync_log_id\":\"" + RUN + "\"" + (extra.isEmpty() ? "" : "," + extra) + "}";
    }
}
