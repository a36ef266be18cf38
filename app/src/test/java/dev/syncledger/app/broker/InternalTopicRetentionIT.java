package dev.syncledger.app.broker;

import static org.assertj.core.api.Assertions.assertThat;

import dev.syncledger.app.testing.TestKafka;
import dev.syncledger.processor.topics.TopicProvisioner;
import dev.syncledger.schemas.Topics;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The owners' answers carry the claiming events' times, weeks old in a replay: a topic deleting by time would drop
 * an answer before its claimant reads it. The internal topic is bounded by size only, whether the provisioner creates
 * it or finds it made by an older build with the broker's time retention.
 */
class InternalTopicRetentionIT {

    @TempDir
    Path dataDir;

    @Test
    void shouldBoundTheInternalTopicBySizeNeverByTimeWhenCreatingItOrFindingItWithATimeRetention() throws Exception {
        try (TestKafka broker = TestKafka.start(dataDir);
                Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()))) {
            TopicProvisioner provisioner = new TopicProvisioner(admin);
            provisioner.ensure(List.of(Topics.CONNECTOR_OWNERS), 2, (short) 1);
            assertThat(retention(admin, Topics.CONNECTOR_OWNERS.name())).containsExactly("-1", Long.toString(256L << 20));

            String older = "older-build.internal";
            admin.createTopics(List.of(new NewTopic(older, 2, (short) 1).configs(Map.of(TopicConfig.RETENTION_MS_CONFIG, "604800000"))))
                    .all().get(30, TimeUnit.SECONDS);
            provisioner.ensure(List.of(new Topics.TopicSpec(older, false, Topics.TopicSpec.Role.INTERNAL)), 2, (short) 1);
            assertThat(retention(admin, older)).containsExactly("-1", Long.toString(256L << 20));
        }
    }

    /** retention.ms, then retention.bytes. */
    private static List<String> retention(Admin admin, String topic) throws Exception {
        ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
        Config config = admin.describeConfigs(Set.of(resource)).all().get(30, TimeUnit.SECONDS).get(resource);
        return List.of(config.get(TopicConfig.RETENTION_MS_CONFIG).value(), config.get(TopicConfig.RETENTION_BYTES_CONFIG).value());
    }
}
