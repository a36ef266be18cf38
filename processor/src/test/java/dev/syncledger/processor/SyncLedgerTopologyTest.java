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

    private final TopologyDescription description = SyncLedgerTopology.build(TopologyConfig.defaults()).describe();

    @Test
    void shouldWriteOnlyToDeclaredTopics() {
        Set<String> written = nodes().stream()
                .filter(node -> node instanceof TopologyDescription.Sink)
                .map(node -> ((TopologyDescription.Sink) node).topic())
                .collect(Collectors.toSet());

        Set<String> declared = Topics.ALL.stream().map(TopicSpec::name).collect(Collectors.toSet());
        assertThat(declared).containsAll(written);
        assertThat(written).containsAll(Topics.STATES.stream().map(TopicSpec::name).toList()).contains(Topics.REJECTED.name());
    }

    @Test
    void shouldReadEveryDeclaredInputTopicAndOnlyDeclaredTopics() {
        Set<String> read = new HashSet<>();
        nodes().stream()
                .filter(node -> node instanceof TopologyDescription.Source)
                .forEach(node -> read.addAll(((TopologyDescription.Source) node).topicSet()));

        // The connector status is made from the processor's own state topics, handed over through an internal topic.
        assertThat(read).containsAll(Topics.INPUTS.stream().map(TopicSpec::name).toList())
                .contains(Topics.STATUS_CONTRIBUTIONS.name());
        assertThat(Topics.ALL.stream().map(TopicSpec::name).toList()).containsAll(read);
    }

    @Test
    void shouldDeclareStateTopicsCompactedAndTheOthersNot() {
        assertThat(Topics.STATES).allMatch(TopicSpec::compacted);
        assertThat(Topics.INPUTS).noneMatch(TopicSpec::compacted);
        assertThat(Topics.REJECTED.compacted()).isFalse();
        assertThat(Topics.STATUS_CONTRIBUTIONS.compacted()).as("a hand-over of changes, not current state").isFalse();
    }

    private Set<TopologyDescription.Node> nodes() {
        Set<TopologyDescription.Node> all = new HashSet<>();
        description.subtopologies().forEach(subtopology -> all.addAll(subtopology.nodes()));
        return all;
    }
}
