package dev.khabar.ingest.politeness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
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
}
