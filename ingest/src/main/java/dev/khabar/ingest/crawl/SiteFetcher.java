package dev.khabar.ingest.crawl;

import dev.khabar.ingest.fetch.FetchResult;
import dev.khabar.ingest.fetch.HttpFetcher;
import dev.khabar.ingest.politeness.RobotsRules;
import dev.khabar.ingest.sources.Site;
import java.net.URI;
import java.util.Set;

/**
 * Fetches on behalf of a site, with the site's own User-Agent when it has one, each fetch timed in
 * the crawl metrics; and asks robots.txt whether a URL may be fetched. Politeness is the fetcher's:
 * each of its requests, retries and redirect hops included, waits for its host's turn and a global
 * permit. Thread-safe.
 */
final class SiteFetcher {
  private final Crawler.Fetching fetching;
  private final CrawlMetrics metrics;

  SiteFetcher(Crawler.Fetching fetching, CrawlMetrics metrics) {
    this.fetching = fetching;
    this.metrics = metrics;
  }

  RobotsRules.Verdict robots(URI uri) throws InterruptedException {
    return fetching.robots().check(uri);
  }

  FetchResult fetch(Site site, URI uri, Set<String> types, HttpFetcher.Validators validators)
      throws InterruptedException {
    String userAgent = site.userAgent().orElse(fetching.defaultUserAgent());
    return metrics.timed(site, () -> fetching.fetcher().fetch(uri, types, validators, userAgent));
  }

  /** An article page, unconditionally. */
  FetchResult fetchPage(Site site, URI uri) throws InterruptedException {
    return fetch(site, uri, HttpFetcher.PAGE_TYPES, HttpFetcher.Validators.NONE);
  }
}
