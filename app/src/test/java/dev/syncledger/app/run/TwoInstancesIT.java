package dev.syncledger.app.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.syncledger.app.events.EventLineParser;
import dev.syncledger.app.events.EventPublisher;
import dev.syncledger.app.events.InvalidEventLineException;
import dev.syncledger.app.events.OutgoingEvent;
import dev.syncledger.app.pipeline.CatchUp;
import dev.syncledger.app.replay.Replay;
import dev.syncledger.app.replay.ReplayCounts;
import dev.syncledger.app.replay.ReplaySummary;
import dev.syncledger.app.testing.RunningInstance;
import dev.syncledger.app.testing.StoredSyncLogs;
import dev.syncledger.app.testing.SyncLogOracle;
import dev.syncledger.app.testing.TestDatabase;
import dev.syncledger.app.testing.TestKafka;
import dev.syncledger.processor.TopologyConfig;
import dev.syncledger.schemas.Topics.TopicSpec;
import dev.syncledger.schemas.Topics;
import dev.syncledger.schemas.serde.SerdeConfig;
import dev.syncledger.sink.db.ConsumerScope;
import dev.syncledger.sink.db.SinkDao;
import dev.syncledger.sink.db.SinkOffset;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.MemberDescription;
import org.apache.kafka.common.TopicPartition;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Two {@code run} instances with one application id split the partitions of the processor and of the
 * sink, and together leave the same rows as a single-instance replay of the same events.
 */
class TwoInstancesIT {

    private static final Logger LOG = LoggerFactory.getLogger(TwoInstancesIT.class);

    private static final Path SAMPLE = Path.of("..", "samples", "events.jsonl");
    private static final String APPLICATION_ID = "two-instances-it";
    private static final String SINK_GROUP = APPLICATION_ID + "-sink";
    private static final Duration TIMEOUT = Duration.ofSeconds(120);
    private static final String RETENTION = "3650d";

    private final TestDatabase shared = TestDatabase.freshSchema();
    private final TestDatabase single = TestDatabase.freshSchema();

    @AfterEach
    void dropSchemas() {
        shared.close();
        single.close();
    }

    @Test
    void shouldSplitThePartitionsAndLeaveTheRowsOfASingleInstance(@TempDir Path dir) throws Exception {
        List<String> lines = Files.readAllLines(SAMPLE);
        try (TestKafka broker = TestKafka.start(dir.resolve("kafka"));
             Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()));
             RunningInstance first = RunningInstance.start("instance-1", args(broker, dir.resolve("state-1")));
             RunningInstance second = RunningInstance.start("instance-2", args(broker, dir.resolve("state-2")))) {
            await().atMost(TIMEOUT).until(() -> (first.isRunning() || first.hasExited()) && (second.isRunning() || second.hasExited()));
            assertThat(first.hasExited()).as(first.err()).isFalse();
            assertThat(second.hasExited()).as(second.err()).isFalse();

            await().atMost(TIMEOUT).untilAsserted(() -> {
                assertThat(assignmentsByInstance(admin, APPLICATION_ID)).as("processor tasks per instance")
                        .hasSize(2).allSatisfy((instance, partitions) -> assertThat(partitions).isNotEmpty());
                assertThat(assignmentsByInstance(admin, SINK_GROUP)).as("sink partitions per instance")
                        .hasSize(2).allSatisfy((instance, partitions) -> assertThat(partitions).isNotEmpty());
            });

            LOG.info("processor partitions per instance {}, sink partitions per instance {}",
                    counts(assignmentsByInstance(admin, APPLICATION_ID)), counts(assignmentsByInstance(admin, SINK_GROUP)));
            publish(lines, broker);
            awaitCaughtUp(admin, shared.jdbi());

            assertThat(first.stop(TIMEOUT)).as(first.err()).isZero();
            assertThat(second.stop(TIMEOUT)).as(second.err()).isZero();
        }

        ReplaySummary replayed = new Replay(new Replay.ReplayOptions(single.url(), single.schema(),
                TopologyConfig.defaults().withDiagnosticRetention(Duration.ofDays(3650)), 3, TIMEOUT))
                .run(new ByteArrayInputStream(String.join("\n", lines).getBytes(StandardCharsets.UTF_8)));

        Map<UUID, StoredSyncLogs.Stored> rows = StoredSyncLogs.read(shared.jdbi());
        Map<UUID, StoredSyncLogs.Stored> expected = SyncLogOracle.of(syncRunLines(lines)).expectedRows();
        Map<UUID, StoredSyncLogs.Stored> singleRows = StoredSyncLogs.read(single.jdbi());
        assertThat(rows.keySet()).as("sync logs of two instances against a single one").isEqualTo(singleRows.keySet());
        rows.forEach((id, row) -> assertThat(row).as("sync log %s", id).isEqualTo(singleRows.get(id)));
        // Runs that only other entities mention (a collect's run) have no sync-run events: the oracle covers the others.
        expected.forEach((id, row) -> assertThat(rows.get(id)).as("sync log %s against the fold", id).isEqualTo(row));
        Map<String, Long> counts = ReplayCounts.perTable(shared.jdbi());
        assertThat(counts).isEqualTo(replayed.rowsPerTable()).isEqualTo(ReplayCounts.perTable(single.jdbi()));
        assertThat(counts.get("connector_sync_diagnostics")).isPositive();
        assertThat(counts.get("rejected_events")).isPositive();
    }

    private String[] args(TestKafka broker, Path stateDir) {
        return new String[] {"run", "--http-port", "0", "--bootstrap-servers", broker.bootstrapServers(), "--create-topics", "--partitions", "6",
                "--database-url", shared.url(), "--schema", shared.schema(), "--application-id", APPLICATION_ID,
                "--diagnostic-retention", RETENTION, "--state-dir", stateDir.toString()};
    }

    private static void publish(List<String> lines, TestKafka broker) {
        EventLineParser parser = new EventLineParser();
        try (EventPublisher publisher = new EventPublisher(broker.bootstrapServers(), SerdeConfig.withoutRegistry())) {
            for (String line : lines) {
                try {
                    publisher.publish(parser.parse(line));
                } catch (InvalidEventLineException e) {
                    // the sample holds invalid lines on purpose; the replay skips them too
                }
            }
            publisher.flush();
        }
    }

    private static void awaitCaughtUp(Admin admin, Jdbi jdbi) throws Exception {
        String clusterId = admin.describeCluster().clusterId().get(30, TimeUnit.SECONDS);
        ConsumerScope scope = new ConsumerScope(clusterId, SINK_GROUP);
        CatchUp catchUp = new CatchUp(admin);
        catchUp.awaitFolded(APPLICATION_ID, TIMEOUT);
        List<TopicSpec> outputs = new ArrayList<>(Topics.TABLES);
        outputs.add(Topics.REJECTED);
        // Both instances store their offsets with their rows, under the one group: the database says how far they got together.
        catchUp.awaitSunk(names(outputs), () -> jdbi.withExtension(SinkDao.class, dao -> dao.offsets(scope)).stream()
                .collect(Collectors.toMap(o -> new TopicPartition(o.topic(), o.partition()), SinkOffset::nextOffset)), TIMEOUT);
    }

    /** Per instance, the partitions its consumers hold: Kafka Streams names its consumers {@code <app>-<process id>-StreamThread-N-consumer}. */
    private static Map<String, List<TopicPartition>> assignmentsByInstance(Admin admin, String group) throws Exception {
        ConsumerGroupDescription description = admin.describeConsumerGroups(List.of(group)).describedGroups().get(group)
                .get(30, TimeUnit.SECONDS);
        return description.members().stream().collect(Collectors.groupingBy(
                member -> member.clientId().replaceFirst("-StreamThread-\\d+-consumer$", ""),
                Collectors.flatMapping((MemberDescription member) -> member.assignment().topicPartitions().stream(), Collectors.toList())));
    }

    private static List<Integer> counts(Map<String, List<TopicPartition>> assignments) {
        return assignments.values().stream().map(List::size).sorted().toList();
    }

    private static List<String> syncRunLines(List<String> lines) {
        EventLineParser parser = new EventLineParser();
        return lines.stream().filter(line -> {
            try {
                OutgoingEvent event = parser.parse(line);
                return event.topic().equals(Topics.SYNC_RUNS.name());
            } catch (InvalidEventLineException e) {
                return false;
            }
        }).toList();
    }

    private static List<String> names(Collection<TopicSpec> specs) {
        return specs.stream().map(TopicSpec::name).toList();
    }
}
