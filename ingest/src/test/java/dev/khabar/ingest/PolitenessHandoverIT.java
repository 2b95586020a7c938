package dev.khabar.ingest;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.khabar.embedded.SharedServices;
import dev.khabar.embedded.TopicReader;
import dev.khabar.ingest.LoopbackNewsSite.Visit;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
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
          new IngestService(IsolatedIngest.instance(env, "first"), IsolatedIngest.LOOPBACK_ONLY)) {
        first.start();
        TopicReader.read(bootstrap, raw, 1, Duration.ofSeconds(60), Duration.ZERO);
      }
      try (IngestService second =
          new IngestService(IsolatedIngest.instance(env, "second"), IsolatedIngest.LOOPBACK_ONLY)) {
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
    return IsolatedIngest.crawling(List.of(site), suffix);
  }
}
