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
    void shouldReadEveryDeclaredInputTopic() {
        Set<String> read = new HashSet<>();
        nodes().stream()
                .filter(node -> node instanceof TopologyDescription.Source)
                .forEach(node -> read.addAll(((TopologyDescription.Source) node).topicSet()));

        assertThat(read).containsExactlyInAnyOrderElementsOf(Topics.INPUTS.stream().map(TopicSpec::name).toList());
    }

    @Test
    void shouldDeclareStateTopicsCompactedAndTheOthersNot() {
        assertThat(Topics.STATES).allMatch(TopicSpec::compacted);
        assertThat(Topics.INPUTS).noneMatch(TopicSpec::compacted);
        assertThat(Topics.REJECTED.compacted()).isFalse();
    }

    private Set<TopologyDescription.Node> nodes() {
        Set<TopologyDescription.Node> all = new HashSet<>();
        description.subtopologies().forEach(subtopology -> all.addAll(subtopology.nodes()));
        return all;
    }
}
