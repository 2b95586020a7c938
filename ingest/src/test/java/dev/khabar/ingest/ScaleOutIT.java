package dev.khabar.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.khabar.common.service.Env;
import dev.khabar.embedded.ServiceProcess;
import dev.khabar.embedded.SharedServices;
import dev.khabar.embedded.TopicReader;
import dev.khabar.ingest.LoopbackNewsSite.Visit;
import dev.khabar.ingest.share.SitePartitions;
import dev.khabar.ingest.sources.Site;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Three crawlers share twelve loopback sites through the ingest group; one is killed (SIGKILL: no
 * goodbye to Kafka). Each crawler has a User-Agent of its own, so each site's log says who fetched
 * what, when.
 */
class ScaleOutIT {
  private static final Logger LOG = LoggerFactory.getLogger(ScaleOutIT.class);
  private static final int SITES = 12;
  private static final int PARTITIONS = 6;
  private static final Duration DELAY = Duration.ofMillis(100);

  @TempDir Path logs;

  @Test
  void threeCrawlersShareTheSitesAndTheKilledOnesSitesMoveWithin30Seconds() throws Exception {
    List<LoopbackNewsSite> sites = new ArrayList<>();
    String suffix = "-scale-" + System.nanoTime();
    String raw = "khabar.pages.raw" + suffix;
    String bootstrap = SharedServices.kafka().bootstrapServers();
    try {
      for (String address : addressesTwoPerPartition()) {
        LoopbackNewsSite site = new LoopbackNewsSite(address);
        addArticles(site, 5);
        sites.add(site);
      }
      Map<String, String> env = env(sites, suffix);
      long killedAt;
      try (IngestService a =
              new IngestService(config(env, "a", suffix), IsolatedIngest.LOOPBACK_ONLY);
          IngestService b =
              new IngestService(config(env, "b", suffix), IsolatedIngest.LOOPBACK_ONLY)) {
        a.start();
        b.start();
        try (ServiceProcess c =
            ServiceProcess.start(
                IngestService.class, instanceEnv(env, "c", suffix), logs.resolve("c.log"))) {
          TopicReader.read(bootstrap, raw, 60, Duration.ofSeconds(60), Duration.ZERO);
          awaitEveryCrawlerAtWork(sites, Duration.ofSeconds(60), c);
          sites.forEach(site -> addArticles(site, 5));
          TopicReader.read(bootstrap, raw, 120, Duration.ofSeconds(30), Duration.ZERO);
          assertTrue(c.isAlive(), c.output());
          c.kill();
          killedAt = System.nanoTime();
        }
        sites.forEach(site -> addArticles(site, 5));
        TopicReader.read(bootstrap, raw, 180, Duration.ofSeconds(45), Duration.ZERO);
      }

      List<ConsumerRecord<byte[], byte[]>> pages =
          TopicReader.read(bootstrap, raw, 180, Duration.ofSeconds(10), Duration.ofSeconds(2));
      Map<String, Long> copies =
          pages.stream()
              .collect(
                  Collectors.groupingBy(
                      r -> new String(r.key(), StandardCharsets.UTF_8), Collectors.counting()));
      Set<String> articles =
          sites.stream().flatMap(site -> site.articleUrls().stream()).collect(Collectors.toSet());
      assertEquals(articles, copies.keySet(), "every article published");
      assertEquals(
          Map.of(),
          copies.entrySet().stream()
              .filter(e -> e.getValue() != 1)
              .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue)),
          "articles published more than once");

      List<LoopbackNewsSite> killedOnes = new ArrayList<>();
      for (LoopbackNewsSite site : sites) {
        List<Visit> visits =
            site.visits().stream().sorted(Comparator.comparingLong(Visit::startNanos)).toList();
        assertEachArticleFetchedOnce(site, visits);
        assertOneCrawlerAtATime(site, visits);
        List<Visit> beforeKill = visits.stream().filter(v -> v.startNanos() < killedAt).toList();
        if (!beforeKill.isEmpty() && beforeKill.getLast().agent().startsWith("khabarbot-c")) {
          killedOnes.add(site);
        }
      }
      assertFalse(killedOnes.isEmpty(), "the killed crawler crawled no site when it died");
      for (LoopbackNewsSite site : killedOnes) {
        long last =
            site.visits().stream()
                .filter(v -> v.path().matches("/a(1[1-5])\\.html"))
                .mapToLong(Visit::startNanos)
                .max()
                .orElseThrow();
        long seconds = (last - killedAt) / 1_000_000_000;
        LOG.info("{}: every article added after the kill fetched {} s after it", site, seconds);
        assertTrue(
            seconds < 30,
            site.baseUrl() + ": its articles after the kill were fetched " + seconds + " s later");
      }
    } finally {
      sites.forEach(LoopbackNewsSite::close);
    }
  }

  /** Waits until each of the three crawlers has made the latest request to at least one site. */
  private static void awaitEveryCrawlerAtWork(
      List<LoopbackNewsSite> sites, Duration timeout, ServiceProcess c) throws Exception {
    long deadline = System.nanoTime() + timeout.toNanos();
    Set<String> crawlers = Set.of();
    while (System.nanoTime() < deadline) {
      crawlers =
          sites.stream()
              .map(site -> site.visits().getLast().agent().substring(0, "khabarbot-a".length()))
              .collect(Collectors.toSet());
      if (crawlers.size() == 3) {
        Thread.sleep(1000); // settled: no rebalance under way
        return;
      }
      Thread.sleep(200);
    }
    throw new AssertionError("crawlers at work: " + crawlers + "\n" + c.output());
  }

  private static void assertEachArticleFetchedOnce(LoopbackNewsSite site, List<Visit> visits) {
    Map<String, Long> fetches =
        visits.stream()
            .filter(v -> v.path().startsWith("/a"))
            .collect(Collectors.groupingBy(Visit::path, Collectors.counting()));
    assertEquals(15, fetches.size(), site.baseUrl() + " " + fetches);
    assertTrue(
        fetches.values().stream().allMatch(n -> n == 1),
        site.baseUrl() + ": a moved site is not crawled from scratch " + fetches);
  }

  /**
   * A site's requests come from one crawler, then another, never two mixed: at most one hand-over
   * per join and one for the kill, each after the previous crawler's last request ended and the
   * site's delay passed.
   */
  private static void assertOneCrawlerAtATime(LoopbackNewsSite site, List<Visit> visits) {
    List<String> runs = new ArrayList<>();
    for (int i = 0; i < visits.size(); i++) {
      Visit visit = visits.get(i);
      if (i > 0 && !visits.get(i - 1).agent().equals(visit.agent())) {
        long gapMillis = (visit.startNanos() - visits.get(i - 1).endNanos()) / 1_000_000;
        assertTrue(
            gapMillis >= DELAY.toMillis() - 5,
            site.baseUrl() + ": " + visit.agent() + " came " + gapMillis + " ms after another");
      }
      if (runs.isEmpty() || !runs.getLast().equals(visit.agent())) {
        runs.add(visit.agent());
      }
    }
    assertTrue(runs.size() <= 4, site.baseUrl() + " was crawled in turns by " + runs);
  }

  private static void addArticles(LoopbackNewsSite site, int count) {
    for (int i = 0; i < count; i++) {
      site.addArticle();
    }
  }

  /**
   * Twelve loopback addresses whose sites fall two to a partition, so that each crawler gets some.
   */
  private static List<String> addressesTwoPerPartition() {
    SitePartitions partitions = new SitePartitions(List.of(), PARTITIONS);
    Map<Integer, Integer> perPartition = new HashMap<>();
    List<String> chosen = new ArrayList<>();
    for (int last = 10; chosen.size() < SITES; last++) {
      String address = "127.0.0." + last;
      int partition = partitions.partitionOf(site("http://" + address + ":80/feed.xml"));
      if (perPartition.merge(partition, 1, Integer::sum) <= 2) {
        chosen.add(address);
      }
    }
    return chosen;
  }

  private static Site site(String feed) {
    return new Site(
        "s",
        List.of(feed),
        List.of(),
        List.of(),
        Optional.empty(),
        Duration.ofSeconds(1),
        Duration.ofSeconds(1),
        DELAY,
        Optional.empty(),
        Set.of(),
        Duration.ofDays(1));
  }

  private static Map<String, String> env(List<LoopbackNewsSite> sites, String suffix) {
    Map<String, String> env = IsolatedIngest.crawling(sites, suffix);
    env.put("KHABAR_INGEST_SITE_PARTITIONS", Integer.toString(PARTITIONS));
    env.put("KHABAR_INGEST_DELAY", DELAY.toMillis() + "ms");
    return env;
  }

  /** One crawler's variables: its own instance id and User-Agent, all else shared. */
  private static Map<String, String> instanceEnv(
      Map<String, String> shared, String name, String suffix) {
    Map<String, String> env = new HashMap<>(shared);
    env.put("KHABAR_INSTANCE_ID", name + suffix);
    env.put("KHABAR_INGEST_USER_AGENT", "khabarbot-" + name + " (+mailto:desk@example.org)");
    return env;
  }

  private static IngestConfig config(Map<String, String> shared, String name, String suffix)
      throws Exception {
    return IngestConfig.fromEnv(new Env(instanceEnv(shared, name, suffix)));
  }
}
