package dev.khabar.common.service;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/**
 * Every {@code KHABAR_*} environment variable Khabar reads, as README.md documents them (a test
 * keeps the two equal). A service refuses to start when its environment holds another: a mistyped
 * name would otherwise be ignored in silence and its default used.
 */
public final class KnownVariables {

  /** The names, shared by every service: one environment often serves all three. */
  public static final Set<String> NAMES =
      Set.of(
          "KHABAR_EMBEDDED_DATA",
          "KHABAR_EMBEDDED_ES_PORT",
          "KHABAR_EMBEDDED_KAFKA_PORT",
          "KHABAR_ENRICH_APPLICATION_ID",
          "KHABAR_ENRICH_BOILERPLATE_MIN_PAGES",
          "KHABAR_ENRICH_BOILERPLATE_PERCENT",
          "KHABAR_ENRICH_NER_MODELS",
          "KHABAR_ENRICH_ROCKSDB_MEMORY",
          "KHABAR_ENRICH_STANDBY_REPLICAS",
          "KHABAR_ENRICH_STATE_DIR",
          "KHABAR_ENRICH_THREADS",
          "KHABAR_ES_ALIAS",
          "KHABAR_ES_API_KEY",
          "KHABAR_ES_CA_CERT",
          "KHABAR_ES_PASSWORD",
          "KHABAR_ES_URL",
          "KHABAR_ES_USERNAME",
          "KHABAR_HOME",
          "KHABAR_HTTP_HOST",
          "KHABAR_HTTP_PORT",
          "KHABAR_INDEXER_BULK_ACTIONS",
          "KHABAR_INDEXER_BULK_BYTES",
          "KHABAR_INDEXER_BULK_CONCURRENCY",
          "KHABAR_INDEXER_FLUSH_INTERVAL",
          "KHABAR_INDEXER_GROUP_ID",
          "KHABAR_INDEXER_MAX_BACKOFF",
          "KHABAR_INDEXER_MAX_IN_FLIGHT",
          "KHABAR_INDEXER_PASSWORD",
          "KHABAR_INDEXER_TRANSACTIONAL_ID",
          "KHABAR_INGEST_ALLOW_PRIVATE",
          "KHABAR_INGEST_BATCH_WAIT",
          "KHABAR_INGEST_CONCURRENCY",
          "KHABAR_INGEST_CONNECT_TIMEOUT",
          "KHABAR_INGEST_DELAY",
          "KHABAR_INGEST_FEEDS",
          "KHABAR_INGEST_GROUP_ID",
          "KHABAR_INGEST_MAX_AGE",
          "KHABAR_INGEST_MAX_ATTEMPTS",
          "KHABAR_INGEST_MAX_CRAWL_DELAY",
          "KHABAR_INGEST_MAX_PAGE_BYTES",
          "KHABAR_INGEST_MAX_POLL",
          "KHABAR_INGEST_MIN_POLL",
          "KHABAR_INGEST_REFETCH_COUNT",
          "KHABAR_INGEST_REFETCH_WINDOW",
          "KHABAR_INGEST_ROBOTS_EXPIRY",
          "KHABAR_INGEST_SESSION_TIMEOUT",
          "KHABAR_INGEST_SITE_PARTITIONS",
          "KHABAR_INGEST_SITEMAPS",
          "KHABAR_INGEST_SOURCES",
          "KHABAR_INGEST_TOTAL_TIMEOUT",
          "KHABAR_INGEST_TRANSACTIONAL_ID",
          "KHABAR_INGEST_USER_AGENT",
          "KHABAR_INSTANCE_ID",
          "KHABAR_KAFKA_BOOTSTRAP",
          "KHABAR_KAFKA_SASL_JAAS_CONFIG",
          "KHABAR_KAFKA_SASL_MECHANISM",
          "KHABAR_KAFKA_SECURITY_PROTOCOL",
          "KHABAR_KIBANA_API_KEY",
          "KHABAR_KIBANA_CA_CERT",
          "KHABAR_KIBANA_PASSWORD",
          "KHABAR_KIBANA_URL",
          "KHABAR_KIBANA_USERNAME",
          "KHABAR_LOG_FORMAT",
          "KHABAR_LOG_LEVEL",
          "KHABAR_PUBLISH_ADDRESS",
          "KHABAR_SAMPLE_SITE_DIR",
          "KHABAR_SAMPLE_SITE_PORT",
          "KHABAR_SOURCES_FILE",
          "KHABAR_TOPIC_ARTICLES",
          "KHABAR_TOPIC_ENRICH_DLQ",
          "KHABAR_TOPIC_INDEXER_DLQ",
          "KHABAR_TOPIC_INGEST_DLQ",
          "KHABAR_TOPIC_INGEST_POLITENESS",
          "KHABAR_TOPIC_INGEST_REFETCHES",
          "KHABAR_TOPIC_INGEST_SEEN",
          "KHABAR_TOPIC_INGEST_SITES",
          "KHABAR_TOPIC_PAGES_RAW",
          "KHABAR_TOPIC_PARTITIONS",
          "KHABAR_VERSION");

  /** Names Khabar no longer reads, with what replaced them. */
  private static final Map<String, String> RETIRED =
      Map.of(
          "KHABAR_INGEST_ALLOW_LOOPBACK",
          "gone: name the hosts to reach in KHABAR_INGEST_ALLOW_PRIVATE");

  private KnownVariables() {}

  /**
   * The {@code KHABAR_*} names of {@code environment} that Khabar does not read, each with a hint:
   * the known name it was likely meant to be. Empty when all are known.
   */
  public static List<String> unknown(Map<String, String> environment) {
    List<String> problems = new ArrayList<>();
    for (String name : new TreeSet<>(environment.keySet())) {
      if (name.startsWith("KHABAR_") && !NAMES.contains(name)) {
        String retired = RETIRED.get(name);
        String closest = closest(name);
        problems.add(
            name
                + (retired != null
                    ? " (" + retired + ")"
                    : closest == null ? "" : " (did you mean " + closest + "?)"));
      }
    }
    return problems;
  }

  /**
   * Fails with every unknown name at once.
   *
   * @throws IllegalStateException if {@code environment} holds a {@code KHABAR_*} name Khabar does
   *     not read
   */
  public static void requireKnown(Map<String, String> environment) {
    List<String> unknown = unknown(environment);
    if (!unknown.isEmpty()) {
      throw new IllegalStateException(
          "unknown environment variable"
              + (unknown.size() == 1 ? " " : "s ")
              + String.join(", ", unknown)
              + ": not read by Khabar (README.md, Configuration, lists every one)");
    }
  }

  /** The known name within three edits of {@code name}, the nearest; null when none is. */
  private static @Nullable String closest(String name) {
    @Nullable String best = null;
    int bestDistance = 4;
    for (String known : new TreeSet<>(NAMES)) {
      int d = distance(name, known);
      if (d < bestDistance) {
        best = known;
        bestDistance = d;
      }
    }
    return best;
  }

  /** Levenshtein distance. */
  private static int distance(String a, String b) {
    int[] previous = new int[b.length() + 1];
    int[] current = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      previous[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      current[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int substitute = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
        current[j] = Math.min(substitute, Math.min(previous[j], current[j - 1]) + 1);
      }
      int[] t = previous;
      previous = current;
      current = t;
    }
    return previous[b.length()];
  }
}
