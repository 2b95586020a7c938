package dev.khabar.ingest.crawl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.khabar.ingest.fetch.FetchResult;
import dev.khabar.ingest.fetch.Outcome;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.URI;
import org.junit.jupiter.api.Test;

class CrawlMetricsTest {
  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  private final CrawlMetrics metrics = new CrawlMetrics(registry);

  @Test
  void countsFetchesBySiteKindAndOutcome() {
    metrics.count(
        Sites.feeds("aljazeera", "https://a.example/feed"),
        CrawlMetrics.Kind.ARTICLE,
        Outcome.ROBOTS_BLOCKED);
    metrics.count(
        Sites.feeds("aljazeera", "https://a.example/feed"),
        CrawlMetrics.Kind.ARTICLE,
        Outcome.ROBOTS_BLOCKED);
    metrics.count(
        Sites.feeds("aljazeera", "https://a.example/feed"),
        CrawlMetrics.Kind.SOURCE,
        Outcome.NOT_MODIFIED);

    assertEquals(
        2.0,
        registry
            .get("khabar_ingest_fetches")
            .tags("site", "aljazeera", "kind", "article", "outcome", "robots_blocked")
            .counter()
            .count());
    assertEquals(
        1.0,
        registry
            .get("khabar_ingest_fetches")
            .tags("site", "aljazeera", "kind", "source", "outcome", "not_modified")
            .counter()
            .count());
  }

  @Test
  void timesEachFetchBySiteAndReturnsItsResult() throws Exception {
    FetchResult notModified = new FetchResult.NotModified(URI.create("https://a.example/feed"));

    FetchResult result =
        metrics.timed(Sites.feeds("bbc-arabic", "https://a.example/feed"), () -> notModified);

    assertSame(notModified, result);
    assertEquals(
        1, registry.get("khabar_ingest_fetch_duration").tag("site", "bbc-arabic").timer().count());
  }
}
