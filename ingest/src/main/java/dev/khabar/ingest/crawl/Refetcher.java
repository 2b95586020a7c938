package dev.khabar.ingest.crawl;

import dev.khabar.ingest.fetch.FetchResult;
import dev.khabar.ingest.fetch.Outcome;
import dev.khabar.ingest.politeness.RobotsRules;
import dev.khabar.ingest.publish.PageSink;
import dev.khabar.ingest.sources.Site;
import java.net.URI;
import java.time.Duration;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Re-fetches published articles on the schedule {@link Refetches} gives, and publishes a page again
 * only if its text changed since it was last published. Counted as kind {@code refetch}: {@code
 * fetched} when published again, {@code not_modified} when unchanged, else the fetch's outcome. A
 * URL robots.txt does not allow now is skipped. Failures are logged with the URL, never thrown.
 * Thread-safe.
 */
final class Refetcher {
  private static final Logger LOG = LoggerFactory.getLogger(Refetcher.class);

  private final Refetches refetches;
  private final CrawlTasks tasks;
  private final SiteFetcher fetcher;
  private final PageSink pages;
  private final CrawlMetrics metrics;

  Refetcher(
      Refetches refetches,
      CrawlTasks tasks,
      SiteFetcher fetcher,
      PageSink pages,
      CrawlMetrics metrics) {
    this.refetches = refetches;
    this.tasks = tasks;
    this.fetcher = fetcher;
    this.pages = pages;
    this.metrics = metrics;
  }

  /**
   * Schedules the re-fetches of a page just published (none when re-fetching is off); each is made
   * inside the site's lease at its time, and not at all when the site has no active lease then.
   */
  void published(
      Site site,
      ArticleFetcher.Published page,
      Function<String, SiteLeases.@Nullable Lease> leaseOf) {
    refetches.published(page.url(), page.text());
    for (Duration delay : refetches.delays()) {
      tasks.runAfter(
          delay,
          () -> {
            SiteLeases.Lease lease = leaseOf.apply(site.id());
            if (lease == null || !SiteLeases.runIn(lease, () -> refetch(site, page.url()))) {
              refetches.skipped(page.url());
            }
          });
    }
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
