package dev.khabar.ingest.crawl;

import dev.khabar.common.contract.Json;
import dev.khabar.ingest.fetch.FetchResult;
import dev.khabar.ingest.fetch.Outcome;
import dev.khabar.ingest.politeness.RobotsRules;
import dev.khabar.ingest.publish.PageSink;
import dev.khabar.ingest.sources.Site;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.OptionalInt;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Re-fetches published articles on the schedule {@link Refetches} gives, and publishes a page again
 * only if its text changed since it was last published. Counted as kind {@code refetch}: {@code
 * fetched} when published again, {@code not_modified} when unchanged, else the fetch's outcome. A
 * URL robots.txt does not allow now is skipped. Failures are logged with the URL, never thrown. An
 * article's first {@link RefetchPlan} ({@link #firstPlan}) is published with its page, in the same
 * transaction; after each re-fetch the plan is handed to the page sink again, and none after its
 * last, so that a crawler taking the site over carries the plan on. Thread-safe.
 */
final class Refetcher {
  private static final Logger LOG = LoggerFactory.getLogger(Refetcher.class);

  private final Refetches refetches;
  private final CrawlTasks tasks;
  private final SiteFetcher fetcher;
  private final PageSink pages;
  private final CrawlMetrics metrics;
  private final Clock clock;

  Refetcher(
      Refetches refetches,
      CrawlTasks tasks,
      SiteFetcher fetcher,
      PageSink pages,
      CrawlMetrics metrics,
      Clock clock) {
    this.clock = clock;
    this.refetches = refetches;
    this.tasks = tasks;
    this.fetcher = fetcher;
    this.pages = pages;
    this.metrics = metrics;
  }

  /**
   * The plan of an article about to be published for the first time, dated now, to be published
   * with its page; null when re-fetching is off.
   */
  @Nullable RefetchPlan firstPlan(Site site, String url, String text) {
    if (refetches.count() == 0) {
      return null;
    }
    return new RefetchPlan(url, site.id(), clock.instant(), Refetches.hash(text), 0);
  }

  /**
   * Schedules the re-fetches of a page just published with its plan (none without one); each is
   * made inside the lease at its time, and not at all once the lease ended.
   */
  void published(Site site, ArticleFetcher.Published page, SiteLeases.Lease lease) {
    RefetchPlan plan = page.refetchPlan();
    if (plan == null || refetches.count() == 0) {
      return;
    }
    refetches.published(page.url(), page.text());
    schedule(site, lease, page.url(), plan.firstPublishedAt(), 1);
  }

  /**
   * Carries on the plans of a site just taken over: each re-fetch not made yet is made at its time,
   * or at once when that passed while no one crawled the site.
   */
  void resume(Site site, SiteLeases.Lease lease, Collection<RefetchPlan> plans) {
    if (refetches.count() == 0) {
      return;
    }
    for (RefetchPlan plan : plans) {
      refetches.resume(plan.url(), plan.textHash(), plan.made());
      schedule(site, lease, plan.url(), plan.firstPublishedAt(), plan.made() + 1);
    }
  }

  private void schedule(
      Site site, SiteLeases.Lease lease, String url, Instant firstPublished, int from) {
    Instant now = clock.instant();
    for (int index = from; index <= refetches.count(); index++) {
      int made = index;
      Duration after = Duration.between(now, firstPublished.plus(refetches.delay(index)));
      tasks.runAfter(
          after.isNegative() ? Duration.ZERO : after,
          () -> {
            if (!SiteLeases.runIn(lease, () -> refetchAndKeep(site, url, firstPublished, made))) {
              refetches.skipped(url);
            }
          });
    }
  }

  private void refetchAndKeep(Site site, String url, Instant firstPublished, int made) {
    OptionalInt hashBefore = refetches.textHash(url);
    refetch(site, url);
    int hash = refetches.textHash(url).orElse(hashBefore.orElse(0));
    try {
      if (made >= refetches.count()) {
        pages.keepRefetchPlan(url, site.id(), null);
      } else {
        keep(new RefetchPlan(url, site.id(), firstPublished, hash, made));
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void keep(RefetchPlan plan) throws InterruptedException {
    pages.keepRefetchPlan(plan.url(), plan.siteId(), Json.toBytes(plan));
  }

  /**
   * Re-fetches the URL and publishes it again if its text changed; counts as one of its re-fetches
   * whatever the outcome.
   */
  void refetch(Site site, String url) {
    try {
      URI uri = URI.create(url);
      if (fetcher.robots(uri) != RobotsRules.Verdict.ALLOWED) {
        refetches.skipped(url);
        return;
      }
      FetchResult result = fetcher.fetchPage(site, uri);
      if (!(result instanceof FetchResult.Page page)) {
        refetches.skipped(url);
        metrics.count(site, CrawlMetrics.Kind.REFETCH, result.outcome());
      } else if (refetches.changed(url, page.text())) {
        metrics.count(site, CrawlMetrics.Kind.REFETCH, Outcome.FETCHED);
        pages.publish(RawPages.of(site, url, page));
      } else {
        metrics.count(site, CrawlMetrics.Kind.REFETCH, Outcome.NOT_MODIFIED);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (RuntimeException e) {
      LOG.warn("re-fetching {} failed: {}", url, e.toString());
    }
  }
}
