package dev.syncledger.processor.store;

import java.util.Map;
import org.apache.kafka.streams.state.RocksDBConfigSetter;
import org.rocksdb.BlockBasedTableConfig;
import org.rocksdb.Cache;
import org.rocksdb.CompactionOptionsUniversal;
import org.rocksdb.LRUCache;
import org.rocksdb.Options;
import org.rocksdb.RocksDB;
import org.rocksdb.WriteBufferManager;

/**
 * What the processor's RocksDB stores may take, on disk and in memory, whatever the partition count.
 *
 * <p>Disk: most of what the ledger stores write is deleted again once the horizon passes, and under Kafka Streams'
 * universal compaction the deleted values and their tombstones stay on disk until a compaction merges every sorted
 * run; RocksDB's default waits until the newer runs reach twice the oldest (a size amplification of 200%), so a store
 * could take three times its live size. A full compaction now comes once they reach
 * {@value #MAX_SIZE_AMPLIFICATION_PERCENT}% of it. Memtables of {@value #WRITE_BUFFER_BYTES} bytes instead of Kafka
 * Streams' 16 MiB: each flush adds a sorted run of about that size and up to three wait for the next compaction, so
 * smaller flushes keep what a store has on disk beyond what it holds to a few MiB.
 *
 * <p>Memory: Kafka Streams gives every store of every task a block cache of its own (50 MiB) and keeps index and
 * filter blocks outside it, so RocksDB's memory grows with the partitions an instance owns. Here every store of the
 * process reads through one cache of {@value #CACHE_BYTES} bytes that also holds the index and filter blocks and is
 * charged for the memtables, which flush early once together they pass {@value #MEMTABLE_BYTES} bytes.
 */
public final class BoundedRocksDB implements RocksDBConfigSetter {

    static final int MAX_SIZE_AMPLIFICATION_PERCENT = 25;
    static final long WRITE_BUFFER_BYTES = 4L << 20;
    static final long CACHE_BYTES = 512L << 20;
    static final long MEMTABLE_BYTES = 128L << 20;
    /** The cache's share kept for index and filter blocks, which every read needs. */
    private static final double INDEX_AND_FILTER_SHARE = 0.1;

    // Shared by every store of the process for its lifetime, so never closed by a store.
    private static final Cache CACHE;
    private static final WriteBufferManager MEMTABLES;

    static {
        RocksDB.loadLibrary();
        CACHE = new LRUCache(CACHE_BYTES, -1, false, INDEX_AND_FILTER_SHARE);
        MEMTABLES = new WriteBufferManager(MEMTABLE_BYTES, CACHE);
    }

    // Kafka Streams makes one setter per store, so one native object of the store's own to close per instance.
    private CompactionOptionsUniversal universal;

    @Override
    public void setConfig(String storeName, Options options, Map<String, Object> configs) {
        universal = new CompactionOptionsUniversal();
        universal.setMaxSizeAmplificationPercent(MAX_SIZE_AMPLIFICATION_PERCENT);
        options.setCompactionOptionsUniversal(universal);
        options.setWriteBufferSize(WRITE_BUFFER_BYTES);
        options.setWriteBufferManager(MEMTABLES);
        // Kafka Streams' own table configuration, changed in place: it reads its cache metrics from it.
        BlockBasedTableConfig table = (BlockBasedTableConfig) options.tableFormatConfig();
        table.setBlockCache(CACHE);
        table.setCacheIndexAndFilterBlocks(true);
        table.setCacheIndexAndFilterBlocksWithHighPriority(true);
        table.setPinTopLevelIndexAndFilter(true);
        options.setTableFormatConfig(table);
    }

    @Override
    public void close(String storeName, Options options) {
        if (universal != null) {
            universal.close();
            universal = null;
        }
    }
}
