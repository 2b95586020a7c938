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
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * Follows every site: polls its sources on their schedule ({@link PollScheduler}), reads them for
 * article links ({@link SourcePoller}), keeps the links worth fetching ({@link LinkFilter}) that no
 * one claimed before, fetches and publishes each once ({@link ArticleFetcher}) and re-fetches it
 * later when asked to ({@link Refetcher}). Each fetch outcome is counted by site and outcome; a
 * failure of one page or source is logged, counted and dead-lettered, never an exception that stops
 * the crawl.
 *
 * <p>It crawls the sites it is given ({@link #follow}) until they are taken away ({@link
 * #unfollow}): then no new work of theirs starts, work under way finishes, and what it found is
 * published before the call returns, so that another instance can take the sites over.
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
  private final PageSink pages;
  private final SiteLeases leases = new SiteLeases();
  private final CrawlTasks tasks = new CrawlTasks();
  private final CrawlMetrics metrics;
  private final LinkFilter links;
  private final PollScheduler polls;
  private final ArticleFetcher articles;
  private final Refetcher refetcher;

  public Crawler(Plan plan, Fetching fetching, Output output) {
    this.plan = plan;
    this.seen = output.seen();
    this.pages = output.pages();
    this.metrics = new CrawlMetrics(output.registry());
    this.links = new LinkFilter(new UrlCanonicalizer(), plan.clock());
    SiteFetcher fetcher = new SiteFetcher(fetching, metrics);
    SourcePoller sources = new SourcePoller(fetcher, output.pages(), metrics, this::offer);
    this.polls = new PollScheduler(tasks, sources::poll);
    this.refetcher =
        new Refetcher(plan.refetches(), tasks, fetcher, output.pages(), metrics, plan.clock());
    this.articles = new ArticleFetcher(fetcher, seen, output.pages(), metrics, refetcher);
  }

  /** Follows every site of the plan, first polls now: the crawl of a single instance. */
  public void start() {
    plan.sites().forEach(site -> follow(site, Duration.ZERO));
  }

  /**
   * Starts crawling the site: the first poll of each source after {@code firstPollAfter}, then on
   * their schedule.
   */
  public void follow(Site site, Duration firstPollAfter) {
    follow(site, firstPollAfter, List.of());
  }

  /**
   * Starts crawling a site taken over from another crawler: as {@link #follow(Site, Duration)}, and
   * carries on the re-fetch plans of its articles.
   */
  public void follow(Site site, Duration firstPollAfter, Collection<RefetchPlan> refetches) {
    SiteLeases.Lease lease = leases.take(site);
    polls.follow(lease, firstPollAfter);
    refetcher.resume(site, lease, refetches);
  }

  /**
   * Stops crawling the sites: no new poll or fetch of theirs starts, those under way get up to
   * {@code wait} to finish, and then up to {@code wait} again for their pages to be published.
   * Pages of theirs not published by then never are (their URLs are fetched again by whoever crawls
   * the site next). Returns true when everything finished and was published in time.
   */
  public boolean unfollow(Collection<Site> sites, Duration wait) throws InterruptedException {
    List<SiteLeases.Lease> ending = new ArrayList<>();
    for (Site site : sites) {
      Optional.ofNullable(leases.current(site.id())).ifPresent(ending::add);
    }
    ending.forEach(SiteLeases::stopStarting);
    boolean clean = SiteLeases.awaitIdle(ending, wait) && pages.flush(wait);
    ending.forEach(leases::end);
    return clean;
  }

  /** Ends the sites' crawl at once, publishing nothing more of theirs (they were lost). */
  public void drop(Collection<Site> sites) {
    for (Site site : sites) {
      Optional.ofNullable(leases.current(site.id())).ifPresent(leases::end);
    }
  }

  /** Whether pages of the site with this id may still be published (it is, or is being, left). */
  public boolean mayPublish(String siteId) {
    return leases.mayPublish(siteId);
  }

  /** How many sites this crawler follows now. */
  public int followed() {
    return leases.active();
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
        tasks.run(() -> fetchIfFollowed(site, article.url()));
        yield true;
      }
    };
  }

  private void fetchIfFollowed(Site site, String url) {
    SiteLeases.Lease lease = leases.current(site.id());
    if (lease == null
        || !SiteLeases.runIn(
            lease,
            () ->
                articles
                    .fetch(site, url)
                    .ifPresent(page -> refetcher.published(site, page, lease)))) {
      seen.release(url);
    }
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
