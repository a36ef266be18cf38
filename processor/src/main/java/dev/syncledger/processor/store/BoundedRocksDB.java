package dev.syncledger.processor.store;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
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
 * process reads through one cache of {@link #MEMORY_BYTES_CONFIG} bytes (default {@value #DEFAULT_MEMORY_BYTES}) that
 * also holds the index and filter blocks and is charged for the memtables, which flush early once together they pass a
 * quarter of it.
 */
public final class BoundedRocksDB implements RocksDBConfigSetter {

    /** The one budget of the process's stores, in bytes, among the Kafka Streams configs handed to the setter. */
    public static final String MEMORY_BYTES_CONFIG = "sync.ledger.rocksdb.memory.bytes";
    public static final long DEFAULT_MEMORY_BYTES = 512L << 20;
    /** Below this the index and filter blocks of a few dozen stores would not fit. */
    public static final long MIN_MEMORY_BYTES = 64L << 20;

    static final int MAX_SIZE_AMPLIFICATION_PERCENT = 25;
    static final long WRITE_BUFFER_BYTES = 4L << 20;
    /** The cache's share kept for index and filter blocks, which every read needs. */
    private static final double INDEX_AND_FILTER_SHARE = 0.1;

    /**
     * Per budget, the cache and memtable manager every store with that budget shares for the life of the process, so
     * never closed by a store. One entry in a running instance (its budget comes from its settings); a test JVM that
     * starts processors with other budgets holds one per budget used.
     */
    private static final Map<Long, SharedMemory> SHARED = new ConcurrentHashMap<>();

    static {
        RocksDB.loadLibrary();
    }

    /** One budget's cache and the memtable manager charged to it. */
    record SharedMemory(long cacheBytes, long memtableBytes, Cache cache, WriteBufferManager memtables) {

        private static SharedMemory of(long bytes) {
            Cache cache = new LRUCache(bytes, -1, false, INDEX_AND_FILTER_SHARE);
            return new SharedMemory(bytes, bytes / 4, cache, new WriteBufferManager(bytes / 4, cache));
        }
    }

    /** The shared memory for the budget in {@code configs}, the default when it names none. */
    static SharedMemory sharedMemory(Map<String, Object> configs) {
        return SHARED.computeIfAbsent(budget(configs), SharedMemory::of);
    }

    private static long budget(Map<String, Object> configs) {
        Object value = configs.get(MEMORY_BYTES_CONFIG);
        long bytes = value == null ? DEFAULT_MEMORY_BYTES : Long.parseLong(value.toString());
        if (bytes < MIN_MEMORY_BYTES) {
            throw new IllegalArgumentException(MEMORY_BYTES_CONFIG + " must be at least " + MIN_MEMORY_BYTES + ", was " + bytes);
        }
        return bytes;
    }

    // Kafka Streams makes one setter per store, so one native object of the store's own to close per instance.
    private CompactionOptionsUniversal universal;

    @Override
    public void setConfig(String storeName, Options options, Map<String, Object> configs) {
        SharedMemory memory = sharedMemory(configs);
        universal = new CompactionOptionsUniversal();
        universal.setMaxSizeAmplificationPercent(MAX_SIZE_AMPLIFICATION_PERCENT);
        options.setCompactionOptionsUniversal(universal);
        options.setWriteBufferSize(WRITE_BUFFER_BYTES);
        options.setWriteBufferManager(memory.memtables());
        // Kafka Streams' own table configuration, changed in place: it reads its cache metrics from it.
        BlockBasedTableConfig table = (BlockBasedTableConfig) options.tableFormatConfig();
        table.setBlockCache(memory.cache());
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
