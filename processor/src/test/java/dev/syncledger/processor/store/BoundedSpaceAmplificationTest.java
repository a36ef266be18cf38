package dev.syncledger.processor.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.syncledger.processor.StreamsSettings;
import java.nio.file.Path;
import java.util.Map;
import org.apache.kafka.streams.StreamsConfig;
import org.junit.jupiter.api.Test;
import org.rocksdb.CompactionStyle;
import org.rocksdb.Options;
import org.rocksdb.RocksDB;

class BoundedSpaceAmplificationTest {

    static {
        RocksDB.loadLibrary();
    }

    @Test
    void aStoreIsCompactedWholeOnceItsNewerRunsReachAQuarterOfItsOldestAndFlushesSmallRuns() {
        BoundedSpaceAmplification setter = new BoundedSpaceAmplification();
        try (Options options = new Options().setCompactionStyle(CompactionStyle.UNIVERSAL)) {
            assertThat(options.compactionOptionsUniversal()).isNull();

            setter.setConfig("sync-log-ledgers", options, Map.of());

            assertThat(options.compactionOptionsUniversal().maxSizeAmplificationPercent()).isEqualTo(25);
            assertThat(options.writeBufferSize()).isEqualTo(4L << 20);
            // Kafka Streams' own choice of compaction style stays.
            assertThat(options.compactionStyle()).isEqualTo(CompactionStyle.UNIVERSAL);
            setter.close("sync-log-ledgers", options);
        }
    }

    @Test
    void everyProcessorStoreIsConfiguredByIt() {
        StreamsSettings settings = StreamsSettings.defaults("127.0.0.1:9092", Path.of("state"));

        assertThat(settings.toProperties().get(StreamsConfig.ROCKSDB_CONFIG_SETTER_CLASS_CONFIG))
                .isEqualTo(BoundedSpaceAmplification.class);
    }
}
