package dev.khabar.ingest.crawl;

import dev.khabar.common.contract.Json;
import dev.khabar.ingest.fetch.FetchResult;
import dev.khabar.ingest.fetch.Outcome;
import dev.khabar.ingest.politeness.RobotsRules;
import dev.khabar.ingest.publish.PageSink;
import dev.khabar.ingest.seen.SeenUrls;
import dev.khabar.ingest.sources.Site;
import dev.khabar.ingest.urls.DeclaredCanonical;
import dev.khabar.ingest.urls.UrlCanonicalizer;
import java.net.URI;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fetches one claimed article link and publishes its page, under the canonical URL the page
 * declares when it names one of the same publisher, with its first re-fetch plan ({@link
 * Refetcher#firstPlan}). robots.txt is asked first. A transient failure (network, 5xx, 429)
 * releases the claim, so that a later poll of the source tries again; a permanent one is
 * dead-lettered and stays claimed, so it is not fetched again while this process runs. A failure is
 * counted and logged with its URL, never thrown. Thread-safe.
 */
final class ArticleFetcher {
  private static final Logger LOG = LoggerFactory.getLogger(ArticleFetcher.class);

  /**
   * A page published, under its canonical URL, with the re-fetch plan published with it ({@code
   * null} when re-fetching is off).
   */
  record Published(String url, String text, @Nullable RefetchPlan refetchPlan) {}

  /** Whether the link is done with (kept claimed), and the page if one was published. */
  private record Result(boolean done, Optional<Published> published) {
    static final Result RETRY_LATER = new Result(false, Optional.empty());
    static final Result GIVEN_UP = new Result(true, Optional.empty());
  }

  private final SiteFetcher fetcher;
  private final SeenUrls seen;
  private final PageSink pages;
  private final CrawlMetrics metrics;
  private final Refetcher refetcher;
  private final DeclaredCanonical canonicals = new DeclaredCanonical(new UrlCanonicalizer());

  ArticleFetcher(
      SiteFetcher fetcher,
      SeenUrls seen,
      PageSink pages,
      CrawlMetrics metrics,
      Refetcher refetcher) {
    this.fetcher = fetcher;
    this.refetcher = refetcher;
    this.seen = seen;
    this.pages = pages;
    this.metrics = metrics;
  }

  /**
   * Fetches and publishes the article at {@code url}, which the caller claimed in the seen URLs;
   * returns the page when one was published.
   */
  Optional<Published> fetch(Site site, String url) {
    Result result = Result.RETRY_LATER;
    try {
      result = fetchAndPublish(site, url);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (RuntimeException e) {
      LOG.warn("fetching {} failed: {}", url, e.toString());
      metrics.count(site, CrawlMetrics.Kind.ARTICLE, Outcome.FAILED);
    } finally {
      if (!result.done()) {
        seen.release(url);
      }
    }
    return result.published();
  }

  private Result fetchAndPublish(Site site, String url) throws InterruptedException {
    URI uri = URI.create(url);
    RobotsRules.Verdict verdict = fetcher.robots(uri);
    if (verdict != RobotsRules.Verdict.ALLOWED) {
      metrics.count(site, CrawlMetrics.Kind.ARTICLE, Outcome.ROBOTS_BLOCKED);
      LOG.info(
          "robots.txt {} {}",
          verdict == RobotsRules.Verdict.DEFERRED ? "defers" : "disallows",
          url);
      return Result.RETRY_LATER;
    }
    FetchResult result = fetcher.fetchPage(site, uri);
    metrics.count(site, CrawlMetrics.Kind.ARTICLE, result.outcome());
    if (!(result instanceof FetchResult.Page page)) {
      FetchResult.Failed failed = (FetchResult.Failed) result;
      LOG.warn(
          "article {} of {}: {} ({})", url, site.id(), failed.outcome().tag(), failed.reason());
      if (isTransient(failed)) {
        return Result.RETRY_LATER;
      }
      pages.deadLetter(url, site.id(), failed.outcome().tag(), failed.reason());
      return Result.GIVEN_UP;
    }
    String canonical = canonicals.of(page.text(), page.finalUri()).orElse(url);
    if (!canonical.equals(url) && !seen.claim(canonical)) {
      // Another link already brought this article: remember the alias, publish nothing.
      seen.markPublished(url);
      return Result.GIVEN_UP;
    }
    // The plan goes in the page's transaction: a crawler killed once the page is published cannot
    // have left it without its re-fetches.
    RefetchPlan plan = refetcher.firstPlan(site, canonical, page.text());
    pages.publish(RawPages.of(site, canonical, page), plan == null ? null : Json.toBytes(plan));
    if (!canonical.equals(url)) {
      seen.markPublished(url);
    }
    return new Result(true, Optional.of(new Published(canonical, page.text(), plan)));
  }

  private static boolean isTransient(FetchResult.Failed failed) {
    return failed.outcome() == Outcome.FAILED
        || failed.outcome() == Outcome.HTTP_ERROR
            && (failed.status() >= 500 || failed.status() == 429);
  }
}
