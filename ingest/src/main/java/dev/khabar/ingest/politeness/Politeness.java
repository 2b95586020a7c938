package dev.khabar.ingest.politeness;

import dev.khabar.ingest.fetch.RequestGate;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The crawler's one politeness state, through which every request passes (first attempts, retries,
 * redirect hops, robots.txt, feeds, sitemaps and articles alike): first the host's turn ({@link
 * HostThrottle}: one request at a time per host, after its delay), then one of the global permits,
 * held only while the request runs, so that waiting for a busy host never holds a permit another
 * host could use. Thread-safe.
 */
public final class Politeness implements RequestGate {
  private final HostThrottle throttle;
  private final Semaphore permits;
  private final AtomicInteger inFlight = new AtomicInteger();

  public Politeness(HostThrottle throttle, int maxConcurrentRequests) {
    if (maxConcurrentRequests < 1) {
      throw new IllegalArgumentException(
          "maxConcurrentRequests must be at least 1, was " + maxConcurrentRequests);
    }
    this.throttle = throttle;
    this.permits = new Semaphore(maxConcurrentRequests);
  }

  @Override
  public <T> T pass(URI uri, Request<T> request)
      throws IOException, TimeoutException, InterruptedException {
    String host = uri.getHost();
    if (host == null) {
      throw new IllegalArgumentException("no host in " + uri);
    }
    try {
      return throttle.call(
          host,
          () -> {
            permits.acquire();
            inFlight.incrementAndGet();
            try {
              return request.send();
            } finally {
              inFlight.decrementAndGet();
              permits.release();
            }
          });
    } catch (IOException | TimeoutException | InterruptedException | RuntimeException e) {
      throw e;
    } catch (Exception e) {
      throw new IllegalStateException("a request threw what it does not declare", e);
    }
  }

  /** Records the Crawl-delay a host's robots.txt asks for. */
  public void crawlDelay(String host, Duration delay) throws InterruptedException {
    throttle.crawlDelay(host, delay);
  }

  /**
   * Takes over a host another crawler asked last: its Crawl-delay, and the end of the last request
   * made to it, after which the next request here waits the host's delay.
   */
  public void resume(String host, Duration crawlDelay, Instant lastRequestEndedAt)
      throws InterruptedException {
    throttle.resume(host, crawlDelay, lastRequestEndedAt);
  }

  /** Requests being sent now. */
  public int inFlight() {
    return inFlight.get();
  }
}
