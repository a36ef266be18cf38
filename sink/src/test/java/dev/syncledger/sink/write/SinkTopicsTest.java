package dev.syncledger.sink.write;

import static org.assertj.core.api.Assertions.assertThat;

import dev.syncledger.schemas.Topics;
import dev.syncledger.schemas.Topics.TopicSpec;
import org.junit.jupiter.api.Test;

class SinkTopicsTest {

    @Test
    void shouldNeverConsumeTheProcessorsInternalTopics() {
        assertThat(Topics.ALL).filteredOn(spec -> spec.role() == TopicSpec.Role.INTERNAL).isNotEmpty()
                .extracting(TopicSpec::name)
                .doesNotContainAnyElementsOf(SinkRecordReader.TOPICS);
    }
}
