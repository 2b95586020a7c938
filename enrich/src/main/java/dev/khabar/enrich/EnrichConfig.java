package dev.khabar.enrich;

import dev.khabar.common.contract.Topics;
import dev.khabar.common.service.Env;
import dev.khabar.common.service.InstanceId;
import dev.khabar.common.service.KafkaSettings;
import dev.khabar.enrich.stream.BoundedRocksDbMemory;
import dev.khabar.enrich.stream.EnrichTopology;
import java.nio.file.Path;
import org.jspecify.annotations.Nullable;

/** Everything the enrich service reads from its environment, read once at start. */
public record EnrichConfig(
    KafkaSettings kafka,
    String applicationId,
    InstanceId instance,
    String rawTopic,
    String articlesTopic,
    String deadLetterTopic,
    int articlePartitions,
    String stateDir,
    int streamThreads,
    @Nullable Path nerModels,
    long rocksDbBytes,
    int standbyReplicas,
    EnrichTopology.Learning learning,
    String httpHost,
    int httpPort) {

  public static EnrichConfig fromEnv(Env env) {
    return new EnrichConfig(
        KafkaSettings.fromEnv(env),
        env.string("KHABAR_ENRICH_APPLICATION_ID", "khabar-enrich"),
        InstanceId.fromEnv(env),
        env.string("KHABAR_TOPIC_PAGES_RAW", Topics.PAGES_RAW),
        env.string("KHABAR_TOPIC_ARTICLES", Topics.ARTICLES),
        env.string("KHABAR_TOPIC_ENRICH_DLQ", Topics.ENRICH_DLQ),
        env.integer("KHABAR_TOPIC_PARTITIONS", 6, 1, 1000),
        env.string(
            "KHABAR_ENRICH_STATE_DIR", System.getProperty("java.io.tmpdir") + "/khabar-enrich"),
        env.integer("KHABAR_ENRICH_THREADS", 2, 1, 64),
        env.optional("KHABAR_ENRICH_NER_MODELS").map(Path::of).orElse(null),
        env.bytes("KHABAR_ENRICH_ROCKSDB_MEMORY", BoundedRocksDbMemory.DEFAULT_TOTAL_BYTES),
        env.integer("KHABAR_ENRICH_STANDBY_REPLICAS", 0, 0, 10),
        new EnrichTopology.Learning(
            env.integer("KHABAR_ENRICH_BOILERPLATE_MIN_PAGES", 5, 2, 1_000_000),
            env.integer("KHABAR_ENRICH_BOILERPLATE_PERCENT", 50, 1, 100) / 100.0),
        env.string("KHABAR_HTTP_HOST", "127.0.0.1"),
        env.integer("KHABAR_HTTP_PORT", 8082, 0, 65535));
  }
}
