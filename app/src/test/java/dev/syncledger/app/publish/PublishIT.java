package dev.syncledger.app.publish;

import static org.assertj.core.api.Assertions.assertThat;

import dev.syncledger.app.SyncLedgerCli;
import dev.syncledger.app.testing.CliCapture;
import dev.syncledger.app.testing.TestKafka;
import dev.syncledger.schemas.Topics;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code sync-ledger publish} against a real broker: every valid line lands on its input topic, the rest are listed by number. */
class PublishIT {

    private static final Path SAMPLE = Path.of("..", "samples", "events.jsonl");

    private final CliCapture cli = new CliCapture();

    @Test
    void shouldPublishEveryValidLineToItsTopicAndListTheInvalidOnesByNumber(@TempDir Path dir) throws Exception {
        List<String> sample = Files.readAllLines(SAMPLE).stream().filter(line -> !line.isBlank()).toList();
        List<String> valid = List.of(first(sample, "sync.started"), first(sample, "diagnostic.emitted", "\"diagnostic_id\""),
                first(sample, "document.linked"), first(sample, "collect.status_changed"), first(sample, "sync.succeeded"));
        Path events = Files.write(dir.resolve("events.jsonl"), List.of(
                valid.get(0), valid.get(1), "{not json", valid.get(2), "", valid.get(3),
                "{\"type\":\"sync.exploded\",\"event_id\":\"00000000-0000-4000-8000-000000000001\"}", valid.get(4)));

        try (TestKafka broker = TestKafka.start(dir.resolve("kafka"))) {
            int code = cli.run("publish", "--events", events.toString(), "--bootstrap-servers", broker.bootstrapServers(),
                    "--create-topics", "--partitions", "2");

            assertThat(code).as(cli.err()).isZero();
            assertThat(cli.err()).isEmpty();
            assertThat(cli.out())
                    .contains("published " + events + " to Kafka at " + broker.bootstrapServers())
                    .containsPattern("lines read +8")
                    .containsPattern("published +5")
                    .containsPattern("sync\\.started +1").containsPattern("sync\\.succeeded +1")
                    .containsPattern("diagnostic\\.emitted +1").containsPattern("document\\.linked +1")
                    .containsPattern("collect\\.status_changed +1")
                    .containsPattern("invalid lines +2")
                    .contains("line 3: ").contains("line 7: ");
            // Idempotent producer, no transactions: every record is one event, so the end offsets count them.
            assertThat(recordsPerTopic(broker)).isEqualTo(Map.of(
                    Topics.SYNC_RUNS.name(), 2L, Topics.DIAGNOSTICS.name(), 1L, Topics.DOCUMENT_LINKS.name(), 1L, Topics.COLLECTS.name(), 1L));
        }
    }

    @Test
    void shouldSayInOneLineWhatIsMissingBeforeReadingALine(@TempDir Path dir) throws Exception {
        Path events = Files.write(dir.resolve("events.jsonl"), List.of("{}"));
        try (TestKafka broker = TestKafka.start(dir.resolve("kafka"))) {
            int noTopics = cli.run("publish", "--events", events.toString(), "--bootstrap-servers", broker.bootstrapServers());

            assertThat(noTopics).isEqualTo(SyncLedgerCli.EXIT_RUNTIME_FAILURE);
            assertThat(cli.err().strip()).doesNotContain("\n").contains("lacks the topics").contains(Topics.SYNC_RUNS.name())
                    .contains("--create-topics");

            cli.clear();
            int noRegistry = cli.run("publish", "--events", events.toString(), "--bootstrap-servers", broker.bootstrapServers(),
                    "--schema-registry-url", "http://127.0.0.1:1", "--connect-timeout", "2s", "--create-topics");

            assertThat(noRegistry).isEqualTo(SyncLedgerCli.EXIT_RUNTIME_FAILURE);
            assertThat(cli.err().strip()).doesNotContain("\n").doesNotContain("Exception")
                    .contains("cannot reach the schema registry at http://127.0.0.1:1").contains("--schema-registry-url");
            assertThat(cli.out()).isEmpty();
        }
    }

    private static String first(List<String> lines, String type) {
        return first(lines, type, "");
    }

    /** The sample holds invalid lines on purpose; {@code including} picks a valid one. */
    private static String first(List<String> lines, String type, String including) {
        return lines.stream().filter(line -> line.contains("\"type\":\"" + type + "\"") && line.contains(including))
                .findFirst().orElseThrow();
    }

    /** Records on each input topic: publish flushed with acks=all before it exited, so the end offsets are final. */
    private static Map<String, Long> recordsPerTopic(TestKafka broker) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()))) {
            Map<TopicPartition, OffsetSpec> partitions = new HashMap<>();
            admin.describeTopics(Topics.INPUTS.stream().map(Topics.TopicSpec::name).toList()).allTopicNames().get()
                    .forEach((topic, description) -> description.partitions()
                            .forEach(p -> partitions.put(new TopicPartition(topic, p.partition()), OffsetSpec.latest())));
            return admin.listOffsets(partitions).all().get().entrySet().stream()
                    .filter(entry -> entry.getValue().offset() > 0)
                    .collect(Collectors.groupingBy(entry -> entry.getKey().topic(), Collectors.summingLong(entry -> entry.getValue().offset())));
        }
    }
}
