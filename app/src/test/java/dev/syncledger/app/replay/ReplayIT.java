package dev.syncledger.app.replay;

import static org.assertj.core.api.Assertions.assertThat;

import dev.syncledger.app.SyncLedgerCli;
import dev.syncledger.app.events.InvalidLine;
import dev.syncledger.app.testing.StoredSyncLogs;
import dev.syncledger.app.testing.SyncLogOracle;
import dev.syncledger.app.testing.TestDatabase;
import dev.syncledger.schemas.ConnectorSyncStatus;
import dev.syncledger.schemas.Topics;
import dev.syncledger.schemas.TriggerType;
import dev.syncledger.processor.TopologyConfig;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** End to end: event lines → in-process broker → processor → sink → PostgreSQL, compared field by field. */
class ReplayIT {

    private static final Path SAMPLE = Path.of("..", "samples", "sync-runs.jsonl");
    private static final String WORKSPACE = "c1e7f034-87b2-41d3-9a56-0f2e8b7d3c90";
    private static final String CONNECTOR = "a9d3c82e-1f45-4b2c-8e67-3d0a1b9c4512";
    private static final String RUN = "f3a1bc44-902c-4f8d-b7e2-0d9e5a2c1340";
    private static final String OTHER_RUN = "0b5e2a17-6c3d-4e8f-9a01-b2c3d4e5f607";
    private static final String FAILED_RUN = "7d9c1e25-3b4a-4f6e-8d70-91a2b3c4d5e6";

    private final TestDatabase database = TestDatabase.freshSchema();

    @AfterEach
    void dropSchema() {
        database.close();
    }

    @Test
    void shouldLeaveExactlyTheRowsTheFoldExpectsForTheSampleFile() throws Exception {
        List<String> lines = Files.readAllLines(SAMPLE);
        SyncLogOracle oracle = SyncLogOracle.of(lines);

        ReplaySummary summary = replay(String.join("\n", lines));

        assertThat(summary.fed().linesRead()).isEqualTo(lines.size());
        assertThat(summary.fed().invalidLines()).extracting(InvalidLine::lineNumber).containsExactly(18L, 56L);
        assertThat(summary.published()).isEqualTo(lines.size() - 2);
        assertThat(summary.rejectedEvents()).isEqualTo(oracle.rejections()).isPositive();
        Jdbi jdbi = database.jdbi();
        Map<UUID, StoredSyncLogs.Stored> stored = StoredSyncLogs.read(jdbi);
        Map<UUID, StoredSyncLogs.Stored> expected = oracle.expectedRows();
        assertThat(stored.keySet()).containsExactlyInAnyOrderElementsOf(expected.keySet());
        expected.forEach((id, row) -> assertThat(stored.get(id)).as("sync log %s", id).isEqualTo(row));
        assertThat(summary.rowsPerTable()).containsEntry("workspace_connector_sync_logs", (long) expected.size())
                .containsEntry("rejected_events", (long) oracle.rejections());
    }

    @Test
    void shouldMaterialiseARunFieldByFieldAndRecordEachRejectionWithItsReason() throws Exception {
        String lines = String.join("\n",
                line("sync.scheduled", "00000000-0000-4000-8000-000000000001", "2026-06-02T08:14:01.800Z",
                        "\"trigger_type\":\"cloud_task\",\"cloud_task_id\":\"projects/well-prod/tasks/task-7f3b91c2\""),
                line("sync.started", "00000000-0000-4000-8000-000000000002", "2026-06-02T08:14:02Z", "\"started_at\":\"2026-06-02T08:14:02Z\""),
                line("sync.succeeded", "00000000-0000-4000-8000-000000000003", "2026-06-02T08:14:47.200Z",
                        "\"completed_at\":\"2026-06-02T08:14:47Z\",\"metadata\":{\"records_synced\":312,\"pages_fetched\":4,\"connector_slug\":\"pennylane\"}"),
                line("sync.started", "00000000-0000-4000-8000-000000000002", "2026-06-02T08:14:02Z", "\"started_at\":\"2026-06-02T08:14:02Z\""),
                line("sync.scheduled", "00000000-0000-4000-8000-000000000004", "2026-06-02T08:15:00Z", "\"cloud_task_id\":\"" + "x".repeat(300) + "\""),
                line("sync.failed", "00000000-0000-4000-8000-000000000005", "2026-06-02T08:16:00Z", ""));

        ReplaySummary summary = replay(lines);

        assertThat(summary.published()).isEqualTo(6);
        assertThat(summary.rejectedEvents()).isEqualTo(2);
        StoredSyncLogs.Stored stored = StoredSyncLogs.read(database.jdbi()).get(UUID.fromString(RUN));
        assertThat(stored).isNotNull();
        var row = stored.row();
        assertThat(row.workspaceId()).isEqualTo(UUID.fromString(WORKSPACE));
        assertThat(row.workspaceConnectorId()).isEqualTo(UUID.fromString(CONNECTOR));
        assertThat(row.status()).isEqualTo(ConnectorSyncStatus.success);
        assertThat(row.triggerType()).isEqualTo(TriggerType.cloud_task);
        assertThat(row.cloudTaskId()).isEqualTo("projects/well-prod/tasks/task-7f3b91c2");
        assertThat(row.startedAt()).isEqualTo(Instant.parse("2026-06-02T08:14:02Z"));
        assertThat(row.completedAt()).isEqualTo(Instant.parse("2026-06-02T08:14:47Z"));
        assertThat(row.durationMs()).isEqualTo(45_000);
        assertThat(row.error()).isNull();
        assertThat(row.metadata()).isEqualTo(StoredSyncLogs.canonicalJson("{\"connector_slug\":\"pennylane\",\"pages_fetched\":4,\"records_synced\":312}"));
        assertThat(row.createdAt()).isEqualTo(Instant.parse("2026-06-02T08:14:01.800Z"));
        assertThat(row.updatedAt()).isEqualTo(Instant.parse("2026-06-02T08:14:47.200Z"));
        assertThat(row.deletedAt()).isNull();
        assertThat(stored.revision()).isEqualTo(3);

        List<Map<String, Object>> rejected = database.jdbi().withHandle(handle -> handle.createQuery(
                "SELECT event_id, reason, message, source_topic, source_partition, source_offset, record_key, payload FROM rejected_events ORDER BY event_id")
                .mapToMap().list());
        assertThat(rejected).extracting(r -> r.get("reason")).containsExactly("field_too_long", "missing_error");
        assertThat(rejected).extracting(r -> r.get("event_id"))
                .containsExactly("00000000-0000-4000-8000-000000000004", "00000000-0000-4000-8000-000000000005");
        assertThat(rejected).allSatisfy(r -> {
            assertThat(r.get("source_topic")).isEqualTo(Topics.SYNC_RUNS.name());
            assertThat((Integer) r.get("source_partition")).isNotNegative();
            assertThat((Long) r.get("source_offset")).isNotNegative();
            assertThat(r.get("record_key")).isEqualTo(RUN);
            assertThat((byte[]) r.get("payload")).isNotEmpty();
            assertThat((String) r.get("message")).isNotBlank();
        });
    }

    @Test
    void shouldPrintTheSummaryAndExitZeroFromTheCommandLine() {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();

        int code = SyncLedgerCli.run(new PrintWriter(out, true), new PrintWriter(err, true),
                "replay", "--events", SAMPLE.toString(), "--database-url", database.url(), "--schema", database.schema());

        assertThat(code).as(err.toString()).isZero();
        assertThat(out.toString())
                .contains("lines read             229")
                .contains("invalid lines            2")
                .contains("line 18: not JSON")
                .contains("line 56: unknown type 'sync.paused'")
                .contains("workspace_connector_sync_logs");
    }

    @Test
    void shouldReportEveryBadLineByNumberStoreEveryGoodOneAndPrintNoControlCharacter(@TempDir Path dir) throws Exception {
        String forged = "\\u001b[2K\\r  line 99: forged\\n";
        String samples = "1e-9,".repeat(180_000) + "1e-9";
        ByteArrayOutputStream file = new ByteArrayOutputStream();
        List<byte[]> lines = List.of(
                utf8(event(RUN, "sync.scheduled", "00000000-0000-4000-8000-000000000011", "2026-06-02T08:14:01Z", "\"trigger_type\":\"manual\"")),
                utf8(event(OTHER_RUN, "sync.scheduled", "00000000-0000-4000-8000-000000000021", "2026-06-02T08:20:00Z", "")
                        + event(OTHER_RUN, "sync.started", "00000000-0000-4000-8000-000000000022", "2026-06-02T08:20:01Z", "")),
                utf8(event(OTHER_RUN, "sync.scheduled", "00000000-0000-4000-8000-000000000023", "2026-06-02T08:20:00Z", "") + " xyz"),
                withByte(event(OTHER_RUN, "sync.scheduled", "00000000-0000-4000-8000-000000000024", "2026-06-02T08:20:00Z",
                        "\"cloud_task_id\":\"task-#\""), '#', 0xFF),
                utf8(event(OTHER_RUN, "sync.scheduled", "00000000-0000-4000-8000-000000000025", "2026-06-02T08:20:00Z",
                        "\"cloud_task_id\":\"" + "x".repeat(1_100_000) + "\"")),
                utf8(event(OTHER_RUN, "sync.succeeded", "00000000-0000-4000-8000-000000000026", "2026-06-02T08:21:00Z",
                        "\"metadata\":{\"records_synced\":1e400}")),
                utf8(event(OTHER_RUN, "sync.scheduled", forged, "2026-06-02T08:20:00Z", "")),
                utf8("nonsense\u001b[31m"),
                // 1e-9 is written back as 1.0E-9: a line under the maximum makes a record over the producer's 1 MiB limit.
                utf8(event(OTHER_RUN, "sync.succeeded", "00000000-0000-4000-8000-000000000027", "2026-06-02T08:21:00Z",
                        "\"metadata\":{\"samples\":[" + samples + "]}")),
                utf8(event(RUN, "sync.started", "00000000-0000-4000-8000-000000000012", "2026-06-02T08:14:02Z", "")),
                utf8(event(RUN, "sync.succeeded", "00000000-0000-4000-8000-000000000013", "2026-06-02T08:14:47Z",
                        "\"completed_at\":\"2026-06-02T08:14:47Z\",\"metadata\":{\"records_synced\":312,\"ratio\":2.5e-3}")),
                utf8(event(FAILED_RUN, "sync.failed", "00000000-0000-4000-8000-000000000031", "2026-06-02T08:30:00Z",
                        "\"error\":\"\\u001b[31mtimeout\\u001b[0m\\nretry later\"")));
        lines.forEach(line -> file.writeBytes(line));
        Path events = Files.write(dir.resolve("careless.jsonl"), file.toByteArray());
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();

        int code = SyncLedgerCli.run(new PrintWriter(out, true), new PrintWriter(err, true),
                "replay", "--events", events.toString(), "--database-url", database.url(), "--schema", database.schema());

        assertThat(code).as(err.toString()).isZero();
        String printed = out.toString();
        assertThat(printed)
                .containsPattern("lines read +12\n")
                .containsPattern("published +4\n")
                .containsPattern("invalid lines +8\n")
                .contains("  line 2: a second JSON value after the event's object at column ")
                .contains("  line 3: unexpected text after the event's object at column ")
                .contains("  line 4: not valid UTF-8: byte 0xFF at byte ")
                .contains("  line 5: the line is 1,100,")
                .contains("bytes, longer than the 1,048,576-byte maximum; split the event or raise --max-line-bytes")
                .contains("  line 6: the number at /metadata/records_synced '1e400' is beyond the range of a 64-bit floating-point number").doesNotContain("Infinity")
                .contains("  line 7: event_id '\\u001b[2K\\r  line 99: forged\\n' is not a UUID")
                .contains("  line 8: not JSON: Unrecognized token 'nonsense\\u001b'")
                .contains("  line 9: Kafka refuses the event as too large: ");
        assertThat(printed.chars().filter(c -> (c < 0x20 && c != '\n') || (c >= 0x7f && c <= 0x9f)))
                .as("raw control characters in %s", printed).isEmpty();
        assertThat(printed.lines()).noneMatch(line -> line.strip().startsWith("line 99"));

        Map<UUID, StoredSyncLogs.Stored> stored = StoredSyncLogs.read(database.jdbi());
        assertThat(stored.keySet()).containsExactlyInAnyOrder(UUID.fromString(RUN), UUID.fromString(FAILED_RUN));
        var run = stored.get(UUID.fromString(RUN)).row();
        assertThat(run.status()).isEqualTo(ConnectorSyncStatus.success);
        assertThat(run.triggerType()).isEqualTo(TriggerType.manual);
        assertThat(run.metadata()).isEqualTo(StoredSyncLogs.canonicalJson("{\"records_synced\":312,\"ratio\":0.0025}"));
        var failed = stored.get(UUID.fromString(FAILED_RUN)).row();
        assertThat(failed.status()).isEqualTo(ConnectorSyncStatus.error);
        assertThat(failed.error()).as("a valid line's text is stored as it was").isEqualTo("\u001b[31mtimeout\u001b[0m\nretry later");
    }

    private static byte[] utf8(String line) {
        return (line + "\n").getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] withByte(String line, char placeholder, int value) {
        byte[] bytes = utf8(line);
        bytes[line.indexOf(placeholder)] = (byte) value;
        return bytes;
    }

    private ReplaySummary replay(String lines) {
        Replay replay = new Replay(new Replay.ReplayOptions(database.url(), database.schema(), TopologyConfig.defaults(), 3,
                Duration.ofSeconds(90)));
        return replay.run(new ByteArrayInputStream(lines.getBytes(StandardCharsets.UTF_8)));
    }

    private static String line(String type, String eventId, String occurredAt, String extra) {
        return event(RUN, type, eventId, occurredAt, extra);
    }

    private static String event(String run, String type, String eventId, String occurredAt, String extra) {
        return "{\"type\":\"" + type + "\",\"event_id\":\"" + eventId + "\",\"occurred_at\":\"" + occurredAt
                + "\",\"workspace_id\":\"" + WORKSPACE + "\",\"workspace_connector_id\":\"" + CONNECTOR
                + "\",\"sync_log_id\":\"" + run + "\"" + (extra.isEmpty() ? "" : "," + extra) + "}";
    }
}
