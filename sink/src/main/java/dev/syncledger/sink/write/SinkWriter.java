package dev.syncledger.sink.write;

import dev.syncledger.sink.db.ConnectorParent;
import dev.syncledger.sink.db.ConsumerScope;
import dev.syncledger.sink.db.Database;
import dev.syncledger.sink.db.RejectedEventRow;
import dev.syncledger.sink.db.SinkDao;
import dev.syncledger.sink.db.SinkOffset;
import dev.syncledger.sink.db.SqlFailure;
import dev.syncledger.sink.db.SyncLogRow;
import dev.syncledger.sink.write.SinkChange.SyncLogDeletion;
import dev.syncledger.sink.write.SinkChange.SyncLogUpsert;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;
import org.apache.kafka.common.TopicPartition;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.JdbiException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes a {@link SinkBatch} in one transaction: parents, sync log upserts and deletions, rejected
 * events and the consumer group's next offsets commit together or not at all. Redoing a batch is
 * harmless: upserts carry a version guard, rejections are keyed by their source coordinates.
 */
public final class SinkWriter {

    /** A state record PostgreSQL refuses (a constraint or a value out of range) is set aside under this reason. */
    public static final String UNWRITABLE = "sink_unwritable";

    private static final Logger LOG = LoggerFactory.getLogger(SinkWriter.class);
    private static final String ROW_SAVEPOINT = "sync_log_row";

    private final Database database;
    private final ConsumerScope scope;
    private final SinkFaultHook faultHook;
    private final RetryPolicy retryPolicy;

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
        Mode mode = Mode.BATCHED;
        int failedAttempts = 0;
        while (true) {
            Mode attemptMode = mode;
            try {
                return database.jdbi().inTransaction(handle -> apply(handle, batch, attemptMode));
            } catch (RuntimeException e) {
                SqlFailure failure = SqlFailure.of(e);
                if (failure == SqlFailure.REFUSED_DATA && mode == Mode.BATCHED) {
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

    private WriteResult apply(Handle handle, SinkBatch batch, Mode mode) {
        SinkDao dao = handle.attach(SinkDao.class);
        List<ParentedSyncLog> parented = placeUnderParents(dao, batch.upserts());
        List<RejectedEventRow> rejections = new ArrayList<>(batch.rejections());
        int upserted = mode == Mode.BATCHED
                ? upsertAll(dao, parented)
                : upsertOneByOne(handle, dao, parented, batch.upserts(), rejections);
        int deleted = delete(dao, batch.deletions());
        if (!rejections.isEmpty()) {
            dao.insertRejectedEvents(scope.kafkaClusterId(), rejections);
        }
        dao.storeOffsets(scope, sinkOffsets(batch.nextOffsets()));
        faultHook.afterRowsWrittenBeforeCommit(uncommitted(handle, batch));
        return new WriteResult(upserted, deleted, rejections.size());
    }

    /** Creates missing workspaces and connectors, in id order so that concurrent sinks lock them in the same order. */
    private static List<ParentedSyncLog> placeUnderParents(SinkDao dao, List<SyncLogUpsert> upserts) {
        if (upserts.isEmpty()) {
            return List.of();
        }
        SortedSet<UUID> workspaceIds = new TreeSet<>();
        SortedMap<UUID, UUID> workspaceOfConnector = new TreeMap<>();
        for (SyncLogUpsert upsert : upserts) {
            workspaceIds.add(upsert.row().workspaceId());
            workspaceOfConnector.putIfAbsent(upsert.row().workspaceConnectorId(), upsert.row().workspaceId());
        }
        dao.insertMissingWorkspaces(List.copyOf(workspaceIds));
        Map<UUID, Long> workspacePks = dao.workspacePks(workspaceIds.toArray(UUID[]::new));
        dao.insertMissingConnectors(workspaceOfConnector.entrySet().stream()
                .map(e -> new ConnectorParent(e.getKey(), workspacePks.get(e.getValue())))
                .toList());
        Map<UUID, Long> connectorPks = dao.connectorPks(workspaceOfConnector.keySet().toArray(UUID[]::new));
        return upserts.stream()
                .map(SyncLogUpsert::row)
                .map(row -> new ParentedSyncLog(row, connectorPks.get(row.workspaceConnectorId()), workspacePks.get(row.workspaceId())))
                .toList();
    }

    private static int upsertAll(SinkDao dao, List<ParentedSyncLog> logs) {
        if (!logs.isEmpty()) {
            dao.upsertSyncLogs(
                    logs.stream().map(ParentedSyncLog::log).toList(),
                    logs.stream().map(ParentedSyncLog::workspaceConnectorPk).toList(),
                    logs.stream().map(ParentedSyncLog::workspacePk).toList());
        }
        return logs.size();
    }

    /** The slow path after PostgreSQL refused the batch: each row under a savepoint, refused rows become rejections. */
    private static int upsertOneByOne(Handle handle, SinkDao dao, List<ParentedSyncLog> parented, List<SyncLogUpsert> upserts,
                                      List<RejectedEventRow> rejections) {
        Map<UUID, RecordOrigin> origins = upserts.stream()
                .collect(Collectors.toMap(SyncLogUpsert::syncLogId, SyncLogUpsert::origin));
        int upserted = 0;
        for (ParentedSyncLog log : parented) {
            handle.savepoint(ROW_SAVEPOINT);
            try {
                upsertAll(dao, List.of(log));
                handle.releaseSavepoint(ROW_SAVEPOINT);
                upserted++;
            } catch (JdbiException e) {
                if (SqlFailure.of(e) != SqlFailure.REFUSED_DATA) {
                    throw e;
                }
                handle.rollbackToSavepoint(ROW_SAVEPOINT);
                rejections.add(refused(log.log(), origins.get(log.log().workspaceConnectorSyncLogId()), e));
            }
        }
        return upserted;
    }

    private static RejectedEventRow refused(SyncLogRow row, RecordOrigin origin, JdbiException e) {
        String message = "PostgreSQL refused sync log " + row.workspaceConnectorSyncLogId() + " revision " + row.revision()
                + ": " + SqlFailure.describe(e);
        LOG.warn("Record {} is written to rejected_events as {}: {}", origin, UNWRITABLE, message);
        return origin.rejection(UNWRITABLE, message);
    }

    private static int delete(SinkDao dao, List<SyncLogDeletion> deletions) {
        if (deletions.isEmpty()) {
            return 0;
        }
        int deleted = 0;
        for (int count : dao.deleteSyncLogs(deletions.stream().map(SyncLogDeletion::syncLogId).toList())) {
            deleted += Math.max(count, 0);
        }
        return deleted;
    }

    private static List<SinkOffset> sinkOffsets(Map<TopicPartition, Long> nextOffsets) {
        return nextOffsets.entrySet().stream()
                .map(e -> new SinkOffset(e.getKey().topic(), e.getKey().partition(), e.getValue()))
                .sorted(Comparator.comparing(SinkOffset::topic).thenComparingInt(SinkOffset::partition))
                .toList();
    }

    private static SinkFaultHook.UncommittedBatch uncommitted(Handle handle, SinkBatch batch) {
        return new SinkFaultHook.UncommittedBatch() {
            @Override
            public int batchSize() {
                return batch.batchSize();
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

    /** A sync log with the internal keys of its connector and workspace. */
    private record ParentedSyncLog(SyncLogRow log, long workspaceConnectorPk, long workspacePk) {}
}
