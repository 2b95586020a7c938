package dev.khabar.ingest;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.khabar.common.service.Env;
import dev.khabar.embedded.SharedServices;
import dev.khabar.embedded.TopicReader;
import dev.khabar.ingest.LoopbackNewsSite.Visit;
import java.time.Duration;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A site's politeness follows it to its next crawler: robots.txt asks for a Crawl-delay far longer
 * than the site's delay and than a hand-over takes, one crawler fetches the site's article and
 * leaves, another starts and takes the site, and its first request to the site comes no sooner than
 * the Crawl-delay after the first crawler's last.
 */
class PolitenessHandoverIT {
  private static final Logger LOG = LoggerFactory.getLogger(PolitenessHandoverIT.class);
  private static final Duration CRAWL_DELAY = Duration.ofSeconds(12);

  @Test
  void theNextCrawlerWaitsTheCrawlDelayAfterThePreviousCrawlersLastRequest() throws Exception {
    String suffix = "-politeness-handover-" + System.nanoTime();
    String raw = "khabar.pages.raw" + suffix;
    String bootstrap = SharedServices.kafka().bootstrapServers();
    try (LoopbackNewsSite site = new LoopbackNewsSite("127.0.0.81")) {
      site.robots("User-agent: *\nCrawl-delay: " + CRAWL_DELAY.toSeconds() + "\n");
      site.addArticle();
      Map<String, String> env = env(site, suffix);
      try (IngestService first =
          new IngestService(config(env, "first"), IsolatedIngest.LOOPBACK_ONLY)) {
        first.start();
        TopicReader.read(bootstrap, raw, 1, Duration.ofSeconds(60), Duration.ZERO);
      }
      try (IngestService second =
          new IngestService(config(env, "second"), IsolatedIngest.LOOPBACK_ONLY)) {
        second.start();
        long deadline = System.nanoTime() + Duration.ofSeconds(40).toNanos();
        while (firstVisitBy(site, "khabarbot-second").isEmpty() && System.nanoTime() < deadline) {
          Thread.sleep(100);
        }
      }

      Visit taken =
          firstVisitBy(site, "khabarbot-second")
              .orElseThrow(() -> new AssertionError("the second crawler never asked the site"));
      Visit left =
          site.visits().stream()
              .filter(v -> v.agent().startsWith("khabarbot-first"))
              .filter(v -> v.startNanos() < taken.startNanos())
              .max(Comparator.comparingLong(Visit::endNanos))
              .orElseThrow();
      Duration gap = Duration.ofNanos(taken.startNanos() - left.endNanos());
      LOG.info(
          "the second crawler's first request ({}) came {} ms after the first crawler's last ({})",
          taken.path(),
          gap.toMillis(),
          left.path());
      assertTrue(
          gap.compareTo(CRAWL_DELAY.minusMillis(50)) >= 0,
          "the second crawler asked for "
              + taken.path()
              + " "
              + gap.toMillis()
              + " ms after the first crawler's last request ("
              + left.path()
              + "); robots.txt asks for "
              + CRAWL_DELAY.toMillis()
              + " ms");
    }
  }

  private static Optional<Visit> firstVisitBy(LoopbackNewsSite site, String agent) {
    return site.visits().stream()
        .filter(v -> v.agent().startsWith(agent))
        .min(Comparator.comparingLong(Visit::startNanos));
  }

  private static Map<String, String> env(LoopbackNewsSite site, String suffix) {
    Map<String, String> env = IsolatedIngest.env(suffix);
    env.put("KHABAR_INGEST_FEEDS", site.baseUrl() + "/feed.xml");
    env.put("KHABAR_INGEST_ALLOW_PRIVATE", "127.0.0.0/24");
    env.put("KHABAR_INGEST_DELAY", "100ms");
    env.put("KHABAR_INGEST_MIN_POLL", "200ms");
    env.put("KHABAR_INGEST_MAX_POLL", "1s");
    env.put("KHABAR_INGEST_MAX_ATTEMPTS", "1");
    env.put("KHABAR_HTTP_PORT", "0");
    return env;
  }

  private static IngestConfig config(Map<String, String> shared, String name) throws Exception {
    Map<String, String> env = new HashMap<>(shared);
    env.put("KHABAR_INSTANCE_ID", name + "-" + shared.get("KHABAR_INGEST_GROUP_ID"));
    env.put("KHABAR_INGEST_USER_AGENT", "khabarbot-" + name + " (+mailto:desk@example.org)");
    return IngestConfig.fromEnv(new Env(env));
  }
}
