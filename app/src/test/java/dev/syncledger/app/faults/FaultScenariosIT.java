package dev.syncledger.app.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.syncledger.app.observability.HealthChecks;
import dev.syncledger.app.observability.Readiness;
import dev.syncledger.app.pipeline.ProcessorRunner;
import dev.syncledger.app.testing.CuttableTcpProxy;
import dev.syncledger.app.testing.LedgerOracle;
import dev.syncledger.app.testing.PublishedRecord;
import dev.syncledger.processor.TopologyConfig;
import dev.syncledger.schemas.Topics;
import dev.syncledger.sink.db.ConnectionLimits;
import dev.syncledger.sink.db.Database;
import dev.syncledger.sink.fixtures.TestPostgres;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The promise, under faults: every accepted event is reflected exactly once in PostgreSQL and the
 * pipeline keeps going. Each scenario runs a seeded workload with duplicates and out-of-order events
 * through a real broker, processor and sink, injects its fault, waits until everything is caught up and
 * compares every table, row by row, with {@link LedgerOracle}. The size comes from {@link FaultSize}.
 */
class FaultScenariosIT {

    private static final Logger LOG = LoggerFactory.getLogger(FaultScenariosIT.class);

    /**
     * Scenarios whose waits are fixed by design (an ingest window, three kills, a pause past the transaction timeout),
     * run by {@code -Pfaults} only, so that the default build stays within its time budget; there, SinkCrashIT covers a
     * sink crash, scenario 5 a killed processor, and scenario 6 a fenced zombie.
     */
    static final String LONG = "long";
    private static final FaultSize SIZE = FaultSize.fromSystemProperties();
    private static final TopologyConfig TOPOLOGY = TopologyConfig.defaults().withDiagnosticRetention(FaultPipeline.KEEP_EVERYTHING);
    private static final Duration POLL = Duration.ofMillis(20);
    /** A resumed zombie's next heartbeat or commit is refused at once; this only bounds a test that would otherwise hang. */
    private static final Duration FENCING_NOTICED_WITHIN = Duration.ofMinutes(2);
    /** The transaction timeout, then the broker's 10 s sweep for timed-out transactions, with room to spare. */
    private static final Duration PAUSE_OVER_WITHIN = FaultPipeline.TRANSACTION_TIMEOUT.plus(Duration.ofSeconds(40));

    @Test
    @Tag(LONG)
    void scenario1ProcessorKilledThreeTimes(@TempDir Path dir) throws Exception {
        List<PublishedRecord> records = FaultWorkload.records(1, SIZE.events());
        Instant began = Instant.now();
        try (FaultPipeline pipeline = FaultPipeline.start(dir, SIZE, TOPOLOGY)) {
            pipeline.startSink("sink");
            ChildProcessor processor = pipeline.startChildProcessor("processor");
            List<List<PublishedRecord>> slices = FaultWorkload.slices(records, 4);
            long published = 0;
            for (int kill = 0; kill < 3; kill++) {
                pipeline.publish(slices.get(kill));
                long before = published;
                published += slices.get(kill).size();
                // Killed as soon as it has committed part of the new slice: in the middle of its work.
                await().atMost(SIZE.timeout()).pollInterval(POLL).until(() -> pipeline.processedInputs() > before);
                processor.kill();
                assertThat(processor.isAlive()).isFalse();
                processor = pipeline.startChildProcessor("processor");
            }
            pipeline.publish(slices.get(3));
            pipeline.awaitCaughtUp();
            finish("1-processor-killed-3x", records, began, pipeline, Optional.empty());
        }
    }

    @Test
    @Tag(LONG)
    void scenario2SinkKilledThreeTimesBetweenWritingABatchAndCommittingIt(@TempDir Path dir) throws Exception {
        List<PublishedRecord> records = FaultWorkload.records(2, SIZE.events());
        Instant began = Instant.now();
        try (FaultPipeline pipeline = FaultPipeline.start(dir, SIZE, TOPOLOGY)) {
            pipeline.startProcessor("processor");
            pipeline.publish(records);
            int batch = Math.max(50, records.size() / 20);
            for (int kill = 1; kill <= 3; kill++) {
                SinkInstance doomed = pipeline.startSink("sink-" + kill,
                        pipeline.sinkConfig().withMaxBatchRecords(batch), SinkDeath.atBatch(2));
                await().atMost(SIZE.timeout()).until(() -> !doomed.isAlive());
                assertThat(doomed.wasKilled()).as("sink %d died of the injected kill", kill).isTrue();
            }
            pipeline.startSink("sink-4", pipeline.sinkConfig().withMaxBatchRecords(batch));
            pipeline.awaitCaughtUp();
            finish("2-sink-killed-3x", records, began, pipeline, Optional.empty());
        }
    }

    @Test
    void scenario3DatabaseUnreachableMidRun(@TempDir Path dir) throws Exception {
        List<PublishedRecord> records = FaultWorkload.records(3, SIZE.events());
        List<List<PublishedRecord>> halves = FaultWorkload.slices(records, 2);
        Instant began = Instant.now();
        try (FaultPipeline pipeline = FaultPipeline.start(dir, SIZE, TOPOLOGY);
             CuttableTcpProxy proxy = CuttableTcpProxy.to(TestPostgres.host(), TestPostgres.port())) {
            String proxied = TestPostgres.urlThrough(proxy.port());
            ProcessorRunner processor = pipeline.startProcessor("processor");
            SinkInstance sink = pipeline.startSink("sink", pipeline.sinkConfig().withDatabaseUrl(proxied));
            // The check's own pool gives up on a connection within 1 s, as the health schedule's timeout would.
            Database checked = pipeline.keep(Database.connect(proxied, pipeline.database.schema(),
                    new ConnectionLimits(1, Duration.ofSeconds(1), Duration.ofSeconds(3), Duration.ofSeconds(2))));
            Readiness database = HealthChecks.database(checked, Duration.ofSeconds(1));
            pipeline.publish(halves.get(0));
            pipeline.awaitCaughtUp();
            assertThat(database.problem()).as("ready before the outage").isEmpty();

            proxy.cut();
            Instant cut = Instant.now();
            long processedAtCut = pipeline.processedInputs();
            pipeline.publish(halves.get(1));
            await().atMost(SIZE.timeout()).pollInterval(POLL).until(() -> pipeline.processedInputs() == records.size());
            assertThat(processor.state()).as("the processor, which needs no database").isEqualTo(KafkaStreams.State.RUNNING);
            assertThat(pipeline.processedInputs()).isGreaterThan(processedAtCut);
            // The sink's liveness is what is polled through the outage; the database check is asked at its start and end.
            await().atMost(Duration.ofSeconds(30)).until(() -> database.problem().isPresent());
            Duration left = SIZE.outage().minus(Duration.between(cut, Instant.now()));
            if (!left.isNegative() && !left.isZero()) {
                await().during(left).atMost(left.plusSeconds(10)).pollInterval(Duration.ofMillis(250)).until(sink::isAlive);
            }
            assertThat(database.problem()).as("not ready while PostgreSQL is unreachable").isPresent();

            proxy.restore();
            Instant restored = Instant.now();
            pipeline.awaitCaughtUp();
            Duration recovery = Duration.between(restored, Instant.now());
            assertThat(sink.isAlive()).as("the sink waited the outage out").isTrue();
            assertThat(database.problem()).as("ready again").isEmpty();
            finish("3-database-unreachable", records, began, pipeline, Optional.of(recovery));
        }
    }

    @Test
    void scenario4BrokerStoppedAndRestartedMidRun(@TempDir Path dir) throws Exception {
        List<PublishedRecord> records = FaultWorkload.records(4, SIZE.events());
        Instant began = Instant.now();
        try (FaultPipeline pipeline = FaultPipeline.start(dir, SIZE, TOPOLOGY)) {
            ProcessorRunner processor = pipeline.startProcessor("processor");
            SinkInstance sink = pipeline.startSink("sink");
            pipeline.publish(records);
            await().atMost(SIZE.timeout()).pollInterval(POLL).until(() -> pipeline.processedInputs() > 0);

            pipeline.broker.stop();
            await().during(SIZE.outage()).atMost(SIZE.outage().plusSeconds(10)).pollInterval(Duration.ofMillis(250))
                    .until(() -> !pipeline.broker.isRunning() && sink.isAlive());
            pipeline.broker.restart();
            Instant restarted = Instant.now();
            pipeline.awaitCaughtUp();
            Duration recovery = Duration.between(restarted, Instant.now());
            assertThat(processor.state()).isIn(KafkaStreams.State.RUNNING, KafkaStreams.State.REBALANCING);
            assertThat(sink.isAlive()).isTrue();
            finish("4-broker-restarted", records, began, pipeline, Optional.of(recovery));
        }
    }

    @Test
    void scenario5TwoProcessorsAndTwoSinksOneOfEachKilledTheSurvivorsTakeOver(@TempDir Path dir) throws Exception {
        List<PublishedRecord> records = FaultWorkload.records(5, SIZE.events());
        List<List<PublishedRecord>> halves = FaultWorkload.slices(records, 2);
        Instant began = Instant.now();
        try (FaultPipeline pipeline = FaultPipeline.start(dir, SIZE, TOPOLOGY)) {
            pipeline.startProcessor("survivor");
            ChildProcessor victim = pipeline.startChildProcessor("victim");
            int batch = Math.max(50, records.size() / 40);
            pipeline.startSink("sink-survivor", pipeline.sinkConfig().withMaxBatchRecords(batch));
            SinkInstance sinkVictim = pipeline.startSink("sink-victim",
                    pipeline.sinkConfig().withMaxBatchRecords(batch), SinkDeath.atBatch(2));
            await().atMost(SIZE.timeout()).until(() -> pipeline.membersWithPartitions(FaultPipeline.APPLICATION_ID) == 2
                    && pipeline.membersWithPartitions(FaultPipeline.SINK_GROUP) == 2);

            pipeline.publish(halves.get(0));
            await().atMost(SIZE.timeout()).pollInterval(POLL).until(() -> pipeline.processedInputs() > 0);
            victim.kill();
            pipeline.publish(halves.get(1));
            await().atMost(SIZE.timeout()).until(() -> !sinkVictim.isAlive());
            assertThat(sinkVictim.wasKilled()).as("the second sink died of the injected kill").isTrue();
            pipeline.awaitCaughtUp();
            assertThat(pipeline.membersWithPartitions(FaultPipeline.APPLICATION_ID)).as("processors left").isEqualTo(1);
            finish("5-two-of-each-one-killed", records, began, pipeline, Optional.empty());
        }
    }

    @Test
    void scenario6AZombieSinkCannotOverwriteTheNewOwnersRows(@TempDir Path dir) throws Exception {
        List<PublishedRecord> records = FaultWorkload.records(6, SIZE.events());
        List<List<PublishedRecord>> thirds = FaultWorkload.slices(records, 3);
        Instant began = Instant.now();
        try (FaultPipeline pipeline = FaultPipeline.start(dir, SIZE, TOPOLOGY)) {
            pipeline.startProcessor("processor");
            PausedSink pause = new PausedSink();
            SinkInstance zombie = pipeline.startSink("zombie", pipeline.sinkConfig(), pause);
            pipeline.publish(thirds.get(0));
            pipeline.awaitCaughtUp();

            pause.pauseAtNextBatch();
            pipeline.publish(thirds.get(1));
            await().atMost(SIZE.timeout()).until(pause::isHoldingABatch);
            // The zombie misses its poll interval, the group gives its partitions to the new owner, which writes past its batch.
            SinkInstance newOwner = pipeline.startSink("new-owner");
            pipeline.awaitCaughtUp();
            pause.resume();
            await().atMost(SIZE.timeout()).until(() -> zombie.sink().batchesFenced() > 0);

            pipeline.publish(thirds.get(2));
            pipeline.awaitCaughtUp();
            assertThat(zombie.isAlive()).as("the zombie rejoined and kept going").isTrue();
            assertThat(newOwner.isAlive()).isTrue();
            finish("6-zombie-sink-fenced", records, began, pipeline, Optional.empty());
        }
    }

    @Test
    void scenario7PoisonInputIsRejectedWithItsReasonAndEverythingValidLands(@TempDir Path dir) throws Exception {
        List<PublishedRecord> workload = FaultWorkload.records(7, SIZE.events());
        Map<String, PoisonRecords.Poison> poison = PoisonRecords.of(7);
        List<PublishedRecord> records = new ArrayList<>(workload.subList(0, workload.size() / 2));
        int firstPoison = records.size();
        poison.values().forEach(p -> records.add(p.record()));
        records.addAll(workload.subList(workload.size() / 2, workload.size()));
        Instant began = Instant.now();
        try (FaultPipeline pipeline = FaultPipeline.start(dir, SIZE, TOPOLOGY)) {
            pipeline.startProcessor("processor");
            pipeline.startSink("sink");
            List<RecordMetadata> landed = pipeline.publish(records);
            pipeline.awaitCaughtUp();

            int i = firstPoison;
            for (Map.Entry<String, PoisonRecords.Poison> entry : poison.entrySet()) {
                RecordMetadata at = landed.get(i++);
                assertThat(rejectionReason(pipeline, at)).as("the rejection of the %s", entry.getKey()).contains(entry.getValue().reason());
            }
            finish("7-poison-input", records, began, pipeline, Optional.empty());
        }
    }

    @Test
    void scenario8EventsOfThePreviousAndTheCurrentSchemaMixedOnTheSameTopicsAllLand(@TempDir Path dir) throws Exception {
        List<PublishedRecord> current = FaultWorkload.records(8, SIZE.events());
        List<PublishedRecord> records = new ArrayList<>(current.size());
        Map<String, Long> previousPerTopic = new TreeMap<>();
        for (int i = 0; i < current.size(); i++) {
            Optional<PublishedRecord> previous = i % 2 == 0 ? OlderWriterSchema.rewrite(current.get(i)) : Optional.empty();
            previous.ifPresent(record -> previousPerTopic.merge(record.topic(), 1L, Long::sum));
            records.add(previous.orElse(current.get(i)));
        }
        assertThat(previousPerTopic).as("events written with the previous schema, per input topic").hasSize(4);
        LOG.info("scenario 8: {} events written with the previous schema; on the wire it differs from the current one for {}",
                previousPerTopic, previousPerTopic.keySet().stream().filter(OlderWriterSchema::differsFromCurrent).toList());
        Instant began = Instant.now();
        try (FaultPipeline pipeline = FaultPipeline.start(dir, SIZE, TOPOLOGY)) {
            pipeline.startProcessor("processor");
            pipeline.startSink("sink");
            pipeline.publish(records);
            pipeline.awaitCaughtUp();

            LedgerOracle allCurrent = oracle(current);
            assertThat(oracle(records).rejectionsByReason()).as("no event rejected for its schema")
                    .isEqualTo(allCurrent.rejectionsByReason());
            finish("8-schema-evolution", records, began, pipeline, Optional.empty());
        }
    }

    /**
     * Diagnostics expire on the processor's wall clock, so half of them are dated to expire during the
     * test, a little after the processor has read them, and the workload's runs start after all of them:
     * whether a diagnostic is pruned after it was stored or, on a slow machine, dropped on arrival as
     * already too old, it leaves the same rows, and the scenario cannot race the clock.
     */
    @Test
    @Tag(LONG)
    void scenario9ProcessorKilledWhilePruningKeepsTheYoungRowsAndNeverBringsBackThePrunedOnes(@TempDir Path dir) throws Exception {
        Duration retention = Duration.ofHours(1);
        Duration spread = Duration.ofSeconds(10);
        TopologyConfig topology = TopologyConfig.defaults().withDiagnosticRetention(retention).withPruneInterval(Duration.ofMillis(500));
        Instant began = Instant.now();
        List<PublishedRecord> workload = FaultWorkload.records(9, SIZE.events(), began.minus(retention.dividedBy(2)));
        try (FaultPipeline pipeline = FaultPipeline.start(dir, SIZE, topology)) {
            pipeline.startSink("sink");
            ChildProcessor processor = pipeline.startChildProcessor("processor");
            // Dated once the processor runs, so that its start-up does not eat into the time it has to read them.
            Instant firstExpiry = Instant.now().plus(SIZE.ingest());
            RetimedDiagnostics retimed = RetimedDiagnostics.of(workload, retention, began, firstExpiry, spread);
            List<PublishedRecord> records = retimed.records;
            assertThat(retimed.expiring).as("diagnostics to prune").isNotEmpty();
            assertThat(retimed.young).as("diagnostics to keep").isNotEmpty();
            pipeline.publish(records);

            // Killed while the expiring diagnostics are being pruned, then again once the restarted one has pruned more.
            await().atMost(SIZE.timeout()).until(() -> Instant.now().isAfter(firstExpiry.plus(spread.dividedBy(3))));
            processor.kill();
            long leftAtRestart = expiringLeft(pipeline, retimed);
            processor = pipeline.startChildProcessor("processor");
            await().atMost(SIZE.timeout()).pollInterval(Duration.ofMillis(200))
                    .until(() -> leftAtRestart == 0 || expiringLeft(pipeline, retimed) < leftAtRestart);
            processor.kill();
            pipeline.startChildProcessor("processor");

            await().atMost(SIZE.timeout()).until(() -> Instant.now().isAfter(firstExpiry.plus(spread)));
            pipeline.awaitCaughtUp();
            await().atMost(SIZE.timeout()).until(() -> Collections.disjoint(diagnosticIds(pipeline), retimed.expiring));
            pipeline.awaitCaughtUp();
            Map<String, byte[]> state = pipeline.latestValues(Topics.DIAGNOSTIC_STATE.name());
            long prunedAfterStoring = retimed.expiring.stream().filter(id -> state.containsKey(id.toString())).count();
            assertThat(prunedAfterStoring).as("expiring diagnostics stored, then pruned (a tombstone in the state topic)").isPositive();
            retimed.expiring.forEach(id -> assertThat(state.get(id.toString())).as("diagnostic %s in the state topic", id).isNull());
            retimed.young.forEach(id -> assertThat(state.get(id.toString())).as("diagnostic %s in the state topic", id).isNotNull());

            LedgerOracle oracle = LedgerOracle.ofRecords(records, TOPOLOGY, FaultWorkload.START, FaultPipeline.PARTITIONS)
                    .pruneDiagnosticsBefore(began.minus(retention.dividedBy(2)));
            OracleComparison comparison = pipeline.compare(oracle);
            ScenarioReport.record("9-killed-during-prune", records.size(), Duration.between(began, Instant.now()), comparison, Optional.empty());
            LOG.info("scenario 9: {} diagnostics pruned after they were stored, {} dropped on arrival, {} kept",
                    prunedAfterStoring, retimed.expiring.size() - prunedAfterStoring, retimed.young.size());
            assertThat(comparison.rowsCompared()).isPositive();
            assertThat(comparison.mismatches()).as(comparison.describe()).isEmpty();
        }
    }

    /** How many expiring diagnostics are still live in the state topic: what a restore would bring back. */
    private static long expiringLeft(FaultPipeline pipeline, RetimedDiagnostics workload) {
        return pipeline.latestValues(Topics.DIAGNOSTIC_STATE.name()).entrySet().stream()
                .filter(e -> e.getValue() != null && workload.expiring.contains(UUID.fromString(e.getKey())))
                .count();
    }

    private static Set<UUID> diagnosticIds(FaultPipeline pipeline) {
        return Set.copyOf(pipeline.jdbi.withHandle(handle -> handle.createQuery("SELECT diagnostic_id FROM connector_sync_diagnostics")
                .mapTo(UUID.class).list()));
    }

    @Test
    void scenario10aProcessorStateDirectoryWiped(@TempDir Path dir) throws Exception {
        List<PublishedRecord> records = FaultWorkload.records(10, SIZE.events());
        List<List<PublishedRecord>> halves = FaultWorkload.slices(records, 2);
        Instant began = Instant.now();
        try (FaultPipeline pipeline = FaultPipeline.start(dir, SIZE, TOPOLOGY)) {
            pipeline.startSink("sink");
            ChildProcessor processor = pipeline.startChildProcessor("processor");
            pipeline.publish(halves.get(0));
            pipeline.awaitCaughtUp();
            processor.kill();
            Directories.deleteRecursively(pipeline.stateDir("processor"));
            assertThat(pipeline.stateDir("processor")).doesNotExist();

            pipeline.startChildProcessor("processor");
            pipeline.publish(halves.get(1));
            pipeline.awaitCaughtUp();
            finish("10a-state-directory-wiped", records, began, pipeline, Optional.empty());
        }
    }

    @Test
    @Tag(LONG)
    void scenario10bProcessorPausedLongerThanTheTransactionTimeoutIsFencedWhenItResumes(@TempDir Path dir) throws Exception {
        List<PublishedRecord> records = FaultWorkload.records(11, SIZE.events());
        List<List<PublishedRecord>> halves = FaultWorkload.slices(records, 2);
        Instant began = Instant.now();
        try (FaultPipeline pipeline = FaultPipeline.start(dir, SIZE, TOPOLOGY)) {
            pipeline.startSink("sink");
            ChildProcessor paused = pipeline.startChildProcessor("paused");
            pipeline.publish(halves.get(0));
            await().atMost(SIZE.timeout()).pollInterval(POLL).until(() -> pipeline.processedInputs() > 0);
            paused.suspend();
            Instant suspended = Instant.now();
            // Only the paused instance has produced transactionally so far.
            Set<String> pausedTransactionalIds = pipeline.transactions().keySet();
            assertThat(pausedTransactionalIds).as("the paused instance's transactional ids").isNotEmpty();

            pipeline.startProcessor("taker");
            pipeline.publish(halves.get(1));
            pipeline.awaitCaughtUp();
            // The fault is a pause longer than the transaction timeout, whatever the taker's catch-up took,
            // and ending only once the coordinator has closed whatever transaction the pause left open.
            await().atMost(PAUSE_OVER_WITHIN).pollInterval(Duration.ofMillis(100)).until(() ->
                    Duration.between(suspended, Instant.now()).compareTo(FaultPipeline.TRANSACTION_TIMEOUT) > 0
                            && !pipeline.anyTransactionOpen(pausedTransactionalIds));
            LOG.info("resuming the paused processor after {} ms; its transactions: {}", Duration.between(suspended, Instant.now()).toMillis(),
                    pipeline.transactionsOf(pausedTransactionalIds));
            paused.resume();
            await().atMost(FENCING_NOTICED_WITHIN).pollInterval(POLL).until(paused::wasFenced);
            pipeline.awaitCaughtUp();
            finish("10b-paused-processor-fenced", records, began, pipeline, Optional.empty());
        }
    }

    private static Optional<String> rejectionReason(FaultPipeline pipeline, RecordMetadata at) {
        return pipeline.jdbi.withHandle(handle -> handle.createQuery("""
                        SELECT reason FROM rejected_events WHERE source_topic = :topic AND source_partition = :partition AND source_offset = :offset
                        """)
                .bind("topic", at.topic()).bind("partition", at.partition()).bind("offset", at.offset())
                .mapTo(String.class).findOne());
    }

    private static LedgerOracle oracle(List<PublishedRecord> records) {
        return LedgerOracle.ofRecords(records, TOPOLOGY, FaultWorkload.START, FaultPipeline.PARTITIONS);
    }

    private static void finish(String scenario, List<PublishedRecord> records, Instant began, FaultPipeline pipeline,
                               Optional<Duration> recoveryToCaughtUp) {
        OracleComparison comparison = pipeline.compare(oracle(records));
        ScenarioReport.record(scenario, records.size(), Duration.between(began, Instant.now()), comparison, recoveryToCaughtUp);
        assertThat(comparison.rowsCompared()).as("rows compared").isPositive();
        assertThat(comparison.mismatches()).as(comparison.describe()).isEmpty();
    }
}
