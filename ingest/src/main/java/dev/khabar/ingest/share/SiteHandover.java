package dev.khabar.ingest.share;

import dev.khabar.ingest.crawl.Crawler;
import dev.khabar.ingest.crawl.RefetchPlan;
import dev.khabar.ingest.politeness.HostPoliteness;
import dev.khabar.ingest.politeness.Politeness;
import dev.khabar.ingest.sources.Site;
import java.time.Duration;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hands sites between the crawler and the group. A site taken over from another instance is crawled
 * once the seen URLs hold everything committed so far, the previous crawler's pages included, so
 * that it is neither crawled from scratch nor skipped, and with the re-fetches the previous crawler
 * planned; and its first request waits the site's delay, since the previous crawler's last request
 * (another instance's, or this instance's before a restart) may have just been made, and no request
 * to one of its hosts comes before the host's delay (robots.txt's Crawl-delay included) after the
 * previous crawler's last request to it, as kept in the politeness topic. A site given up stops
 * being crawled, and its pages are published, before the group may give it to another.
 */
public final class SiteHandover implements SiteOwnership.Owner {
  private static final Logger LOG = LoggerFactory.getLogger(SiteHandover.class);

  private final Crawler crawler;
  private final List<TopicTail> state;
  private final SiteRecords<RefetchPlan> refetches;
  private final SiteRecords<HostPoliteness> hosts;
  private final Politeness politeness;
  private final Duration wait;

  /**
   * @param state the shared topics a site's state is read from: the seen URLs, the politeness of
   *     the sites' hosts (into {@code hosts}), and the re-fetch plans (into {@code refetches}) when
   *     re-fetching is on
   * @param politeness this instance's politeness, which a site's hosts are resumed in
   * @param wait how long taking a site waits for them, and giving one up for its fetches under way
   *     and again for its pages
   */
  public SiteHandover(
      Crawler crawler,
      List<TopicTail> state,
      SiteRecords<RefetchPlan> refetches,
      SiteRecords<HostPoliteness> hosts,
      Politeness politeness,
      Duration wait) {
    this.crawler = crawler;
    this.state = List.copyOf(state);
    this.refetches = refetches;
    this.hosts = hosts;
    this.politeness = politeness;
    this.wait = wait;
  }

  @Override
  public void take(List<Site> sites) {
    try {
      for (TopicTail tail : state) {
        if (!tail.awaitCaughtUp(wait)) {
          LOG.warn(
              "{} is not read up to date after {}: articles the sites' previous crawler published"
                  + " may be fetched again, or re-fetches it planned be missed",
              tail,
              wait);
        }
      }
      for (Site site : sites) {
        for (HostPoliteness host : hosts.of(site.id())) {
          politeness.resume(host.host(), host.crawlDelay(), host.lastRequestEndedAt());
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    for (Site site : sites) {
      crawler.follow(site, site.delay(), refetches.of(site.id()));
    }
  }

  @Override
  public void giveUp(List<Site> sites) {
    try {
      if (!crawler.unfollow(sites, wait)) {
        LOG.warn(
            "gave up {} sites with work unfinished after {}: their unpublished pages are left to"
                + " the next crawler",
            sites.size(),
            wait);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      crawler.drop(sites);
    }
  }

  @Override
  public void lose(List<Site> sites) {
    crawler.drop(sites);
  }
}
