package dev.khabar.ingest;

import dev.khabar.common.contract.Topics;
import dev.khabar.common.service.Env;
import dev.khabar.common.service.InstanceId;
import dev.khabar.common.service.KafkaSettings;
import dev.khabar.ingest.address.AllowList;
import dev.khabar.ingest.crawl.Refetches;
import dev.khabar.ingest.fetch.FetchSettings;
import dev.khabar.ingest.sources.Publisher;
import dev.khabar.ingest.sources.Site;
import dev.khabar.ingest.sources.SourcesFile;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Everything the ingest service reads from its environment, read once at start. */
public record IngestConfig(
    KafkaSettings kafka,
    String rawTopic,
    String seenTopic,
    String deadLetterTopic,
    String sitesTopic,
    String refetchTopic,
    String politenessTopic,
    int rawPartitions,
    int sitePartitions,
    String groupId,
    String groupInstanceId,
    Duration sessionTimeout,
    String transactionalId,
    Duration publishBatchWait,
    FetchSettings fetch,
    AllowList allowPrivate,
    Duration defaultDelay,
    int maxConcurrentFetches,
    Duration robotsExpiry,
    Duration maxCrawlDelay,
    List<Site> sites,
    Refetches refetches,
    String httpHost,
    int httpPort) {

  public static IngestConfig fromEnv(Env env) throws IOException {
    if (env.optional("KHABAR_INGEST_ALLOW_LOOPBACK").isPresent()) {
      throw new IllegalArgumentException(
          "KHABAR_INGEST_ALLOW_LOOPBACK is gone: name the hosts to reach in"
              + " KHABAR_INGEST_ALLOW_PRIVATE, e.g. 127.0.0.1:8088");
    }
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
        env.string("KHABAR_TOPIC_INGEST_SITES", Topics.INGEST_SITES),
        env.string("KHABAR_TOPIC_INGEST_REFETCHES", Topics.INGEST_REFETCHES),
        env.string("KHABAR_TOPIC_INGEST_POLITENESS", Topics.INGEST_POLITENESS),
        env.integer("KHABAR_TOPIC_PARTITIONS", 6, 1, 1000),
        env.integer("KHABAR_INGEST_SITE_PARTITIONS", 24, 1, 10_000),
        env.string("KHABAR_INGEST_GROUP_ID", "khabar-ingest"),
        // Stable per instance: a restarted instance gets its sites back without a rebalance.
        InstanceId.fromEnv(env).qualified("khabar-ingest"),
        sessionTimeout(env),
        // Stable per instance: a successor aborts what a killed predecessor left open, at once.
        env.string(
            "KHABAR_INGEST_TRANSACTIONAL_ID", InstanceId.fromEnv(env).qualified("khabar-ingest")),
        env.duration("KHABAR_INGEST_BATCH_WAIT", Duration.ofMillis(10)),
        fetch,
        AllowList.parse(env.string("KHABAR_INGEST_ALLOW_PRIVATE", "")),
        defaults.delay(),
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
   * How long the group waits for a silent instance before its sites move: between 6 s (the broker's
   * smallest by default) and 30 s, so that a dead instance's sites move within 30 s.
   */
  private static Duration sessionTimeout(Env env) {
    Duration timeout = env.duration("KHABAR_INGEST_SESSION_TIMEOUT", Duration.ofSeconds(15));
    if (timeout.compareTo(Duration.ofSeconds(6)) < 0
        || timeout.compareTo(Duration.ofSeconds(30)) > 0) {
      throw new IllegalArgumentException(
          "KHABAR_INGEST_SESSION_TIMEOUT must be between 6s and 30s, was " + timeout);
    }
    return timeout;
  }

  /**
   * The sites to follow: from {@code KHABAR_INGEST_SOURCES} (a sources file), plus any feed and
   * sitemap URLs in {@code KHABAR_INGEST_FEEDS} / {@code KHABAR_INGEST_SITEMAPS}, one site per
   * publisher (registrable domain) among them, named {@code feed-N} or {@code sitemap-N} after the
   * first URL that brought it; the bundled list of real news sites when none is given.
   */
  static List<Site> sites(Env env, SourcesFile.Defaults defaults) throws IOException {
    List<Site> sites = new ArrayList<>();
    Optional<String> file = env.optional("KHABAR_INGEST_SOURCES");
    if (file.isPresent()) {
      sites.addAll(SourcesFile.read(Path.of(file.get()), defaults));
    }
    Map<String, AdHoc> byPublisher = new LinkedHashMap<>();
    int[] counts = new int[2];
    for (String feed : env.list("KHABAR_INGEST_FEEDS", List.of())) {
      byPublisher
          .computeIfAbsent(publisher(feed), key -> new AdHoc("feed-" + ++counts[0]))
          .feeds()
          .add(feed);
    }
    for (String sitemap : env.list("KHABAR_INGEST_SITEMAPS", List.of())) {
      byPublisher
          .computeIfAbsent(publisher(sitemap), key -> new AdHoc("sitemap-" + ++counts[1]))
          .sitemaps()
          .add(sitemap);
    }
    for (AdHoc site : byPublisher.values()) {
      sites.add(adHoc(site.id(), site.feeds(), site.sitemaps(), defaults));
    }
    return sites.isEmpty() ? SourcesFile.bundled(defaults) : List.copyOf(sites);
  }

  /** The URLs of one publisher given in the environment. */
  private record AdHoc(String id, List<String> feeds, List<String> sitemaps) {
    AdHoc(String id) {
      this(id, new ArrayList<>(), new ArrayList<>());
    }
  }

  private static String publisher(String url) {
    try {
      String host = new URI(url).getHost();
      return host == null ? url : Publisher.of(host);
    } catch (URISyntaxException e) {
      return url;
    }
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
