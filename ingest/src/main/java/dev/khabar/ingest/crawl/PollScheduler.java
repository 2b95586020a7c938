package dev.khabar.ingest.crawl;

import dev.khabar.ingest.sources.Site;
import dev.khabar.ingest.sources.Source;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Polls every source of a followed site on an adaptive schedule: first at once, then sooner after a
 * poll that found new links (half the interval, down to the site's min_poll), later after one that
 * found none (half as long again, up to max_poll). A poll that fails counts as one that found none.
 * A site is polled while its lease is active: the first poll after the lease ended is not made, and
 * none after it. Thread-safe.
 */
final class PollScheduler {
  private static final Logger LOG = LoggerFactory.getLogger(PollScheduler.class);

  /** One read of a source; returns how many new links it queued. */
  @FunctionalInterface
  interface Poll {
    int poll(Source source) throws InterruptedException;
  }

  private final CrawlTasks tasks;
  private final Poll poll;

  PollScheduler(CrawlTasks tasks, Poll poll) {
    this.tasks = tasks;
    this.poll = poll;
  }

  /** Schedules the first poll of each of the leased site's sources after {@code after}. */
  void follow(SiteLeases.Lease lease, Duration after) {
    for (Source source : lease.site().sources()) {
      schedule(lease, source, after, lease.site().minPoll());
    }
  }

  /** The interval to the next poll of a site's source, after one that found {@code newLinks}. */
  static Duration next(Site site, Duration interval, int newLinks) {
    return newLinks > 0
        ? max(site.minPoll(), interval.dividedBy(2))
        : min(site.maxPoll(), interval.multipliedBy(3).dividedBy(2));
  }

  private void schedule(SiteLeases.Lease lease, Source source, Duration after, Duration interval) {
    tasks.runAfter(
        after, () -> SiteLeases.runIn(lease, () -> pollThenReschedule(lease, source, interval)));
  }

  private void pollThenReschedule(SiteLeases.Lease lease, Source source, Duration interval) {
    int newLinks = 0;
    try {
      newLinks = poll.poll(source);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return;
    } catch (RuntimeException e) {
      LOG.warn("polling {} failed: {}", source.url(), e.toString());
    }
    Duration next = next(source.site(), interval, newLinks);
    schedule(lease, source, next, next);
  }

  private static Duration max(Duration a, Duration b) {
    return a.compareTo(b) >= 0 ? a : b;
  }

  private static Duration min(Duration a, Duration b) {
    return a.compareTo(b) <= 0 ? a : b;
  }
}
