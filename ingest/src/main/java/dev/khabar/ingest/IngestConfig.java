package dev.khabar.ingest;

import dev.khabar.common.contract.Topics;
import dev.khabar.common.service.Env;
import dev.khabar.common.service.InstanceId;
import dev.khabar.common.service.KafkaSettings;
import dev.khabar.ingest.fetch.FetchSettings;
import dev.khabar.ingest.sources.Site;
import dev.khabar.ingest.sources.SourcesFile;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Everything the ingest service reads from its environment, read once at start. */
public record IngestConfig(
    KafkaSettings kafka,
    String rawTopic,
    String seenTopic,
    String deadLetterTopic,
    int rawPartitions,
    String transactionalId,
    Duration publishBatchWait,
    FetchSettings fetch,
    boolean allowLoopback,
    int maxConcurrentFetches,
    Duration robotsExpiry,
    Duration maxCrawlDelay,
    List<Site> sites,
    Refetches refetches,
    String httpHost,
    int httpPort) {

  public static IngestConfig fromEnv(Env env) throws IOException {
    FetchSettings fetch =
        FetchSettings.builder()
            .userAgent(env.string("KHABAR_INGEST_USER_AGENT", FetchSettings.DEFAULT_USER_AGENT))
            .connectTimeout(env.duration("KHABAR_INGEST_CONNECT_TIMEOUT", Duration.ofSeconds(10)))
            .totalTimeout(env.duration("KHABAR_INGEST_TOTAL_TIMEOUT", Duration.ofSeconds(30)))
            .maxBytes(env.bytes("KHABAR_INGEST_MAX_PAGE_BYTES", 5L * 1024 * 1024))
            .maxAttempts(env.integer("KHABAR_INGEST_MAX_ATTEMPTS", 3, 1, 20))
            .build();
    SourcesFile.Defaults defaults =
        new SourcesFile.Defaults(
            env.duration("KHABAR_INGEST_MIN_POLL", SourcesFile.Defaults.STANDARD.minPoll()),
            env.duration("KHABAR_INGEST_MAX_POLL", SourcesFile.Defaults.STANDARD.maxPoll()),
            env.duration("KHABAR_INGEST_DELAY", SourcesFile.Defaults.STANDARD.delay()),
            env.duration("KHABAR_INGEST_MAX_AGE", SourcesFile.Defaults.STANDARD.maxAge()));
    return new IngestConfig(
        KafkaSettings.fromEnv(env),
        env.string("KHABAR_TOPIC_PAGES_RAW", Topics.PAGES_RAW),
        env.string("KHABAR_TOPIC_INGEST_SEEN", Topics.INGEST_SEEN),
        env.string("KHABAR_TOPIC_INGEST_DLQ", Topics.INGEST_DLQ),
        env.integer("KHABAR_TOPIC_PARTITIONS", 6, 1, 1000),
        // Stable per instance: a successor aborts what a killed predecessor left open, at once.
        env.string(
            "KHABAR_INGEST_TRANSACTIONAL_ID", InstanceId.fromEnv(env).qualified("khabar-ingest")),
        env.duration("KHABAR_INGEST_BATCH_WAIT", Duration.ofMillis(10)),
        fetch,
        env.flag("KHABAR_INGEST_ALLOW_LOOPBACK", false),
        env.integer("KHABAR_INGEST_CONCURRENCY", 16, 1, 1024),
        env.duration("KHABAR_INGEST_ROBOTS_EXPIRY", Duration.ofHours(6)),
        env.duration("KHABAR_INGEST_MAX_CRAWL_DELAY", Duration.ofSeconds(30)),
        sites(env, defaults),
        new Refetches(
            env.integer("KHABAR_INGEST_REFETCH_COUNT", 0, 0, 100),
            env.duration("KHABAR_INGEST_REFETCH_WINDOW", Duration.ofHours(6))),
        env.string("KHABAR_HTTP_HOST", "127.0.0.1"),
        env.integer("KHABAR_HTTP_PORT", 8081, 0, 65535));
  }

  /**
   * The sites to follow: from {@code KHABAR_INGEST_SOURCES} (a sources file), plus any feed and
   * sitemap URLs in {@code KHABAR_INGEST_FEEDS} / {@code KHABAR_INGEST_SITEMAPS}; the bundled list
   * of real news sites when none is given.
   */
  static List<Site> sites(Env env, SourcesFile.Defaults defaults) throws IOException {
    List<Site> sites = new ArrayList<>();
    Optional<String> file = env.optional("KHABAR_INGEST_SOURCES");
    if (file.isPresent()) {
      sites.addAll(SourcesFile.read(Path.of(file.get()), defaults));
    }
    List<String> feeds = env.list("KHABAR_INGEST_FEEDS", List.of());
    List<String> sitemaps = env.list("KHABAR_INGEST_SITEMAPS", List.of());
    for (int i = 0; i < feeds.size(); i++) {
      sites.add(adHoc("feed-" + (i + 1), List.of(feeds.get(i)), List.of(), defaults));
    }
    for (int i = 0; i < sitemaps.size(); i++) {
      sites.add(adHoc("sitemap-" + (i + 1), List.of(), List.of(sitemaps.get(i)), defaults));
    }
    return sites.isEmpty() ? SourcesFile.bundled(defaults) : List.copyOf(sites);
  }

  private static Site adHoc(
      String id, List<String> feeds, List<String> sitemaps, SourcesFile.Defaults defaults) {
    return new Site(
        id,
        feeds,
        sitemaps,
        List.of(),
        Optional.empty(),
        defaults.minPoll(),
        defaults.maxPoll(),
        defaults.delay(),
        Optional.empty(),
        Set.of(),
        defaults.maxAge());
  }
}
