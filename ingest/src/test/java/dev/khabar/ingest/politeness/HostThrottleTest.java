package dev.khabar.ingest.politeness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class HostThrottleTest {
  @Test
  void oneRequestAtATimePerHost() throws Exception {
    HostThrottle throttle = new HostThrottle(Duration.ZERO);
    AtomicInteger concurrent = new AtomicInteger();
    AtomicInteger maximum = new AtomicInteger();
    List<Thread> threads = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      threads.add(
          Thread.ofVirtual()
              .start(
                  () -> {
                    try {
                      throttle.call(
                          "news.example",
                          () -> {
                            maximum.accumulateAndGet(concurrent.incrementAndGet(), Math::max);
                            Thread.sleep(20);
                            concurrent.decrementAndGet();
                            return null;
                          });
                    } catch (InterruptedException e) {
                      Thread.currentThread().interrupt();
                    }
                  }));
    }
    for (Thread thread : threads) {
      thread.join();
    }

    assertEquals(1, maximum.get());
  }

  @Test
  void waitsTheDelayBetweenTwoRequestsToOneHostButNotAcrossHosts() throws Exception {
    HostThrottle throttle = new HostThrottle(Duration.ofMillis(300));
    throttle.call("a.example", () -> null);

    long start = System.nanoTime();
    throttle.call("b.example", () -> null);
    long otherHost = System.nanoTime() - start;
    throttle.call("a.example", () -> null);
    long sameHost = System.nanoTime() - start;

    assertTrue(otherHost < Duration.ofMillis(250).toNanos(), "another host waited");
    assertTrue(sameHost >= Duration.ofMillis(290).toNanos(), "the same host did not wait");
  }

  @Test
  void aHostTakenOverWaitsItsCrawlDelayAfterThePreviousCrawlersLastRequest() throws Exception {
    HostThrottle throttle = new HostThrottle(Duration.ofMillis(10));

    long start = System.nanoTime();
    throttle.resume("News.Example", Duration.ofMillis(600), Instant.now().minusMillis(200));
    throttle.call("news.example", () -> null);
    long waited = System.nanoTime() - start;

    assertTrue(waited >= Duration.ofMillis(390).toNanos(), "waited only " + waited / 1_000_000);
    assertTrue(waited < Duration.ofMillis(590).toNanos(), "waited " + waited / 1_000_000);
    assertEquals(Duration.ofMillis(600), throttle.delay("news.example"));
  }

  @Test
  void eachRequestsEndAndEachNewCrawlDelayAreToldWithTheLastRequestsEnd() throws Exception {
    List<String> told = new ArrayList<>();
    List<Instant> ends = new ArrayList<>();
    HostThrottle throttle =
        new HostThrottle(
            host -> Duration.ZERO,
            (host, crawlDelay, endedAt) -> {
              told.add(host + " " + crawlDelay.toMillis());
              ends.add(endedAt);
            });

    throttle.crawlDelay("news.example", Duration.ofMillis(3));
    throttle.call("News.Example", () -> null);
    throttle.crawlDelay("news.example", Duration.ofMillis(5));
    throttle.crawlDelay("news.example", Duration.ofMillis(5));
    throttle.call("news.example", () -> null);

    assertEquals(List.of("news.example 3", "news.example 5", "news.example 5"), told);
    assertEquals(ends.get(0), ends.get(1), "a new Crawl-delay comes with the last request's end");
  }
}
