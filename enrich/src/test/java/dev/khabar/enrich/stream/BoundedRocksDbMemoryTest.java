package dev.khabar.enrich.stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;
import org.apache.kafka.streams.state.ValueAndTimestamp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rocksdb.BlockBasedTableConfig;
import org.rocksdb.Options;

class BoundedRocksDbMemoryTest {

  private static final long BUDGET = 32L << 20;

  @Test
  void everyStoreOfTheProcessSharesOneBudgetThatStreamsApplies(@TempDir Path state) {
    StreamsBuilder builder = new StreamsBuilder();
    builder.table(
        "pages",
        Consumed.with(Serdes.String(), Serdes.String()),
        Materialized.<String, String>as(Stores.persistentKeyValueStore("pages-store")));
    Properties props = new Properties();
    props.put(StreamsConfig.APPLICATION_ID_CONFIG, "bounded-rocksdb");
    props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:9");
    props.put(StreamsConfig.STATE_DIR_CONFIG, state.toString());
    props.put(StreamsConfig.ROCKSDB_CONFIG_SETTER_CLASS_CONFIG, BoundedRocksDbMemory.class);
    props.put(BoundedRocksDbMemory.TOTAL_BYTES_CONFIG, BUDGET);

    try (TopologyTestDriver driver = new TopologyTestDriver(builder.build(), props)) {
      driver
          .createInputTopic("pages", new StringSerializer(), new StringSerializer())
          .pipeInput("a", "page a");
      KeyValueStore<String, ValueAndTimestamp<String>> store =
          driver.getTimestampedKeyValueStore("pages-store");
      // A store of RocksDB, opened with the setter: the budget is the configured one.
      assertEquals(BUDGET, BoundedRocksDbMemory.totalBytes());
      assertEquals("page a", store.get("a").value());
    }

    try (Options first = new Options();
        Options second = new Options()) {
      first.setTableFormatConfig(new BlockBasedTableConfig());
      second.setTableFormatConfig(new BlockBasedTableConfig());
      BoundedRocksDbMemory setter = new BoundedRocksDbMemory();
      setter.setConfig("one", first, Map.of());
      setter.setConfig("two", second, Map.of(BoundedRocksDbMemory.TOTAL_BYTES_CONFIG, "1024"));

      assertSame(first.writeBufferManager(), second.writeBufferManager());
      // The first store opened fixes the budget for the process.
      assertEquals(BUDGET, BoundedRocksDbMemory.totalBytes());
    }
  }
}
