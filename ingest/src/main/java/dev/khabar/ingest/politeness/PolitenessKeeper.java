package dev.khabar.ingest.politeness;

import dev.khabar.common.contract.Json;
import dev.khabar.ingest.publish.PageSink;
import dev.khabar.ingest.sources.Publisher;
import dev.khabar.ingest.sources.Site;
import dev.khabar.ingest.sources.Source;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the politeness of each host of a site in Kafka, with the pages ({@link
 * PageSink#keepHostPoliteness}): after every request to the host and every change of its
 * Crawl-delay, the Crawl-delay and when its last request ended, so that the next crawler of the
 * site waits as this one would have. A host belongs to the site whose sources share its publisher
 * (the first such site: all of them are crawled by one instance); hosts of no site are not kept.
 * Thread-safe.
 */
public final class PolitenessKeeper implements HostThrottle.Listener {
  private static final Logger LOG = LoggerFactory.getLogger(PolitenessKeeper.class);

  private final Map<String, String> siteIdByPublisher;
  private final PageSink pages;

  public PolitenessKeeper(List<Site> sites, PageSink pages) {
    Map<String, String> siteIds = new HashMap<>();
    for (Site site : sites) {
      for (Source source : site.sources()) {
        String host = URI.create(source.url()).getHost();
        if (host != null) {
          siteIds.putIfAbsent(Publisher.of(host), site.id());
        }
      }
    }
    this.siteIdByPublisher = Map.copyOf(siteIds);
    this.pages = pages;
  }

  @Override
  public void changed(String host, Duration crawlDelay, Instant lastRequestEndedAt) {
    String siteId = siteIdByPublisher.get(Publisher.of(host));
    if (siteId == null) {
      return;
    }
    try {
      pages.keepHostPoliteness(
          host,
          siteId,
          Json.toBytes(
              new HostPoliteness(host, siteId, crawlDelay.toMillis(), lastRequestEndedAt)));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (IllegalStateException e) {
      // The publisher is closing: this instance crawls nothing more.
      LOG.debug("politeness of {} not kept: {}", host, e.getMessage());
    }
  }
}
