package dev.syncledger.sink.write;

import dev.syncledger.sink.db.ConsumerScope;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.syncledger.sink.db.ConnectionLimits;
import dev.syncledger.sink.db.Database;
import dev.syncledger.sink.db.DatabaseUnavailableException;
import dev.syncledger.sink.db.SqlFailure;
import dev.syncledger.sink.fixtures.PostgresSchema;
import dev.syncledger.sink.fixtures.SinkRecords;
import dev.syncledger.sink.fixtures.StoredRows;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.common.TopicPartition;
import org.jdbi.v3.core.Handle;
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

    @Test
    void shouldRedoTheWholeBatchAfterAStatementTimedOutWaitingForALock() throws Exception {
        Set<String> waits = ConcurrentHashMap.newKeySet();
        try (Database impatient = impatientDatabase(); Handle locker = lockSinkOffsets()) {
            SinkWriter writer = new SinkWriter(impatient, new ConsumerScope("test-cluster", GROUP), SinkFaultHook.NONE,
                    new RetryPolicy(10, Duration.ofMillis(20), Duration.ofMillis(50)));
            CompletableFuture<WriteResult> written = CompletableFuture.supplyAsync(() -> writer.write(batch));

            // Two statements seen waiting for the lock: the first gave up, and the transaction was redone.
            await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(20))
                    .until(() -> {
                        waits.addAll(waitingForSinkOffsets());
                        return waits.size() >= 2;
                    });
            locker.rollback();

            assertThat(written.get(20, TimeUnit.SECONDS).rowsWritten()).isEqualTo(1);
        }
        assertThat(stored().syncLog(syncLogId)).isPresent();
        assertThat(committedOffsets()).containsEntry(new TopicPartition(SinkRecords.STATE_TOPIC, 0), 1L);
    }

    @Test
    void shouldGiveUpAfterTheRetryBudgetWhenEveryAttemptTimesOut() {
        try (Database impatient = impatientDatabase(); Handle locker = lockSinkOffsets()) {
            SinkWriter writer = new SinkWriter(impatient, new ConsumerScope("test-cluster", GROUP), SinkFaultHook.NONE, QUICK);

            assertThatThrownBy(() -> writer.write(batch))
                    .satisfies(e -> assertThat(SqlFailure.of(e)).isEqualTo(SqlFailure.TIMED_OUT));
            locker.rollback();
        }
        assertNothingCommitted();
    }

    /** The schema's pool again, with a statement timeout short enough for a test to wait out. */
    private static Database impatientDatabase() {
        return Database.connect(PostgresSchema.URL, POSTGRES.schema(),
                new ConnectionLimits(2, Duration.ofSeconds(10), Duration.ofSeconds(10), Duration.ofMillis(300)));
    }

    /** Another session holding sink_offsets, which every batch updates first. */
    private static Handle lockSinkOffsets() {
        Handle locker = POSTGRES.jdbi().open();
        locker.begin();
        locker.execute("LOCK TABLE sink_offsets IN ACCESS EXCLUSIVE MODE");
        return locker;
    }

    /** The statements now waiting for a lock on this schema's sink_offsets, each named by its backend and start. */
    private static List<String> waitingForSinkOffsets() {
        return POSTGRES.jdbi().withHandle(handle -> handle.createQuery("""
                        SELECT a.pid || ':' || a.query_start
                        FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid
                        WHERE NOT l.granted AND l.relation = to_regclass(:schema || '.sink_offsets')
                        """)
                .bind("schema", POSTGRES.schema())
                .mapTo(String.class)
                .list());
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
