package dev.syncledger.processor.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.syncledger.processor.StreamsSettings;
import java.nio.file.Path;
import java.util.Map;
import org.apache.kafka.streams.StreamsConfig;
import org.junit.jupiter.api.Test;
import org.rocksdb.BlockBasedTableConfig;
import org.rocksdb.CompactionStyle;
import org.rocksdb.Options;
import org.rocksdb.RocksDB;

class BoundedRocksDBTest {

    static {
        RocksDB.loadLibrary();
    }

    @Test
    void aStoreIsCompactedWholeOnceItsNewerRunsReachAQuarterOfItsOldestAndFlushesSmallRuns() {
        BoundedRocksDB setter = new BoundedRocksDB();
        try (Options options = kafkaStreamsDefaults()) {
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
    void everyStoreKeepsItsIndexesAndFiltersInTheCache() {
        BoundedRocksDB first = new BoundedRocksDB();
        BoundedRocksDB second = new BoundedRocksDB();
        try (Options one = kafkaStreamsDefaults(); Options other = kafkaStreamsDefaults()) {
            first.setConfig("sync-log-ledgers", one, Map.of());
            second.setConfig("connectors", other, Map.of());

            BlockBasedTableConfig oneTable = (BlockBasedTableConfig) one.tableFormatConfig();
            BlockBasedTableConfig otherTable = (BlockBasedTableConfig) other.tableFormatConfig();
            assertThat(oneTable.cacheIndexAndFilterBlocks()).isTrue();
            assertThat(oneTable.pinTopLevelIndexAndFilter()).isTrue();
            assertThat(otherTable.cacheIndexAndFilterBlocks()).isTrue();
            first.close("sync-log-ledgers", one);
            second.close("connectors", other);
        }
    }

    @Test
    void storesWithOneBudgetShareOneCacheOfThatSizeAQuarterOfItForMemtables() {
        BoundedRocksDB.SharedMemory budget = BoundedRocksDB.sharedMemory(Map.of(BoundedRocksDB.MEMORY_BYTES_CONFIG, 256L << 20));

        assertThat(budget.cacheBytes()).isEqualTo(256L << 20);
        assertThat(budget.memtableBytes()).isEqualTo(64L << 20);
        assertThat(BoundedRocksDB.sharedMemory(Map.of(BoundedRocksDB.MEMORY_BYTES_CONFIG, "268435456"))).isSameAs(budget);
        assertThat(BoundedRocksDB.sharedMemory(Map.of()).cacheBytes()).isEqualTo(BoundedRocksDB.DEFAULT_MEMORY_BYTES);
    }

    @Test
    void aBudgetTooSmallForTheStoresIsRefused() {
        assertThatThrownBy(() -> BoundedRocksDB.sharedMemory(Map.of(BoundedRocksDB.MEMORY_BYTES_CONFIG, 1L << 20)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(BoundedRocksDB.MEMORY_BYTES_CONFIG);
        assertThatThrownBy(() -> StreamsSettings.defaults("127.0.0.1:9092", Path.of("state")).withStoreMemory(1L << 20))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("storeMemoryBytes");
    }

    @Test
    void everyProcessorStoreIsConfiguredByIt() {
        StreamsSettings settings = StreamsSettings.defaults("127.0.0.1:9092", Path.of("state"));

        assertThat(settings.toProperties().get(StreamsConfig.ROCKSDB_CONFIG_SETTER_CLASS_CONFIG))
                .isEqualTo(BoundedRocksDB.class);
        assertThat(settings.withStoreMemory(1L << 30).toProperties().get(BoundedRocksDB.MEMORY_BYTES_CONFIG)).isEqualTo(1L << 30);
    }

    /** As Kafka Streams hands options to a config setter: universal compaction and a block-based table of its own. */
    private static Options kafkaStreamsDefaults() {
        return new Options().setCompactionStyle(CompactionStyle.UNIVERSAL).setTableFormatConfig(new BlockBasedTableConfig());
    }
}
