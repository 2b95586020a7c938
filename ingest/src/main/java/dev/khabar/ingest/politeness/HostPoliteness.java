package dev.khabar.ingest.politeness;

import java.time.Duration;
import java.time.Instant;

/**
 * Where a host of a site stands with its crawler, as kept in the politeness topic so that the next
 * crawler of the site keeps to it: no request before {@code lastRequestEndedAt} plus the longer of
 * the site's delay and {@code crawlDelayMillis}.
 *
 * @param host the host, lower case
 * @param siteId the site whose crawler asks the host (whoever crawls the site, crawls the host)
 * @param crawlDelayMillis the Crawl-delay its robots.txt asks for, capped by the max crawl delay; 0
 *     when none
 * @param lastRequestEndedAt when the last request to it ended
 */
public record HostPoliteness(
    String host, String siteId, long crawlDelayMillis, Instant lastRequestEndedAt) {

  /** The Crawl-delay, as a duration. */
  public Duration crawlDelay() {
    return Duration.ofMillis(crawlDelayMillis);
  }
}
