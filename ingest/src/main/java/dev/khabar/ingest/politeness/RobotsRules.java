package dev.khabar.ingest.politeness;

import crawlercommons.robots.BaseRobotRules;
import crawlercommons.robots.SimpleRobotRules;
import crawlercommons.robots.SimpleRobotRulesParser;
import dev.khabar.ingest.fetch.FetchResult;
import dev.khabar.ingest.fetch.HttpFetcher;
import dev.khabar.ingest.fetch.Outcome;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * robots.txt per host, parsed by crawler-commons and cached with an expiry. A 4xx (no robots.txt)
 * allows everything; a 5xx or network failure means "not now": the host is deferred and asked again
 * after a short while. Crawl-delay is honoured up to a cap. Thread-safe.
 */
public final class RobotsRules {
  /** What robots.txt says of one URL. */
  public enum Verdict {
    ALLOWED,
    DISALLOWED,
    DEFERRED
  }

  private static final Duration RETRY_AFTER_SERVER_ERROR = Duration.ofMinutes(5);
  private static final Set<String> ROBOTS_TYPES =
      Set.of("text/plain", "text/html", "application/octet-stream");

  private final HttpFetcher fetcher;
  private final Politeness politeness;
  private final String agentName;
  private final Duration expiry;
  private final Duration maxCrawlDelay;
  private final Clock clock;
  private final SimpleRobotRulesParser parser = new SimpleRobotRulesParser();
  private final ConcurrentHashMap<String, Cached> cache = new ConcurrentHashMap<>();
  private final ConcurrentHashMap<String, ReentrantLock> loading = new ConcurrentHashMap<>();

  public RobotsRules(
      HttpFetcher fetcher,
      Politeness politeness,
      String agentName,
      Duration expiry,
      Duration maxCrawlDelay,
      Clock clock) {
    this.fetcher = fetcher;
    this.politeness = politeness;
    this.agentName = agentName;
    this.expiry = expiry;
    this.maxCrawlDelay = maxCrawlDelay;
    this.clock = clock;
  }

  public Verdict check(URI url) throws InterruptedException {
    String hostKey = url.getScheme() + "://" + url.getRawAuthority();
    Cached cached = cache.get(hostKey);
    if (cached == null || cached.expires().isBefore(clock.instant())) {
      // One fetch of robots.txt per host, however many of its pages are waiting for it.
      ReentrantLock lock = loading.computeIfAbsent(hostKey, key -> new ReentrantLock());
      lock.lockInterruptibly();
      try {
        cached = cache.get(hostKey);
        if (cached == null || cached.expires().isBefore(clock.instant())) {
          cached = load(hostKey);
          cache.put(hostKey, cached);
        }
      } finally {
        lock.unlock();
      }
    }
    if (cached.rules().isDeferVisits()) {
      return Verdict.DEFERRED;
    }
    return cached.rules().isAllowed(url.toString()) ? Verdict.ALLOWED : Verdict.DISALLOWED;
  }

  private Cached load(String hostKey) throws InterruptedException {
    URI robotsUrl = URI.create(hostKey + "/robots.txt");
    String host = robotsUrl.getHost();
    // The fetcher's requests take the host's turn like any other.
    FetchResult result = fetcher.fetch(robotsUrl, ROBOTS_TYPES);
    Instant now = clock.instant();
    BaseRobotRules rules;
    Duration lifetime = expiry;
    if (result instanceof FetchResult.Page page) {
      rules =
          parser.parseContent(
              robotsUrl.toString(),
              page.text().getBytes(StandardCharsets.UTF_8),
              "text/plain",
              List.of(agentName));
      long delayMillis = rules.getCrawlDelay();
      if (delayMillis != BaseRobotRules.UNSET_CRAWL_DELAY && delayMillis > 0) {
        politeness.crawlDelay(
            host, Duration.ofMillis(Math.min(delayMillis, maxCrawlDelay.toMillis())));
      }
    } else if (result instanceof FetchResult.Failed failed
        && (failed.status() >= 400 && failed.status() < 500
            || failed.outcome() == Outcome.ADDRESS_BLOCKED)) {
      // No robots.txt; for a refused address, none is needed: the guard refuses its pages too,
      // and each is counted and dead-lettered as refused, not as deferred by robots.txt.
      rules = new SimpleRobotRules(SimpleRobotRules.RobotRulesMode.ALLOW_ALL);
    } else {
      // 5xx, timeouts and the like: the site may be in trouble; stay away for a while.
      rules = parser.failedFetch(503);
      lifetime = RETRY_AFTER_SERVER_ERROR;
    }
    return new Cached(rules, now.plus(lifetime));
  }

  private record Cached(BaseRobotRules rules, Instant expires) {}
}
