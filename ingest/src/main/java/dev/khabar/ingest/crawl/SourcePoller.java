package dev.khabar.ingest.crawl;

import dev.khabar.ingest.feeds.Discovery;
import dev.khabar.ingest.feeds.FeedReader;
import dev.khabar.ingest.feeds.SectionPageReader;
import dev.khabar.ingest.feeds.SitemapReader;
import dev.khabar.ingest.feeds.SourceFormatException;
import dev.khabar.ingest.fetch.FetchResult;
import dev.khabar.ingest.fetch.HttpFetcher;
import dev.khabar.ingest.fetch.Outcome;
import dev.khabar.ingest.publish.PageSink;
import dev.khabar.ingest.sources.Site;
import dev.khabar.ingest.sources.Source;
import java.net.URI;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Discovery: reads one feed, sitemap or section page, with a conditional GET when an earlier read
 * gave validators, and offers each article link it lists; a sitemap index is followed two levels
 * down, at most 50 children per index. A source that fails or is malformed is counted, logged, and
 * dead-lettered once when it starts failing, not on every poll. Its state (validators, failing
 * sources) is kept by source URL. Thread-safe.
 */
final class SourcePoller {
  private static final Logger LOG = LoggerFactory.getLogger(SourcePoller.class);
  private static final int MAX_SITEMAP_CHILDREN = 50;
  private static final int MAX_DEPTH = 2;

  /** Where article links go. */
  @FunctionalInterface
  interface Links {
    /** True when the link is new and now queued for fetching. */
    boolean offer(Site site, String sourceUrl, Discovery.Link link);
  }

  private final SiteFetcher fetcher;
  private final PageSink pages;
  private final CrawlMetrics metrics;
  private final Links links;
  private final FeedReader feedReader = new FeedReader();
  private final SitemapReader sitemapReader = new SitemapReader();
  private final SectionPageReader sectionReader = new SectionPageReader();
  private final Map<String, HttpFetcher.Validators> validators = new ConcurrentHashMap<>();

  /** Sources failing now: dead-lettered once when they start failing, not on every poll. */
  private final Set<String> failingSources = ConcurrentHashMap.newKeySet();

  SourcePoller(SiteFetcher fetcher, PageSink pages, CrawlMetrics metrics, Links links) {
    this.fetcher = fetcher;
    this.pages = pages;
    this.metrics = metrics;
    this.links = links;
  }

  /** Reads the source and offers its links; returns how many were queued. */
  int poll(Source source) throws InterruptedException {
    return poll(source, source.url(), 0);
  }

  private int poll(Source source, String url, int depth) throws InterruptedException {
    Site site = source.site();
    Set<String> types =
        source.kind() == Source.Kind.SECTION ? HttpFetcher.PAGE_TYPES : HttpFetcher.FEED_TYPES;
    FetchResult result =
        fetcher.fetch(
            site,
            URI.create(url),
            types,
            validators.getOrDefault(url, HttpFetcher.Validators.NONE));
    metrics.count(site, CrawlMetrics.Kind.SOURCE, result.outcome());
    if (!(result instanceof FetchResult.Page page)) {
      if (result instanceof FetchResult.Failed failed) {
        LOG.warn(
            "source {} of {}: {} ({})", url, site.id(), failed.outcome().tag(), failed.reason());
        if (failingSources.add(url)) {
          pages.deadLetter(url, site.id(), failed.outcome().tag(), failed.reason());
        }
      }
      return 0;
    }
    validators.put(url, new HttpFetcher.Validators(page.etag(), page.lastModified()));
    Discovery discovery;
    try {
      discovery = read(source, url, page);
    } catch (SourceFormatException e) {
      metrics.count(site, CrawlMetrics.Kind.SOURCE, Outcome.FAILED);
      LOG.warn("source {} of {} is malformed: {}", url, site.id(), e.getMessage());
      if (failingSources.add(url)) {
        pages.deadLetter(url, site.id(), "malformed_source", e.getMessage());
      }
      return 0;
    }
    failingSources.remove(url);
    int queued = 0;
    for (Discovery.Link link : discovery.articles()) {
      if (links.offer(site, url, link)) {
        queued++;
      }
    }
    if (depth < MAX_DEPTH) {
      for (String child : discovery.sitemaps().stream().limit(MAX_SITEMAP_CHILDREN).toList()) {
        queued += poll(source, child, depth + 1);
      }
    }
    return queued;
  }

  private Discovery read(Source source, String url, FetchResult.Page page)
      throws SourceFormatException {
    return switch (source.kind()) {
      case FEED -> feedReader.read(page.text());
      case SITEMAP -> sitemapReader.read(url, page.contentType(), page.body());
      case SECTION ->
          sectionReader.read(url, page.text(), source.site().articlePattern().orElseThrow());
    };
  }
}
