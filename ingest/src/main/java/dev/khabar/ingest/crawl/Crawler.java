package dev.khabar.ingest.crawl;

import dev.khabar.ingest.feeds.Discovery;
import dev.khabar.ingest.fetch.HttpFetcher;
import dev.khabar.ingest.fetch.Outcome;
import dev.khabar.ingest.politeness.RobotsRules;
import dev.khabar.ingest.publish.PageSink;
import dev.khabar.ingest.seen.SeenUrls;
import dev.khabar.ingest.sources.Site;
import dev.khabar.ingest.urls.UrlCanonicalizer;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

/**
 * Follows every site: polls its sources on their schedule ({@link PollScheduler}), reads them for
 * article links ({@link SourcePoller}), keeps the links worth fetching ({@link LinkFilter}) that no
 * one claimed before, fetches and publishes each once ({@link ArticleFetcher}) and re-fetches it
 * later when asked to ({@link Refetcher}). Each fetch outcome is counted by site and outcome; a
 * failure of one page or source is logged, counted and dead-lettered, never an exception that stops
 * the crawl.
 */
public final class Crawler implements AutoCloseable {
  /**
   * What to crawl and when.
   *
   * @param sites the sites to follow
   * @param refetches when to fetch a published article again
   * @param clock the time against which links are dated (max_age)
   */
  public record Plan(List<Site> sites, Refetches refetches, Clock clock) {
    public Plan {
      sites = List.copyOf(sites);
    }
  }

  /**
   * How the crawl reaches the web.
   *
   * @param fetcher the one fetcher of every request, politeness and address guard included
   * @param robots robots.txt per host
   * @param defaultUserAgent the User-Agent of sites that do not have their own
   */
  public record Fetching(HttpFetcher fetcher, RobotsRules robots, String defaultUserAgent) {}

  /**
   * Where the crawl's results go.
   *
   * @param seen the URLs published or being fetched
   * @param pages pages to publish and what the crawler gave up on
   * @param registry the crawl's metrics
   */
  public record Output(SeenUrls seen, PageSink pages, MeterRegistry registry) {}

  private final Plan plan;
  private final SeenUrls seen;
  private final CrawlTasks tasks = new CrawlTasks();
  private final CrawlMetrics metrics;
  private final LinkFilter links;
  private final PollScheduler polls;
  private final ArticleFetcher articles;
  private final Refetcher refetcher;

  public Crawler(Plan plan, Fetching fetching, Output output) {
    this.plan = plan;
    this.seen = output.seen();
    this.metrics = new CrawlMetrics(output.registry());
    this.links = new LinkFilter(new UrlCanonicalizer(), plan.clock());
    SiteFetcher fetcher = new SiteFetcher(fetching, metrics);
    SourcePoller sources = new SourcePoller(fetcher, output.pages(), metrics, this::offer);
    this.polls = new PollScheduler(tasks, sources::poll);
    this.articles = new ArticleFetcher(fetcher, seen, output.pages(), metrics);
    this.refetcher = new Refetcher(plan.refetches(), tasks, fetcher, output.pages(), metrics);
  }

  /** Schedules the first poll of every source now. */
  public void start() {
    plan.sites().forEach(polls::follow);
  }

  /** Queues a link for fetching if it is an article of the site that no one claimed before. */
  private boolean offer(Site site, String sourceUrl, Discovery.Link link) {
    return switch (links.check(site, sourceUrl, link)) {
      case LinkFilter.Verdict.Skipped skipped -> false;
      case LinkFilter.Verdict.OtherHost otherHost -> {
        metrics.count(site, CrawlMetrics.Kind.ARTICLE, Outcome.ADDRESS_BLOCKED);
        yield false;
      }
      case LinkFilter.Verdict.Article article -> {
        if (!seen.claim(article.url())) {
          yield false;
        }
        tasks.run(() -> fetch(site, article.url()));
        yield true;
      }
    };
  }

  private void fetch(Site site, String url) {
    articles.fetch(site, url).ifPresent(page -> refetcher.published(site, page));
  }

  /** Stops polling and waits up to {@code timeout} for fetches under way. */
  public void stop(Duration timeout) {
    tasks.stop(timeout);
  }

  @Override
  public void close() {
    stop(Duration.ofSeconds(3));
  }
}
