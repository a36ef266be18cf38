package dev.syncledger.sink.write;

import static org.assertj.core.api.Assertions.assertThat;

import dev.syncledger.schemas.state.Collect;
import dev.syncledger.sink.db.CollectRow;
import dev.syncledger.sink.db.ConsumerScope;
import dev.syncledger.sink.db.RejectedEventRow;
import dev.syncledger.sink.fixtures.PostgresSchema;
import dev.syncledger.sink.fixtures.SinkRecords;
import dev.syncledger.sink.fixtures.StoredRows;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** collects, with peoples and tasks created on first sight; version-guarded, the workspace stamped once. */
class CollectSinkIT {

    @RegisterExtension
    static final PostgresSchema POSTGRES = new PostgresSchema();

    private static final String TOPIC = SinkRecords.COLLECT_TOPIC;
    private static final Instant CREATED = SinkRecords.CREATED_AT;
    private static final Instant STARTED = CREATED.plusSeconds(2);
    private static final Instant ENDED = STARTED.plusSeconds(40);

    private SinkRecords records;
    private SinkWriter writer;
    private UUID collectId;

    @BeforeEach
    void setUp() {
        records = new SinkRecords();
        writer = new SinkWriter(POSTGRES.database(), new ConsumerScope("test-cluster", "collect-sink-test"));
        collectId = UUID.randomUUID();
    }

    @Test
    void shouldInsertACollectWithItsWorkspacePeopleAndTaskOnFirstSight() {
        UUID taskId = UUID.randomUUID();
        Instant deleted = ENDED.plusSeconds(600);

        WriteResult result = writer.write(records.batch(records.state(finalized(3)
                .setTaskId(taskId)
                .setWorkspaceConnectorId(records.connectorId)
                .setDeletedAt(deleted))));

        assertThat(result).isEqualTo(new WriteResult(1, 0, 0));
        assertThat(stored().workspaceIds()).containsExactly(records.workspaceId);
        assertThat(stored().peopleIds()).containsExactly(records.peopleId);
        assertThat(stored().taskIds()).containsExactly(taskId);
        assertThat(stored().connectorCount()).as("a collect's connector only matters for its sync log").isZero();
        CollectRow row = stored().collect(collectId).orElseThrow();
        assertThat(row.collectId()).isEqualTo(collectId);
        assertThat(row.workspaceId()).isEqualTo(records.workspaceId);
        assertThat(row.peopleId()).isEqualTo(records.peopleId);
        assertThat(row.taskId()).isEqualTo(taskId);
        assertThat(row.provider()).isEqualTo("linkedin");
        assertThat(row.status()).isEqualTo("finalized");
        assertThat(row.startedAt()).isEqualTo(STARTED);
        assertThat(row.endedAt()).isEqualTo(ENDED);
        assertThat(row.createdAt()).isEqualTo(CREATED);
        assertThat(row.updatedAt()).isEqualTo(ENDED);
        assertThat(row.deletedAt()).isEqualTo(deleted);
        assertThat(row.revision()).isEqualTo(3);
    }

    @Test
    void shouldStoreAbsentOptionalFieldsAsNull() {
        writer.write(records.batch(records.state(records.collect(collectId))));

        CollectRow row = stored().collect(collectId).orElseThrow();
        assertThat(row.status()).isEqualTo("todo");
        assertThat(row.taskId()).isNull();
        assertThat(row.provider()).isNull();
        assertThat(row.startedAt()).isNull();
        assertThat(row.endedAt()).isNull();
        assertThat(row.deletedAt()).isNull();
        assertThat(stored().taskIds()).isEmpty();
    }

    @Test
    void shouldUpdateTheCollectOnANewerRevision() {
        writer.write(records.batch(records.state(records.collect(collectId))));

        writer.write(records.batch(records.state(records.collect(collectId)
                .setStatus("in_progress").setStartedAt(STARTED).setUpdatedAt(STARTED).setRevision(2))));
        writer.write(records.batch(records.state(finalized(3).setStatus("error"))));

        CollectRow row = stored().collect(collectId).orElseThrow();
        assertThat(row.status()).isEqualTo("error");
        assertThat(row.startedAt()).isEqualTo(STARTED);
        assertThat(row.endedAt()).isEqualTo(ENDED);
        assertThat(row.revision()).isEqualTo(3);
    }

    @Test
    void shouldKeepTheCollectWhenAnOlderRevisionArrives() {
        writer.write(records.batch(records.state(finalized(3))));

        writer.write(records.batch(records.state(records.collect(collectId).setStatus("in_progress").setRevision(2))));
        writer.write(records.batch(records.state(records.collect(collectId).setStatus("in_progress").setRevision(3))));

        assertThat(stored().collect(collectId)).map(CollectRow::status).contains("finalized");
    }

    @Test
    void shouldNeverMoveACollectToAnotherWorkspace() {
        writer.write(records.batch(records.state(records.collect(collectId))));
        UUID otherWorkspace = UUID.randomUUID();

        writer.write(records.batch(records.state(finalized(2).setWorkspaceId(otherWorkspace))));

        CollectRow row = stored().collect(collectId).orElseThrow();
        assertThat(row.workspaceId()).isEqualTo(records.workspaceId);
        assertThat(row.status()).isEqualTo("finalized");
    }

    @Test
    void shouldCreateEachPeopleAndTaskOnce() {
        UUID taskId = UUID.randomUUID();
        UUID otherCollect = UUID.randomUUID();

        writer.write(records.batch(
                records.state(records.collect(collectId).setTaskId(taskId)),
                records.state(records.collect(otherCollect).setTaskId(taskId))));
        writer.write(records.batch(records.state(records.collect(UUID.randomUUID()).setTaskId(taskId))));

        assertThat(stored().collectCount()).isEqualTo(3);
        assertThat(stored().peopleIds()).containsExactly(records.peopleId);
        assertThat(stored().taskIds()).containsExactly(taskId);
        assertThat(stored().workspaceIds()).containsExactly(records.workspaceId);
    }

    @Test
    void shouldWriteOnlyTheLastValueOfACollectInABatch() {
        WriteResult result = writer.write(records.batch(
                records.state(records.collect(collectId)),
                records.state(finalized(3)),
                records.state(records.collect(collectId).setStatus("in_progress").setRevision(2))));

        assertThat(result.rowsWritten()).isEqualTo(1);
        assertThat(stored().collect(collectId)).map(CollectRow::revision).contains(2L);
    }

    @Test
    void shouldDeleteTheCollectOnTombstone() {
        UUID kept = UUID.randomUUID();
        writer.write(records.batch(records.state(records.collect(collectId)), records.state(records.collect(kept))));

        WriteResult result = writer.write(records.batch(records.tombstone(TOPIC, collectId)));

        assertThat(result).isEqualTo(new WriteResult(0, 1, 0));
        assertThat(stored().collect(collectId)).isEmpty();
        assertThat(stored().collect(kept)).isPresent();
    }

    @Test
    void shouldChangeNothingWhenABatchIsReplayed() {
        UUID deleted = UUID.randomUUID();
        writer.write(records.batch(records.state(records.collect(deleted))));
        List<ConsumerRecord<byte[], byte[]>> batch = List.of(
                records.state(finalized(3).setTaskId(UUID.randomUUID())),
                records.state(records.collect(UUID.randomUUID())),
                records.tombstone(TOPIC, deleted));
        writer.write(records.batch(batch));
        List<String> before = stored().snapshot();

        replayingGroup().write(records.batch(batch));

        assertThat(stored().snapshot()).containsExactlyElementsOf(before);
    }

    @Test
    void shouldSetAsideACollectPostgresRefusesAndWriteTheRest() {
        UUID longProvider = UUID.randomUUID();
        ConsumerRecord<byte[], byte[]> tooLong = records.state(records.collect(longProvider).setProvider("p".repeat(256)));
        ConsumerRecord<byte[], byte[]> unknownStatus = records.state(records.collect(UUID.randomUUID()).setStatus("paused"));

        WriteResult result = writer.write(records.batch(tooLong, records.state(records.collect(collectId)), unknownStatus));

        assertThat(result).isEqualTo(new WriteResult(1, 0, 2));
        assertThat(stored().collectCount()).isEqualTo(1);
        List<RejectedEventRow> rejections = stored().rejectedEvents();
        assertThat(rejections).extracting(RejectedEventRow::reason).containsOnly(SinkRefusals.UNWRITABLE);
        assertThat(rejections).extracting(RejectedEventRow::sourceOffset).containsExactly(tooLong.offset(), unknownStatus.offset());
        assertThat(rejections.get(0).message()).startsWith("PostgreSQL refused collect " + longProvider + " revision 1: ")
                .contains("character varying(255)");
        assertThat(rejections.get(1).message()).contains("collect_status_enum", "paused");
    }

    private Collect.Builder finalized(long revision) {
        return records.collect(collectId)
                .setProvider("linkedin")
                .setStatus("finalized")
                .setStartedAt(STARTED)
                .setEndedAt(ENDED)
                .setUpdatedAt(ENDED)
                .setRevision(revision);
    }

    private StoredRows stored() {
        return POSTGRES.jdbi().onDemand(StoredRows.class);
    }

    /** A writer of another consumer group re-reading the topic from the start: its offsets cannot stop a replay, only the rows' guards can. */
    private SinkWriter replayingGroup() {
        return new SinkWriter(POSTGRES.database(), new ConsumerScope("test-cluster", "replaying-" + UUID.randomUUID()));
    }
}
