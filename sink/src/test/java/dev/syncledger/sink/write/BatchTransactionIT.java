package dev.syncledger.sink.write;

import dev.syncledger.sink.db.ConsumerScope;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.syncledger.sink.db.DatabaseUnavailableException;
import dev.syncledger.sink.fixtures.PostgresSchema;
import dev.syncledger.sink.fixtures.SinkRecords;
import dev.syncledger.sink.fixtures.StoredRows;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.postgresql.util.PSQLException;
import org.postgresql.util.PSQLState;

/** Rows, rejections and offsets commit together or not at all, and a retry redoes the whole batch. */
class BatchTransactionIT {

    @RegisterExtension
    static final PostgresSchema POSTGRES = new PostgresSchema();

    private static final String GROUP = "batch-transaction-test";
    private static final RetryPolicy QUICK = new RetryPolicy(3, Duration.ofMillis(1), Duration.ofMillis(5));

    private final SinkRecords records = new SinkRecords();
    private final UUID syncLogId = UUID.randomUUID();
    private SinkBatch batch;

    @BeforeEach
    void setUp() {
        batch = records.batch(records.state(records.succeeded(syncLogId, 2)), records.rejected(records.rejectedEvent(1)));
    }

    @Test
    void shouldLeaveNeitherRowsNorOffsetsWhenTheBatchFailsBeforeCommitAndBothAfterItIsRetried() {
        SinkWriter failing = writer(batch -> {
            throw new IllegalStateException("simulated failure before commit");
        });

        assertThatThrownBy(() -> failing.write(batch)).hasMessage("simulated failure before commit");

        assertNothingCommitted();

        writer(SinkFaultHook.NONE).write(batch);

        assertThat(stored().syncLog(syncLogId)).isPresent();
        assertThat(stored().rejectedEvents()).hasSize(1);
        assertThat(committedOffsets()).isEqualTo(Map.of(
                new TopicPartition(SinkRecords.STATE_TOPIC, 0), 1L,
                new TopicPartition(SinkRecords.REJECTED_TOPIC, 0), 1L));
    }

    @Test
    void shouldLeaveNothingWhenTheProcessDiesBeforeCommit() {
        SinkWriter dying = writer(batch -> {
            batch.abortConnection();
            throw new SimulatedCrash();
        });

        assertThatThrownBy(() -> dying.write(batch)).isInstanceOf(SimulatedCrash.class);

        assertNothingCommitted();
    }

    @Test
    void shouldRedoTheWholeBatchAfterTheConnectionIsLostBeforeCommit() {
        AtomicInteger attempts = new AtomicInteger();
        SinkWriter writer = writer(batch -> {
            if (attempts.incrementAndGet() == 1) {
                batch.abortConnection();
            }
        });

        writer.write(batch);

        assertThat(attempts).hasValue(2);
        assertThat(stored().syncLog(syncLogId)).isPresent();
        assertThat(committedOffsets()).containsEntry(new TopicPartition(SinkRecords.STATE_TOPIC, 0), 1L);
    }

    @Test
    void shouldRedoTheWholeBatchAfterASerializationFailure() {
        AtomicInteger attempts = new AtomicInteger();
        SinkWriter writer = writer(batch -> {
            if (attempts.incrementAndGet() == 1) {
                throw new IllegalStateException(new PSQLException("could not serialize access", PSQLState.SERIALIZATION_FAILURE));
            }
        });

        writer.write(batch);

        assertThat(attempts).hasValue(2);
        assertThat(stored().syncLog(syncLogId)).isPresent();
    }

    @Test
    void shouldReportTheDatabaseUnavailableWhenTheConnectionKeepsFailing() {
        AtomicInteger attempts = new AtomicInteger();
        SinkWriter writer = writer(batch -> {
            attempts.incrementAndGet();
            batch.abortConnection();
        });

        assertThatThrownBy(() -> writer.write(batch))
                .isInstanceOf(DatabaseUnavailableException.class)
                .hasMessageStartingWith("cannot reach PostgreSQL at " + PostgresSchema.URL + ": ")
                .hasMessageEndingWith("; is it running? set --database-url or SYNC_LEDGER_DATABASE_URL");
        assertThat(attempts).hasValue(QUICK.maxAttempts());
        assertNothingCommitted();
    }

    @Test
    void shouldNotRetryAFailureThatIsNotTransient() {
        AtomicInteger attempts = new AtomicInteger();
        SinkWriter writer = writer(batch -> {
            attempts.incrementAndGet();
            throw new IllegalStateException("a bug");
        });

        assertThatThrownBy(() -> writer.write(batch)).hasMessage("a bug");
        assertThat(attempts).hasValue(1);
    }

    private void assertNothingCommitted() {
        assertThat(stored().syncLogCount()).isZero();
        assertThat(stored().workspaceIds()).isEmpty();
        assertThat(stored().rejectedEvents()).isEmpty();
        assertThat(committedOffsets()).isEmpty();
    }

    private SinkWriter writer(SinkFaultHook hook) {
        return new SinkWriter(POSTGRES.database(), new ConsumerScope("test-cluster", GROUP), hook, QUICK);
    }

    private Map<TopicPartition, Long> committedOffsets() {
        return new SinkWriter(POSTGRES.database(), new ConsumerScope("test-cluster", GROUP)).committedOffsets();
    }

    private StoredRows stored() {
        return POSTGRES.jdbi().onDemand(StoredRows.class);
    }

    /** What a process dying between the writes and the commit looks like to the code above it. */
    private static final class SimulatedCrash extends Error {
        SimulatedCrash() {
            super("simulated process death before commit");
        }
    }
}
