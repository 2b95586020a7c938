package dev.khabar.enrich.stream;

import java.util.Map;
import org.apache.kafka.streams.state.RocksDBConfigSetter;
import org.jspecify.annotations.Nullable;
import org.rocksdb.BlockBasedTableConfig;
import org.rocksdb.Cache;
import org.rocksdb.LRUCache;
import org.rocksdb.Options;
import org.rocksdb.WriteBufferManager;

/**
 * Bounds the native memory of all of enrich's RocksDB state stores together: one block cache shared
 * by every store of the process holds their blocks, indexes and filters, and counts their memtables
 * too (a write buffer manager charging the same cache). Without it each store takes its own cache
 * and memtables, so memory grows with partitions and stores, outside the heap and so outside {@code
 * -XX:MaxRAMPercentage}. The pattern of Kafka Streams' memory management guide.
 *
 * <p>The total is {@link #TOTAL_BYTES_CONFIG} of the Streams configuration (default {@value
 * #DEFAULT_TOTAL_BYTES} bytes), memtables at most a quarter of it; fixed by the first store that
 * opens in the process.
 */
public final class BoundedRocksDbMemory implements RocksDBConfigSetter {

  /** Streams configuration key of the byte budget of all stores together. */
  public static final String TOTAL_BYTES_CONFIG = "khabar.rocksdb.total.bytes";

  public static final long DEFAULT_TOTAL_BYTES = 128L << 20;

  /** Index and filter blocks are kept at high priority, in this share of the cache. */
  private static final double HIGH_PRIORITY_SHARE = 0.1;

  private static @Nullable Shared shared;

  /** The cache and write buffer manager of all stores; never closed while the process runs. */
  private record Shared(long totalBytes, Cache cache, WriteBufferManager writeBuffers) {}

  static synchronized Shared shared(long totalBytes) {
    if (shared == null) {
      Cache cache = new LRUCache(totalBytes, -1, false, HIGH_PRIORITY_SHARE);
      shared = new Shared(totalBytes, cache, new WriteBufferManager(totalBytes / 4, cache));
    }
    return shared;
  }

  /** The budget in force: that of the first store opened in this process. */
  static synchronized long totalBytes() {
    return shared == null ? 0 : shared.totalBytes();
  }

  @Override
  public void setConfig(String storeName, Options options, Map<String, Object> configs) {
    Object configured = configs.get(TOTAL_BYTES_CONFIG);
    long total =
        configured == null ? DEFAULT_TOTAL_BYTES : Long.parseLong(configured.toString().trim());
    Shared memory = shared(total);
    BlockBasedTableConfig table = (BlockBasedTableConfig) options.tableFormatConfig();
    table.setBlockCache(memory.cache());
    table.setCacheIndexAndFilterBlocks(true);
    table.setCacheIndexAndFilterBlocksWithHighPriority(true);
    table.setPinTopLevelIndexAndFilter(true);
    options.setWriteBufferManager(memory.writeBuffers());
    options.setTableFormatConfig(table);
  }

  @Override
  public void close(String storeName, Options options) {
    // The cache and write buffer manager are shared by every store: closing one store keeps them.
  }
}
