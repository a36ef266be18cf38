package dev.syncledger.sink;

import dev.syncledger.sink.db.ConsumerScope;
import dev.syncledger.sink.db.Database;
import dev.syncledger.sink.db.DatabaseUnavailableException;
import dev.syncledger.sink.write.RetryPolicy;
import dev.syncledger.sink.write.SinkBatch;
import dev.syncledger.sink.write.SinkFaultHook;
import dev.syncledger.sink.write.SinkFencedException;
import dev.syncledger.sink.write.SinkRecordReader;
import dev.syncledger.sink.write.SinkWriter;
import dev.syncledger.sink.write.WriteCounts;
import dev.syncledger.sink.write.WriteResult;
import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.consumer.CloseOptions;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.Metric;
import org.apache.kafka.common.MetricName;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Consumes the state and rejected topics and writes them into PostgreSQL, one transaction per poll.
 * The offsets stored with the rows in sink_offsets are the truth: each assigned partition starts
 * there, and while the database is down every partition is paused and later sent back there, so no
 * record is skipped. Offsets are also committed to Kafka, only for consumer-lag tools. While one batch commits
 * on a writer thread, the consumer polls and decodes the next ({@link InFlightWrite}); batches still commit one
 * after another.
 *
 * <p>{@link #run()} on one thread; {@link #close()} from another lets the batch in hand commit, then
 * stops. An {@link Error} out of the batch (the crash simulation of {@link dev.syncledger.sink.write.SinkFaultHook})
 * ends {@link #run()} without closing anything, as a dead process would.
 */
public final class SyncLedgerSink implements Runnable, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SyncLedgerSink.class);
    private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration KAFKA_TIMEOUT = Duration.ofSeconds(30);
    /** Per partition and fetch; the consumer's fetch.max.bytes (50 MiB) still bounds a whole fetch. */
    static final int BATCH_FETCH_BYTES = 8 << 20;
    /** Records per poll; a batch gathers several polls while the one before it commits. */
    static final int POLL_RECORDS = 20_000;
    /** Past this many bytes of records (keys and values as fetched), a batch stops gathering polls. */
    static final long MAX_BATCH_BYTES = 64L << 20;
    private static final Duration POLL_WHILE_WRITING = Duration.ofMillis(5);
    /**
     * The longest an idle writer waits behind a backlog for the batch to fill, from the batch's first poll: about what
     * decoding 200,000 records takes on a 2-core machine, so that a backlog of that size folds into one batch, while a
     * cold sink facing a larger one starts writing within a second.
     */
    static final Duration MAX_BACKLOG_WAIT = Duration.ofSeconds(1);

    private final SinkConfig config;
    private final Database database;
    /** Whether {@link #close()} closes the database: it does when this sink opened it. */
    private final boolean ownsDatabase;
    private final SinkRecordReader reader;
    private final SinkWriter writer;
    private final Consumer<byte[], byte[]> consumer;
    /** The most records one poll returns. */
    private final int pollRecords;
    private final InFlightWrite inFlight = new InFlightWrite();

    private final Object lifecycle = new Object();
    private boolean started;
    private volatile boolean closing;
    private boolean consumerClosed;
    private final CountDownLatch finished = new CountDownLatch(1);

    /** Only touched by the thread in {@link #run()}: assigned partitions waiting for their offsets from the database. */
    private final Set<TopicPartition> unpositioned = new HashSet<>();
    /** Only touched by the thread in {@link #run()}: per partition, the next offset stored in the database. */
    private final Map<TopicPartition, Long> acknowledged = new HashMap<>();
    /** Only touched by the thread in {@link #run()}: what has been polled since the batch in flight, or null. */
    private SinkBatch.Builder next;
    /** Only touched by the thread in {@link #run()}: {@link System#nanoTime()} of the poll that began {@link #next}. */
    private long nextBegan;
    /** Only touched by the thread in {@link #run()}: failed attempts in the current outage, 0 when the database is fine. */
    private int outageAttempts;

    private final AtomicLong rowsWritten = new AtomicLong();
    private final AtomicLong rowsDeleted = new AtomicLong();
    private final AtomicLong rejectedEventsWritten = new AtomicLong();
    private final AtomicLong batchesFenced = new AtomicLong();
    private final Map<String, AtomicLong> rowsWrittenByTable = new ConcurrentHashMap<>();
    private final Map<String, AtomicLong> rejectedEventsByReason = new ConcurrentHashMap<>();

    /**
     * Connects to PostgreSQL and migrates the schema, so that a wrong URL or a stopped server fails
     * here, then creates the Kafka consumer (which connects lazily).
     *
     * @throws IllegalArgumentException when the database URL is not a PostgreSQL JDBC URL
     * @throws DatabaseUnavailableException when PostgreSQL cannot be reached or refuses the login
     */
    public SyncLedgerSink(SinkConfig config) {
        this(config, Database.connect(config.databaseUrl(), config.schema()), true, SinkFaultHook.NONE);
    }

    /**
     * A sink writing through a database the caller opened and closes, so that the sink, the health checks and
     * anything else of the process share one connection pool. Migrates the schema.
     */
    public SyncLedgerSink(SinkConfig config, Database database) {
        this(config, database, false, SinkFaultHook.NONE);
    }

    /**
     * A sink with a connection pool of its own that calls {@code faultHook} around each batch's transaction: for
     * fault-injection tests, which kill or pause it there. Nothing in the product sets a hook.
     */
    public static SyncLedgerSink withFaultHook(SinkConfig config, SinkFaultHook faultHook) {
        return new SyncLedgerSink(config, Database.connect(config.databaseUrl(), config.schema()), true, faultHook);
    }

    private SyncLedgerSink(SinkConfig config, Database database, boolean ownsDatabase, SinkFaultHook faultHook) {
        this.config = config;
        this.database = database;
        this.ownsDatabase = ownsDatabase;
        this.reader = new SinkRecordReader(config.serde());
        try {
            database.migrate();
            ConsumerScope scope = new ConsumerScope(KafkaCluster.idOf(config.kafka(), KAFKA_TIMEOUT), config.groupId());
            this.writer = new SinkWriter(database, scope, faultHook, RetryPolicy.TRANSACTION);
            Map<String, Object> properties = consumerProperties(config);
            this.pollRecords = Integer.parseInt(String.valueOf(properties.get(ConsumerConfig.MAX_POLL_RECORDS_CONFIG)));
            this.consumer = new KafkaConsumer<>(properties, new ByteArrayDeserializer(), new ByteArrayDeserializer());
        } catch (RuntimeException e) {
            closeIfOwned();
            throw e;
        }
    }

    static Map<String, Object> consumerProperties(SinkConfig config) {
        Map<String, Object> properties = config.kafka().clientConfig();
        properties.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        properties.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, Math.min(config.maxBatchRecords(), POLL_RECORDS));
        // A poll returns about one fetch per partition: at the default 1 MiB, some 4,000 state records, whatever
        // max.poll.records says. Behind a backlog, bigger batches mean fewer transactions and more updates of one key
        // folded into one row.
        properties.put(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, BATCH_FETCH_BYTES);
        properties.putAll(config.consumerOverrides());
        properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, config.bootstrapServers());
        properties.put(ConsumerConfig.GROUP_ID_CONFIG, config.groupId());
        properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        // The processor writes with exactly_once_v2: records of aborted transactions must not reach the database.
        properties.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        return properties;
    }

    @Override
    public void run() {
        synchronized (lifecycle) {
            if (started) {
                throw new IllegalStateException("a sink runs once");
            }
            started = true;
            if (closing) {
                finished.countDown();
                return;
            }
        }
        boolean stoppedNormally = false;
        try {
            consume();
            stoppedNormally = true;
        } catch (RuntimeException e) {
            LOG.error("Sink stopped: {}", e.getMessage(), e);
            closeConsumer();
            throw e;
        } finally {
            if (stoppedNormally) {
                closeConsumer();
                LOG.info("Sink stopped: {} rows written, {} deleted, {} rejected events written",
                        rowsWritten.get(), rowsDeleted.get(), rejectedEventsWritten.get());
            }
            inFlight.close();
            finished.countDown();
        }
    }

    /**
     * Polls and decodes the next batch while the previous one commits on the writer thread ({@link InFlightWrite}):
     * the database's round trips no longer wait for the consumer, nor the consumer for them. While the writer is busy
     * the next batch grows by further polls, up to {@link SinkConfig#maxBatchRecords()}, {@link SinkConfig#maxBatchRows()}
     * or {@link #MAX_BATCH_BYTES}: behind a backlog, batches grow (even while the writer idles, see {@link #catchingUp})
     * and fold more updates of one key into one row; when the consumer keeps up, each batch is what arrived during the
     * last commit, so a record waits for at most one commit before its own.
     */
    private void consume() {
        consumer.subscribe(SinkRecordReader.TOPICS, new Repositioning());
        LOG.info("Sink consuming {} as group {} into {}", SinkRecordReader.TOPICS, config.groupId(), database);
        try {
            while (!closing) {
                if (!unpositioned.isEmpty()) {
                    settle(); // the stored offsets to resume from are those after the batch in flight
                }
                positionFromDatabase();
                ConsumerRecords<byte[], byte[]> records = consumer.poll(nextPollTimeout());
                if (inFlight.isDone() && !settle()) {
                    // These records follow a batch that was not committed: writing them would store offsets past a gap.
                    // Every partition is read again from the database instead.
                    continue;
                }
                if (!records.isEmpty()) {
                    if (next == null) {
                        next = SinkBatch.builder(reader);
                        nextBegan = System.nanoTime();
                    }
                    next.addAll(records);
                }
                if (isFull(next) || (inFlight.isEmpty() && !catchingUp(records))) {
                    startNext();
                }
            }
        } catch (WakeupException e) {
            if (!closing) {
                throw e;
            }
        }
        // The batch in hand commits before the sink stops; what was gathered since is read again at the next start.
        settle();
    }

    /**
     * Behind a backlog, an idle writer waits for a full batch: each batch then folds more updates of one key into one
     * row, and fewer rows are written again by the next. What waits is the backlog's head, for at most
     * {@link #MAX_BACKLOG_WAIT} from the batch's first poll; a poll that returns nothing, or a lag of zero, hands the
     * batch over at once.
     */
    private boolean catchingUp(ConsumerRecords<byte[], byte[]> polled) {
        return next != null && !polled.isEmpty() && System.nanoTime() - nextBegan < MAX_BACKLOG_WAIT.toNanos() && backlog() > 0;
    }

    /**
     * Records left to read on the partitions being read, as the last fetches reported their ends; no request is made.
     * A paused partition returns nothing, so its lag must not hold a batch back.
     */
    private long backlog() {
        Set<TopicPartition> paused = consumer.paused();
        long backlog = 0;
        for (TopicPartition partition : consumer.assignment()) {
            if (!paused.contains(partition)) {
                backlog += consumer.currentLag(partition).orElse(0);
            }
        }
        return backlog;
    }

    /**
     * Full when one more poll could take it past maxBatchRecords or maxBatchRows (a record adds at most one row), or
     * once past {@link #MAX_BATCH_BYTES}.
     */
    private boolean isFull(SinkBatch.Builder batch) {
        return batch != null && (batch.records() > config.maxBatchRecords() - pollRecords
                || batch.rows() > config.maxBatchRows() - pollRecords || batch.bytes() >= MAX_BATCH_BYTES);
    }

    /** Hands what has been polled to the writer, once the batch before it has committed. */
    private void startNext() {
        Map<TopicPartition, Long> advanced = positionsPastAcknowledged();
        if (next == null && advanced.isEmpty()) {
            return;
        }
        SinkBatch batch = (next == null ? SinkBatch.builder(reader) : next).build().resumingAt(advanced);
        next = null;
        if (settle()) {
            // Acknowledged as soon as it is handed over: a failure repositions every partition from the database.
            acknowledged.putAll(batch.nextOffsets());
            inFlight.start(batch, this::writeAndCount);
        }
    }

    /**
     * While the database is down, all partitions are paused and the poll is the wait between attempts. While a batch
     * is being written, polls are short, so that the next one starts soon after it commits.
     */
    private Duration nextPollTimeout() {
        if (outageAttempts > 0) {
            return RetryPolicy.OUTAGE.delayAfter(outageAttempts);
        }
        return inFlight.isEmpty() ? config.pollTimeout() : min(config.pollTimeout(), POLL_WHILE_WRITING);
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    private void positionFromDatabase() {
        if (unpositioned.isEmpty()) {
            return;
        }
        Map<TopicPartition, Long> committed;
        try {
            committed = writer.committedOffsets();
        } catch (DatabaseUnavailableException e) {
            enterOutage(e);
            return;
        }
        Set<TopicPartition> fromBeginning = new HashSet<>();
        for (TopicPartition partition : unpositioned) {
            Long next = committed.get(partition);
            if (next == null) {
                fromBeginning.add(partition);
                acknowledged.remove(partition);
            } else {
                consumer.seek(partition, next);
                acknowledged.put(partition, next);
            }
        }
        if (!fromBeginning.isEmpty()) {
            // Never with an empty set: that means every assigned partition.
            consumer.seekToBeginning(fromBeginning);
        }
        consumer.resume(unpositioned);
        LOG.info("Consuming {} partitions from the offsets in sink_offsets ({} from the beginning)",
                unpositioned.size(), fromBeginning.size());
        unpositioned.clear();
        if (outageAttempts > 0) {
            LOG.info("PostgreSQL at {} is reachable again after {} failed attempts; consumption resumed", database.displayUrl(),
                    outageAttempts);
            outageAttempts = 0;
        }
    }

    /**
     * Positions that moved past the last stored offset. With read_committed the position also steps over
     * transaction markers and aborted records, which no record returned by poll accounts for; storing
     * the position lets "the sink has caught up" be told by comparing with the partition's end offset.
     */
    private Map<TopicPartition, Long> positionsPastAcknowledged() {
        Map<TopicPartition, Long> advanced = new HashMap<>();
        for (TopicPartition partition : consumer.assignment()) {
            if (unpositioned.contains(partition) || consumer.paused().contains(partition)) {
                continue;
            }
            long position;
            try {
                position = consumer.position(partition, Duration.ZERO);
            } catch (org.apache.kafka.common.errors.TimeoutException e) {
                continue; // not fetched yet: nothing to acknowledge
            }
            Long acknowledged = this.acknowledged.get(partition);
            if (acknowledged == null || position > acknowledged) {
                advanced.put(partition, position);
            }
        }
        return advanced;
    }

    /** On the writer thread: the counters move as the transaction commits, not when the consumer next looks. */
    private WriteCounts writeAndCount(SinkBatch batch) {
        WriteCounts counts = writer.writeCounted(batch);
        WriteResult result = counts.totals();
        counts.rowsWrittenByTable().forEach((table, n) -> rowsWrittenByTable.computeIfAbsent(table, t -> new AtomicLong()).addAndGet(n));
        counts.rejectedByReason().forEach((reason, n) -> rejectedEventsByReason.computeIfAbsent(reason, r -> new AtomicLong()).addAndGet(n));
        rowsWritten.addAndGet(result.rowsWritten());
        rowsDeleted.addAndGet(result.rowsDeleted());
        rejectedEventsWritten.addAndGet(result.rejectedEventsWritten());
        return counts;
    }

    /**
     * Waits for the batch in flight, if any, and takes its outcome in. False when it was not committed (PostgreSQL
     * unreachable, or another consumer of the group wrote past it): every partition is then read again from the
     * offsets stored in the database, and whatever was polled since is dropped with it.
     */
    private boolean settle() {
        if (inFlight.isEmpty()) {
            return true;
        }
        SinkBatch batch = inFlight.batch();
        WriteCounts counts;
        try {
            counts = inFlight.await();
        } catch (DatabaseUnavailableException e) {
            enterOutage(e);
            return false;
        } catch (SinkFencedException e) {
            batchesFenced.incrementAndGet();
            LOG.warn("{}; positions are read again from sink_offsets", e.getMessage());
            repositionFromDatabase();
            return false;
        }
        LOG.debug("Committed {}: {}", batch, counts.totals());
        Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
        batch.nextOffsets().forEach((partition, next) -> offsets.put(partition, new OffsetAndMetadata(next)));
        consumer.commitAsync(offsets, (committed, e) -> {
            if (e != null) {
                LOG.debug("Kafka offset commit failed (only lag tools read it): {}", e.getMessage());
            }
        });
        return true;
    }

    /** Nothing uncommitted may be skipped: every partition waits, then starts again from the database's offsets. */
    private void enterOutage(DatabaseUnavailableException e) {
        if (outageAttempts == 0) {
            LOG.warn("{}; consumption paused until PostgreSQL is back", e.getMessage());
        }
        outageAttempts++;
        repositionFromDatabase();
    }

    private void repositionFromDatabase() {
        next = null; // polled past what the database holds: read again from there
        Set<TopicPartition> assigned = consumer.assignment();
        consumer.pause(assigned);
        unpositioned.addAll(assigned);
    }

    /** Where the consumer group resumes, per partition, as committed in the database with the rows. */
    public Map<TopicPartition, Long> committedOffsets() {
        return writer.committedOffsets();
    }

    /** State rows committed over every table, including those the version guard left unchanged. */
    public long rowsWritten() {
        return rowsWritten.get();
    }

    /** State rows deleted by tombstones, over every table. */
    public long rowsDeleted() {
        return rowsDeleted.get();
    }

    /** Rejected events committed, including replays of ones already stored. */
    public long rejectedEventsWritten() {
        return rejectedEventsWritten.get();
    }

    /** Batches rolled back because another consumer of the group had already written past them. */
    public long batchesFenced() {
        return batchesFenced.get();
    }

    /** Per PostgreSQL table, the state rows committed so far, counted as in {@link #rowsWritten()}; tables without rows are absent. */
    public Map<String, Long> rowsWrittenByTable() {
        return snapshot(rowsWrittenByTable);
    }

    /** Per reason, the rejected events committed so far, counted as in {@link #rejectedEventsWritten()}. */
    public Map<String, Long> rejectedEventsWrittenByReason() {
        return snapshot(rejectedEventsByReason);
    }

    /** The consumer's own Kafka client metrics, read-only; safe to read from any thread. */
    public Map<MetricName, ? extends Metric> consumerMetrics() {
        return consumer.metrics();
    }

    private static Map<String, Long> snapshot(Map<String, AtomicLong> counters) {
        Map<String, Long> copy = new HashMap<>();
        counters.forEach((key, counter) -> copy.put(key, counter.get()));
        return Map.copyOf(copy);
    }

    /** Wakes the consumer, waits for the batch in hand to commit and for {@link #run()} to return, then closes. */
    @Override
    public void close() {
        boolean running;
        synchronized (lifecycle) {
            closing = true;
            running = started;
        }
        consumer.wakeup();
        if (running) {
            try {
                finished.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        closeConsumer();
        closeIfOwned();
    }

    private void closeIfOwned() {
        if (ownsDatabase) {
            database.close();
        }
    }

    private void closeConsumer() {
        synchronized (lifecycle) {
            if (consumerClosed) {
                return;
            }
            consumerClosed = true;
        }
        consumer.close(CloseOptions.timeout(CLOSE_TIMEOUT));
    }

    /** Newly assigned partitions wait, paused, until their offsets are read from the database. */
    private final class Repositioning implements ConsumerRebalanceListener {

        @Override
        public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
            consumer.pause(partitions);
            unpositioned.addAll(partitions);
            if (inFlight.isEmpty()) {
                // Positioned within this poll, so that it fetches them: left to the loop, the poll that assigned them
                // would wait out its whole timeout with every partition paused. With a batch in flight the stored
                // offsets may still move, so the loop positions them once it has settled.
                positionFromDatabase();
            }
        }

        @Override
        public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
            // The new owner starts from the offsets stored in the database: let the batch in flight store its own first,
            // then what has been polled since.
            if (settle() && next != null) {
                startNext();
                settle();
            }
            unpositioned.removeAll(partitions);
            acknowledged.keySet().removeAll(partitions);
        }

        @Override
        public void onPartitionsLost(Collection<TopicPartition> partitions) {
            if (next != null) {
                repositionFromDatabase(); // what was polled may not be written now; the partitions kept start again from the database
            }
            unpositioned.removeAll(partitions);
            acknowledged.keySet().removeAll(partitions);
        }
    }
}
