package dev.syncledger.processor;

import static org.assertj.core.api.Assertions.assertThat;

import dev.syncledger.schemas.Topics;
import dev.syncledger.schemas.Topics.TopicSpec;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.kafka.streams.TopologyDescription;
import org.junit.jupiter.api.Test;

class SyncLedgerTopologyTest {

    /** The topology names the repartition; Kafka Streams prefixes it with the application id. */
    private static final String REPARTITION = SyncLedgerTopology.CONNECTOR_REPARTITION + "-repartition";

    private final TopologyDescription description = SyncLedgerTopology.build(TopologyConfig.defaults()).describe();

    @Test
    void shouldWriteOnlyToDeclaredTopics() {
        Set<String> written = nodes().stream()
                .filter(node -> node instanceof TopologyDescription.Sink)
                .map(node -> ((TopologyDescription.Sink) node).topic())
                .collect(Collectors.toSet());

        Set<String> declared = Topics.ALL.stream().map(TopicSpec::name).collect(Collectors.toSet());
        declared.add(REPARTITION);
        assertThat(declared).containsAll(written);
        assertThat(written).containsAll(Topics.STATES.stream().map(TopicSpec::name).toList())
                .contains(Topics.REJECTED.name(), Topics.ALERTS.name());
    }

    @Test
    void shouldReadEveryDeclaredInputTopicAndOnlyDeclaredTopics() {
        Set<String> read = new HashSet<>();
        nodes().stream()
                .filter(node -> node instanceof TopologyDescription.Source)
                .forEach(node -> read.addAll(((TopologyDescription.Source) node).topicSet()));

        // Besides the inputs: the one repartition by connector, and the owners the connectors' tasks send back.
        assertThat(read).containsAll(Topics.INPUTS.stream().map(TopicSpec::name).toList())
                .contains(REPARTITION, Topics.CONNECTOR_OWNERS.name());
        Set<String> declared = Topics.ALL.stream().map(TopicSpec::name).collect(Collectors.toSet());
        declared.add(REPARTITION);
        assertThat(declared).containsAll(read);
    }

    @Test
    void shouldDeclareStateTopicsCompactedAndTheOthersNot() {
        assertThat(Topics.STATES).allMatch(TopicSpec::compacted);
        assertThat(Topics.INPUTS).noneMatch(TopicSpec::compacted);
        assertThat(Topics.REJECTED.compacted()).isFalse();
        assertThat(Topics.ALERTS.compacted()).as("a history of transitions: compaction would keep one per connector").isFalse();
        assertThat(Topics.CONNECTOR_OWNERS.compacted()).as("answers to claims, read once by the task that asked").isFalse();
    }

    private Set<TopologyDescription.Node> nodes() {
        Set<TopologyDescription.Node> all = new HashSet<>();
        description.subtopologies().forEach(subtopology -> all.addAll(subtopology.nodes()));
        return all;
    }
}
