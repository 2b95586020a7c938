package dev.khabar.ingest.crawl;

import dev.khabar.ingest.fetch.FetchResult;
import dev.khabar.ingest.fetch.Outcome;
import dev.khabar.ingest.politeness.RobotsRules;
import dev.khabar.ingest.publish.PageSink;
import dev.khabar.ingest.sources.Site;
import java.net.URI;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fetches a published article again and publishes it only if its text changed since it was last
 * published. Counted as kind {@code refetch}: {@code fetched} when published again, {@code
 * not_modified} when unchanged, else the fetch's outcome. A URL robots.txt does not allow now is
 * skipped. Failures are logged with the URL, never thrown. Thread-safe.
 */
final class Refetcher {
  private static final Logger LOG = LoggerFactory.getLogger(Refetcher.class);

  private final Refetches refetches;
  private final SiteFetcher fetcher;
  private final PageSink pages;
  private final CrawlMetrics metrics;

  Refetcher(Refetches refetches, SiteFetcher fetcher, PageSink pages, CrawlMetrics metrics) {
    this.refetches = refetches;
    this.fetcher = fetcher;
    this.pages = pages;
    this.metrics = metrics;
  }

  void refetch(Site site, String url) {
    try {
      URI uri = URI.create(url);
      if (fetcher.robots(uri) != RobotsRules.Verdict.ALLOWED) {
        return;
      }
      FetchResult result = fetcher.fetchPage(site, uri);
      if (result instanceof FetchResult.Page page && refetches.changed(url, page.text())) {
        metrics.count(site, CrawlMetrics.Kind.REFETCH, Outcome.FETCHED);
        pages.publish(RawPages.of(site, url, page));
      } else {
        metrics.count(
            site,
            CrawlMetrics.Kind.REFETCH,
            result instanceof FetchResult.Page ? Outcome.NOT_MODIFIED : result.outcome());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (RuntimeException e) {
      LOG.warn("re-fetching {} failed: {}", url, e.toString());
    }
  }
}
