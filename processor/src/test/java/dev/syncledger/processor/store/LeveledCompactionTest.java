package dev.syncledger.processor.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.syncledger.processor.StreamsSettings;
import dev.syncledger.schemas.kafka.KafkaConnection;
import java.nio.file.Path;
import java.util.Map;
import org.apache.kafka.streams.StreamsConfig;
import org.junit.jupiter.api.Test;
import org.rocksdb.CompactionStyle;
import org.rocksdb.Options;

class LeveledCompactionTest {

    @Test
    void shouldGiveEveryStoreLeveledCompactionWithDynamicLevelsAndADailyPeriodicCompaction() {
        try (Options options = new Options().setCompactionStyle(CompactionStyle.UNIVERSAL)) {
            new LeveledCompaction().setConfig("sync-log-ledgers", options, Map.of());

            assertThat(options.compactionStyle()).isEqualTo(CompactionStyle.LEVEL);
            assertThat(options.levelCompactionDynamicLevelBytes()).isTrue();
            assertThat(options.periodicCompactionSeconds()).isEqualTo(24 * 60 * 60);
        }
    }

    @Test
    void shouldBeWhatTheProcessorConfiguresKafkaStreamsWith() {
        StreamsSettings settings = StreamsSettings.defaults(KafkaConnection.to("localhost:9092"), Path.of("state"));

        assertThat(settings.toProperties().get(StreamsConfig.ROCKSDB_CONFIG_SETTER_CLASS_CONFIG)).isEqualTo(LeveledCompaction.class);
    }
}
