package dev.khabar.ingest.crawl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.khabar.ingest.sources.Site;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class SiteLeasesTest {
  private final Site site = Sites.feeds("alyaum", "https://www.alyaum.com/rss");
  private final SiteLeases leases = new SiteLeases();

  @Test
  void workRunsInAnActiveLease() {
    AtomicInteger runs = new AtomicInteger();

    assertTrue(SiteLeases.runIn(leases.take(site), runs::incrementAndGet));
    assertEquals(1, runs.get());
    assertEquals(1, leases.active());
  }

  @Test
  void noWorkStartsInAnEndingLeaseButItMayStillPublish() {
    SiteLeases.Lease lease = leases.take(site);

    SiteLeases.stopStarting(lease);

    assertFalse(SiteLeases.runIn(lease, () -> {}));
    assertTrue(leases.mayPublish("alyaum"));
    assertEquals(0, leases.active());
  }

  @Test
  void nothingOfAnEndedLeaseIsPublished() {
    SiteLeases.Lease lease = leases.take(site);

    leases.end(lease);

    assertFalse(leases.mayPublish("alyaum"));
    assertNull(leases.current("alyaum"));
    assertFalse(SiteLeases.runIn(lease, () -> {}));
  }

  @Test
  void aSiteTakenAgainHasANewLeaseAndTheOldOneEnds() {
    SiteLeases.Lease first = leases.take(site);

    SiteLeases.Lease second = leases.take(site);

    assertSame(second, leases.current("alyaum"));
    assertEquals(SiteLeases.State.ENDED, first.state());
  }

  @Test
  void awaitIdleWaitsForTheWorkUnderWay() throws Exception {
    SiteLeases.Lease lease = leases.take(site);
    CountDownLatch started = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    Thread worker =
        Thread.ofVirtual()
            .start(
                () ->
                    SiteLeases.runIn(
                        lease,
                        () -> {
                          started.countDown();
                          awaitQuietly(release);
                        }));
    assertTrue(started.await(5, TimeUnit.SECONDS));
    SiteLeases.stopStarting(lease);

    assertFalse(SiteLeases.awaitIdle(List.of(lease), Duration.ofMillis(100)));
    release.countDown();
    assertTrue(SiteLeases.awaitIdle(List.of(lease), Duration.ofSeconds(5)));
    worker.join();
  }

  private static void awaitQuietly(CountDownLatch latch) {
    try {
      latch.await(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
