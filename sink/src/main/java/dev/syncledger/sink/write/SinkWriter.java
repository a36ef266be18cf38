package dev.syncledger.sink.write;

import dev.syncledger.sink.db.ConsumerScope;
import dev.syncledger.sink.db.Database;
import dev.syncledger.sink.db.ParentDao;
import dev.syncledger.sink.db.RejectedEventRow;
import dev.syncledger.sink.db.SinkDao;
import dev.syncledger.sink.db.SinkOffset;
import dev.syncledger.sink.db.SqlFailure;
import dev.syncledger.sink.table.ParentCache;
import dev.syncledger.sink.table.ParentKeys;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.kafka.common.TopicPartition;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.JdbiException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes a {@link SinkBatch} in one transaction: parents, every state table's rows and deletions,
 * rejected events and the consumer group's next offsets commit together or not at all. A batch
 * commits only as the continuation of the group's stored offsets ({@link SinkFencedException}
 * otherwise), so a consumer that lost its partitions cannot write over their new owner. Another group
 * replaying the same records is harmless: upserts carry a version guard, diagnostics are insert-only,
 * rejections are keyed by their source coordinates.
 */
public final class SinkWriter {

    private static final Logger LOG = LoggerFactory.getLogger(SinkWriter.class);

    private final Database database;
    private final ConsumerScope scope;
    private final SinkFaultHook faultHook;
    private final RetryPolicy retryPolicy;
    private final ParentCache parents = ParentCache.withDefaultCapacity();

    public SinkWriter(Database database, ConsumerScope scope, SinkFaultHook faultHook, RetryPolicy retryPolicy) {
        this.database = Objects.requireNonNull(database, "database");
        this.scope = Objects.requireNonNull(scope, "scope");
        this.faultHook = Objects.requireNonNull(faultHook, "faultHook");
        this.retryPolicy = Objects.requireNonNull(retryPolicy, "retryPolicy");
    }

    public SinkWriter(Database database, ConsumerScope scope) {
        this(database, scope, SinkFaultHook.NONE, RetryPolicy.TRANSACTION);
    }

    /**
     * Commits the batch, redoing the whole transaction after a deadlock, a serialization failure or
     * a lost connection, up to the retry policy's attempts.
     *
     * @throws dev.syncledger.sink.db.DatabaseUnavailableException when the database stays unreachable; nothing of the batch is committed
     */
    public WriteResult write(SinkBatch batch) {
        return writeCounted(batch).totals();
    }

    /** As {@link #write(SinkBatch)}, with the rows per table and the rejections per reason. */
    public WriteCounts writeCounted(SinkBatch batch) {
        faultHook.beforeTransaction(batch.batchSize());
        Mode mode = Mode.BATCHED;
        int failedAttempts = 0;
        while (true) {
            Mode attemptMode = mode;
            try {
                Applied applied = database.jdbi().inTransaction(handle -> apply(handle, batch, attemptMode));
                parents.remember(applied.parents());
                return applied.counts();
            } catch (SinkFencedException e) {
                throw e;
            } catch (RuntimeException e) {
                SqlFailure failure = SqlFailure.of(e);
                if (failure == SqlFailure.REFUSED_DATA && mode == Mode.BATCHED) {
                    // A parent deleted by hand would be refused by its foreign key: the row-by-row pass asks the database again.
                    parents.forgetAll();
                    LOG.warn("PostgreSQL refused a row of a batch of {} records; writing the batch row by row to set the refused rows aside",
                            batch.batchSize());
                    mode = Mode.ROW_BY_ROW;
                    continue;
                }
                failedAttempts++;
                if (!failure.isRetriable() || failedAttempts >= retryPolicy.maxAttempts()) {
                    throw failure == SqlFailure.UNAVAILABLE ? database.unavailable(e) : e;
                }
                LOG.debug("Batch transaction failed ({}), attempt {} of {}", SqlFailure.describe(e), failedAttempts,
                        retryPolicy.maxAttempts());
                pause(retryPolicy.delayAfter(failedAttempts), e);
            }
        }
    }

    /**
     * Where this consumer group resumes, per partition, as committed with the rows.
     *
     * @throws dev.syncledger.sink.db.DatabaseUnavailableException when the database cannot be reached
     */
    public Map<TopicPartition, Long> committedOffsets() {
        try {
            return database.jdbi().withExtension(SinkDao.class, dao -> dao.offsets(scope)).stream()
                    .collect(Collectors.toUnmodifiableMap(o -> new TopicPartition(o.topic(), o.partition()), SinkOffset::nextOffset));
        } catch (JdbiException e) {
            throw SqlFailure.of(e) == SqlFailure.UNAVAILABLE ? database.unavailable(e) : e;
        }
    }

    public ConsumerScope scope() {
        return scope;
    }

    private Applied apply(Handle handle, SinkBatch batch, Mode mode) {
        SinkDao dao = handle.attach(SinkDao.class);
        // Offsets first: a batch another consumer has overtaken is stopped before any of its rows is written.
        advanceOffsets(dao, batch);
        ParentKeys parents = createParents(handle, batch, this.parents);
        List<RejectedEventRow> rejections = new ArrayList<>(batch.rejections());
        int written = 0;
        int deleted = 0;
        Map<String, Integer> writtenByTable = new HashMap<>();
        for (TableBatch<?, ?> table : batch.tables()) {
            int tableWritten = mode == Mode.BATCHED
                    ? table.writeAll(handle, parents)
                    : table.writeOneByOne(handle, parents, rejections);
            written += tableWritten;
            if (tableWritten > 0) {
                writtenByTable.merge(table.tableName(), tableWritten, Integer::sum);
            }
            deleted += table.delete(handle);
        }
        if (!rejections.isEmpty()) {
            dao.insertRejectedEvents(scope.kafkaClusterId(), rejections);
        }
        faultHook.afterRowsWrittenBeforeCommit(uncommitted(handle, batch));
        Map<String, Integer> rejectedByReason = new HashMap<>();
        rejections.forEach(rejection -> rejectedByReason.merge(rejection.reason(), 1, Integer::sum));
        return new Applied(new WriteCounts(new WriteResult(written, deleted, rejections.size()), writtenByTable, rejectedByReason), parents);
    }

    /** Every parent row the batch's rows point at, created if missing before any row is written. */
    private static ParentKeys createParents(Handle handle, SinkBatch batch, ParentCache cache) {
        return batch.parents().createMissing(handle.attach(ParentDao.class), cache);
    }

    /**
     * A consumer that lost its partitions (paused past its poll interval, cut off from the broker) may
     * still hold a polled batch. Its rows' revisions do not protect against it: a row the new owner has
     * since deleted, or a diagnostic it has pruned, has no revision left to compare with. So a batch only
     * commits as the continuation of the offsets stored, and the stored offsets never move back.
     */
    private void advanceOffsets(SinkDao dao, SinkBatch batch) {
        Map<TopicPartition, Long> limits = batch.latestContinuableOffsets();
        List<SinkOffset.Advance> advances = batch.nextOffsets().entrySet().stream()
                .map(e -> new SinkOffset.Advance(e.getKey().topic(), e.getKey().partition(), e.getValue(), limits.get(e.getKey())))
                .sorted(Comparator.comparing(SinkOffset.Advance::topic).thenComparingInt(SinkOffset.Advance::partition))
                .toList();
        Set<TopicPartition> overtaken = new HashSet<>();
        advances.forEach(advance -> overtaken.add(new TopicPartition(advance.topic(), advance.partition())));
        if (!advances.isEmpty()) {
            dao.advanceOffsets(scope, SinkOffset.Advances.of(advances))
                    .forEach(stored -> overtaken.remove(new TopicPartition(stored.topic(), stored.partition())));
        }
        if (!overtaken.isEmpty()) {
            throw new SinkFencedException(overtaken);
        }
    }

    private static SinkFaultHook.UncommittedBatch uncommitted(Handle handle, SinkBatch batch) {
        return new SinkFaultHook.UncommittedBatch() {
            @Override
            public int batchSize() {
                return batch.batchSize();
            }

            @Override
            public int rows() {
                return batch.rows();
            }

            @Override
            public void abortConnection() {
                try {
                    handle.getConnection().abort(Runnable::run);
                } catch (SQLException e) {
                    throw new IllegalStateException("cannot abort the connection: " + e.getMessage(), e);
                }
            }
        };
    }

    private static void pause(Duration delay, RuntimeException failure) {
        try {
            Thread.sleep(delay.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            failure.addSuppressed(e);
            throw failure;
        }
    }

    private enum Mode { BATCHED, ROW_BY_ROW }

    /** What a committed transaction wrote, and the parents it resolved, which the cache may keep from then on. */
    private record Applied(WriteCounts counts, ParentKeys parents) {}
}
