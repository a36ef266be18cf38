package dev.syncledger.sink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.syncledger.sink.db.Database;
import java.time.Duration;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.junit.jupiter.api.Test;

class SinkConfigTest {

    @Test
    void shouldDefaultToTheLocalDatabaseAndTheSinksGroup() {
        SinkConfig config = SinkConfig.of("localhost:9092");

        assertThat(config.databaseUrl()).isEqualTo("jdbc:postgresql://localhost:5432/postgres?user=postgres");
        assertThat(config.schema()).isEqualTo(Database.DEFAULT_SCHEMA).isEqualTo("sync_ledger");
        assertThat(config.groupId()).isEqualTo("sync-ledger-sink");
        assertThat(config.maxBatchRecords()).isEqualTo(250_000);
        assertThat(config.maxBatchRows()).isEqualTo(100_000);
        assertThat(config.serde().schemaRegistryUrl()).isEmpty();
        assertThat(config.consumerOverrides()).isEmpty();
    }

    @Test
    void shouldReadCommittedRecordsAndNeverAutoCommitWhateverTheOverrides() {
        SinkConfig config = SinkConfig.of("broker:9092")
                .withGroupId("sink-a")
                .withMaxBatchRecords(100)
                .withConsumerOverrides(Map.of(
                        ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, true,
                        ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_uncommitted",
                        ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG, 6000));

        Map<String, Object> properties = SyncLedgerSink.consumerProperties(config);

        assertThat(properties)
                .containsEntry(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, "broker:9092")
                .containsEntry(ConsumerConfig.GROUP_ID_CONFIG, "sink-a")
                .containsEntry(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false)
                .containsEntry(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed")
                .containsEntry(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest")
                .containsEntry(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 100)
                .containsEntry(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG, 6000);
    }

    @Test
    void shouldRefuseValuesTheSinkCannotRunWith() {
        SinkConfig config = SinkConfig.of("localhost:9092");

        assertThatThrownBy(() -> SinkConfig.of(" ")).hasMessageContaining("bootstrap servers");
        assertThatThrownBy(() -> config.withSchema("Sync-Ledger")).hasMessageStartingWith("not a usable schema name");
        assertThatThrownBy(() -> config.withMaxBatchRecords(0)).hasMessageContaining("maxBatchRecords");
        assertThatThrownBy(() -> config.withMaxBatchRows(0)).hasMessageContaining("maxBatchRows");
        assertThatThrownBy(() -> config.withPollTimeout(Duration.ZERO)).hasMessageContaining("pollTimeout");
        assertThatThrownBy(() -> config.withGroupId("")).hasMessageContaining("groupId");
    }
}
