package dev.khabar.ingest;

import dev.khabar.common.contract.RawPage;
import dev.khabar.ingest.feeds.Discovery;
import dev.khabar.ingest.feeds.FeedReader;
import dev.khabar.ingest.feeds.SectionPageReader;
import dev.khabar.ingest.feeds.SitemapReader;
import dev.khabar.ingest.feeds.SourceFormatException;
import dev.khabar.ingest.fetch.FetchResult;
import dev.khabar.ingest.fetch.HttpFetcher;
import dev.khabar.ingest.fetch.Outcome;
import dev.khabar.ingest.politeness.RobotsRules;
import dev.khabar.ingest.publish.PagePublisher;
import dev.khabar.ingest.seen.SeenUrls;
import dev.khabar.ingest.sources.Site;
import dev.khabar.ingest.sources.Source;
import dev.khabar.ingest.urls.DeclaredCanonical;
import dev.khabar.ingest.urls.UrlCanonicalizer;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Polls every source on an adaptive schedule and fetches each new article link once. A source that
 * yields new links is polled sooner (down to the site's min_poll), one that yields nothing later
 * (up to max_poll). Each fetch outcome is counted by site and outcome; a failure of one page or
 * source is logged, counted and dead-lettered, never an exception that stops the crawl.
 */
public final class Crawler implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(Crawler.class);
  private static final int MAX_SITEMAP_CHILDREN = 50;

  private final List<Site> sites;
  private final Refetches refetches;
  private final String defaultUserAgent;
  private final HttpFetcher fetcher;
  private final RobotsRules robots;
  private final UrlCanonicalizer urls = new UrlCanonicalizer();
  private final DeclaredCanonical canonicals = new DeclaredCanonical(urls);
  private final SeenUrls seen;
  private final PagePublisher publisher;
  private final MeterRegistry registry;
  private final Clock clock;
  private final ScheduledExecutorService scheduler;
  private final ExecutorService workers = Executors.newVirtualThreadPerTaskExecutor();
  private final FeedReader feedReader = new FeedReader();
  private final SitemapReader sitemapReader = new SitemapReader();
  private final SectionPageReader sectionReader = new SectionPageReader();
  private final Map<String, HttpFetcher.Validators> validators = new ConcurrentHashMap<>();

  /** Sources failing now: dead-lettered once when they start failing, not on every poll. */
  private final Set<String> failingSources = ConcurrentHashMap.newKeySet();

  private volatile boolean stopping;

  public Crawler(
      List<Site> sites,
      HttpFetcher fetcher,
      RobotsRules robots,
      SeenUrls seen,
      PagePublisher publisher,
      MeterRegistry registry,
      Clock clock,
      String defaultUserAgent,
      Refetches refetches) {
    this.refetches = refetches;
    this.sites = List.copyOf(sites);
    this.defaultUserAgent = defaultUserAgent;
    this.fetcher = fetcher;
    this.robots = robots;
    this.seen = seen;
    this.publisher = publisher;
    this.registry = registry;
    this.clock = clock;
    this.scheduler =
        Executors.newSingleThreadScheduledExecutor(
            runnable ->
                Thread.ofPlatform().name("khabar-scheduler").daemon(true).unstarted(runnable));
  }

  /** Schedules the first poll of every source now. */
  public void start() {
    for (Site site : sites) {
      for (Source source : site.sources()) {
        schedule(source, Duration.ZERO, site.minPoll());
      }
    }
  }

  private void schedule(Source source, Duration after, Duration interval) {
    if (stopping) {
      return;
    }
    scheduler.schedule(
        () -> workers.execute(() -> pollThenReschedule(source, interval)),
        after.toMillis(),
        TimeUnit.MILLISECONDS);
  }

  private void pollThenReschedule(Source source, Duration interval) {
    int newLinks = 0;
    try {
      newLinks = poll(source, source.url(), 0);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return;
    } catch (RuntimeException e) {
      LOG.warn("polling {} failed: {}", source.url(), e.toString());
    }
    Site site = source.site();
    Duration next =
        newLinks > 0
            ? max(site.minPoll(), interval.dividedBy(2))
            : min(site.maxPoll(), interval.multipliedBy(3).dividedBy(2));
    schedule(source, next, next);
  }

  /** Reads one feed, sitemap or section page and queues its new links; returns how many. */
  int poll(Source source, String url, int depth) throws InterruptedException {
    Site site = source.site();
    URI uri = URI.create(url);
    Set<String> types =
        source.kind() == Source.Kind.SECTION ? HttpFetcher.PAGE_TYPES : HttpFetcher.FEED_TYPES;
    FetchResult result =
        timedFetch(site, uri, types, validators.getOrDefault(url, HttpFetcher.Validators.NONE));
    count(site, "source", result.outcome());
    if (!(result instanceof FetchResult.Page page)) {
      if (result instanceof FetchResult.Failed failed) {
        LOG.warn(
            "source {} of {}: {} ({})", url, site.id(), failed.outcome().tag(), failed.reason());
        if (failingSources.add(url)) {
          publisher.deadLetter(url, site.id(), failed.outcome().tag(), failed.reason());
        }
      }
      return 0;
    }
    validators.put(url, new HttpFetcher.Validators(page.etag(), page.lastModified()));
    Discovery discovery;
    try {
      discovery =
          switch (source.kind()) {
            case FEED -> feedReader.read(page.text());
            case SITEMAP -> sitemapReader.read(url, page.contentType(), page.body());
            case SECTION ->
                sectionReader.read(url, page.text(), site.articlePattern().orElseThrow());
          };
    } catch (SourceFormatException e) {
      count(site, "source", Outcome.FAILED);
      LOG.warn("source {} of {} is malformed: {}", url, site.id(), e.getMessage());
      if (failingSources.add(url)) {
        publisher.deadLetter(url, site.id(), "malformed_source", e.getMessage());
      }
      return 0;
    }
    failingSources.remove(url);
    int queued = 0;
    for (Discovery.Link link : discovery.articles()) {
      if (queue(source, url, link)) {
        queued++;
      }
    }
    if (depth < 2) {
      for (String child : discovery.sitemaps().stream().limit(MAX_SITEMAP_CHILDREN).toList()) {
        queued += poll(source, child, depth + 1);
      }
    }
    return queued;
  }

  private boolean queue(Source source, String sourceUrl, Discovery.Link link) {
    Site site = source.site();
    Optional<String> canonical = urls.resolve(sourceUrl, link.url());
    if (canonical.isEmpty()) {
      return false;
    }
    Instant oldest = clock.instant().minus(site.maxAge());
    if (link.published().isPresent() && link.published().get().isBefore(oldest)) {
      return false;
    }
    String host = URI.create(canonical.get()).getHost();
    if (!isAllowedHost(site, host)) {
      count(site, "article", Outcome.ADDRESS_BLOCKED);
      return false;
    }
    if (!seen.claim(canonical.get())) {
      return false;
    }
    workers.execute(() -> fetchArticle(site, canonical.get()));
    return true;
  }

  private static boolean isAllowedHost(Site site, String host) {
    if (site.allowedHosts().isEmpty()) {
      return true;
    }
    return site.allowedHosts().stream()
        .anyMatch(allowed -> host.equals(allowed) || host.endsWith("." + allowed));
  }

  private void fetchArticle(Site site, String url) {
    boolean published = false;
    try {
      published = fetchAndPublish(site, url);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (RuntimeException e) {
      LOG.warn("fetching {} failed: {}", url, e.toString());
      count(site, "article", Outcome.FAILED);
    } finally {
      if (!published) {
        seen.release(url);
      }
    }
  }

  private boolean fetchAndPublish(Site site, String url) throws InterruptedException {
    URI uri = URI.create(url);
    RobotsRules.Verdict verdict = robots.check(uri);
    if (verdict != RobotsRules.Verdict.ALLOWED) {
      count(site, "article", Outcome.ROBOTS_BLOCKED);
      LOG.info(
          "robots.txt {} {}",
          verdict == RobotsRules.Verdict.DEFERRED ? "defers" : "disallows",
          url);
      return false;
    }
    FetchResult result = timedFetch(site, uri, HttpFetcher.PAGE_TYPES, HttpFetcher.Validators.NONE);
    count(site, "article", result.outcome());
    if (!(result instanceof FetchResult.Page page)) {
      FetchResult.Failed failed = (FetchResult.Failed) result;
      LOG.warn(
          "article {} of {}: {} ({})", url, site.id(), failed.outcome().tag(), failed.reason());
      if (isTransient(failed)) {
        return false; // released: a later poll of the source tries it again
      }
      publisher.deadLetter(url, site.id(), failed.outcome().tag(), failed.reason());
      return true; // permanent: kept claimed, so it is not fetched again while this process runs
    }
    String canonical = canonicals.of(page.text(), page.finalUri()).orElse(url);
    if (!canonical.equals(url) && !seen.claim(canonical)) {
      // Another link already brought this article: remember the alias, publish nothing.
      seen.markPublished(url);
      return true;
    }
    publish(site, canonical, page);
    if (!canonical.equals(url)) {
      seen.markPublished(url);
    }
    refetches.published(canonical, page.text());
    for (Duration delay : refetches.delays()) {
      scheduler.schedule(
          () -> workers.execute(() -> refetch(site, canonical)),
          delay.toMillis(),
          TimeUnit.MILLISECONDS);
    }
    return true;
  }

  private void publish(Site site, String canonical, FetchResult.Page page)
      throws InterruptedException {
    publisher.publish(
        new RawPage(
            canonical,
            page.finalUri().toString(),
            page.fetchedAt(),
            page.status(),
            page.contentType(),
            page.charset().name(),
            page.text(),
            site.id()));
  }

  /** Fetches a published article again and publishes it only if its page changed. */
  private void refetch(Site site, String url) {
    try {
      URI uri = URI.create(url);
      if (robots.check(uri) != RobotsRules.Verdict.ALLOWED) {
        return;
      }
      FetchResult result =
          timedFetch(site, uri, HttpFetcher.PAGE_TYPES, HttpFetcher.Validators.NONE);
      if (result instanceof FetchResult.Page page && refetches.changed(url, page.text())) {
        count(site, "refetch", Outcome.FETCHED);
        publish(site, url, page);
      } else {
        count(
            site,
            "refetch",
            result instanceof FetchResult.Page ? Outcome.NOT_MODIFIED : result.outcome());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (RuntimeException e) {
      LOG.warn("re-fetching {} failed: {}", url, e.toString());
    }
  }

  private String userAgent(Site site) {
    return site.userAgent().orElse(defaultUserAgent);
  }

  private static boolean isTransient(FetchResult.Failed failed) {
    return failed.outcome() == Outcome.FAILED
        || failed.outcome() == Outcome.HTTP_ERROR
            && (failed.status() >= 500 || failed.status() == 429);
  }

  private void count(Site site, String kind, Outcome outcome) {
    registry
        .counter("khabar_ingest_fetches", "site", site.id(), "kind", kind, "outcome", outcome.tag())
        .increment();
  }

  /**
   * One fetch, timed. Politeness is the fetcher's: each of its requests, retries and redirect hops
   * included, waits for its host's turn and a global permit.
   */
  private FetchResult timedFetch(
      Site site, URI uri, Set<String> types, HttpFetcher.Validators validators)
      throws InterruptedException {
    Timer.Sample sample = Timer.start(registry);
    try {
      return fetcher.fetch(uri, types, validators, userAgent(site));
    } finally {
      sample.stop(
          Timer.builder("khabar_ingest_fetch_duration")
              .tag("site", site.id())
              .publishPercentileHistogram()
              .register(registry));
    }
  }

  private static Duration max(Duration a, Duration b) {
    return a.compareTo(b) >= 0 ? a : b;
  }

  private static Duration min(Duration a, Duration b) {
    return a.compareTo(b) <= 0 ? a : b;
  }

  /** Stops polling and waits up to {@code timeout} for fetches under way. */
  public void stop(Duration timeout) {
    stopping = true;
    scheduler.shutdownNow();
    workers.shutdown();
    try {
      if (!workers.awaitTermination(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        workers.shutdownNow();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      workers.shutdownNow();
    }
  }

  @Override
  public void close() {
    stop(Duration.ofSeconds(3));
  }
}
