package dev.syncledger.sink.write;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.syncledger.sink.db.ConsumerScope;
import dev.syncledger.sink.fixtures.PostgresSchema;
import dev.syncledger.sink.fixtures.SinkRecords;
import dev.syncledger.sink.fixtures.StoredRows;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A consumer that lost its partitions while holding a polled batch (a zombie) writes it late, after
 * the partitions' new owner has gone further. Regression: the zombie's batch used to commit, bringing
 * back a row the new owner had deleted and moving the stored offsets back.
 */
class ZombieSinkIT {

    @RegisterExtension
    static final PostgresSchema POSTGRES = new PostgresSchema();

    private static final ConsumerScope SCOPE = new ConsumerScope("test-cluster", "zombie-sink-test");
    private static final TopicPartition STATE = new TopicPartition(SinkRecords.STATE_TOPIC, 0);
    private static final TopicPartition REJECTED = new TopicPartition(SinkRecords.REJECTED_TOPIC, 0);

    private final SinkRecords records = new SinkRecords();
    private final UUID syncLogId = UUID.randomUUID();

    @Test
    void shouldNotLetAStaleBatchBringBackADeletedRowNorMoveTheOffsetsBack() {
        ConsumerRecord<byte[], byte[]> created = records.state(records.syncLog(syncLogId));
        ConsumerRecord<byte[], byte[]> deleted = records.tombstone(syncLogId);
        // Two partitions: the fence must not depend on the row counts of a batched statement.
        SinkBatch heldByTheZombie = records.batch(created, records.rejected(records.rejectedEvent(1)));
        SinkWriter newOwner = new SinkWriter(POSTGRES.database(), SCOPE);
        newOwner.write(heldByTheZombie);
        newOwner.write(records.batch(deleted));

        SinkWriter zombie = new SinkWriter(POSTGRES.database(), SCOPE);
        assertThatThrownBy(() -> zombie.write(heldByTheZombie))
                .isInstanceOfSatisfying(SinkFencedException.class, e -> assertThat(e.partitions()).containsExactlyInAnyOrder(STATE, REJECTED));

        assertThat(stored().syncLog(syncLogId)).as("the row the new owner deleted").isEmpty();
        assertThat(newOwner.committedOffsets()).isEqualTo(Map.of(STATE, 2L, REJECTED, 1L));
    }

    @Test
    void shouldStopTheOwnerThatReadItsPositionBeforeAnotherConsumerCommittedTheSameRecords() {
        SinkBatch first = records.batch(records.state(records.syncLog(syncLogId)));
        SinkBatch second = records.batch(records.state(records.succeeded(syncLogId, 2)));
        new SinkWriter(POSTGRES.database(), SCOPE).write(first);
        SinkWriter late = new SinkWriter(POSTGRES.database(), SCOPE);

        assertThatThrownBy(() -> late.write(first)).isInstanceOf(SinkFencedException.class);
        late.write(second);

        assertThat(stored().syncLog(syncLogId)).hasValueSatisfying(row -> assertThat(row.status()).isEqualTo("success"));
        assertThat(late.committedOffsets()).isEqualTo(Map.of(STATE, 2L));
    }

    @Test
    void shouldLetABatchWithOnlyAMovedPositionNeverStoreAnOlderOffset() {
        new SinkWriter(POSTGRES.database(), SCOPE).write(records.batch(records.state(records.syncLog(syncLogId)),
                records.state(records.succeeded(syncLogId, 2))));
        SinkBatch stalePosition = records.batch().resumingAt(Map.of(STATE, 1L));

        assertThatThrownBy(() -> new SinkWriter(POSTGRES.database(), SCOPE).write(stalePosition))
                .isInstanceOf(SinkFencedException.class);
        assertThat(new SinkWriter(POSTGRES.database(), SCOPE).committedOffsets()).isEqualTo(Map.of(STATE, 2L));
    }

    private StoredRows stored() {
        return POSTGRES.jdbi().onDemand(StoredRows.class);
    }
}
