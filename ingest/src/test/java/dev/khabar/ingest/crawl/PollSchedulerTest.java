package dev.khabar.ingest.crawl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.khabar.ingest.sources.Site;
import dev.khabar.ingest.sources.Source;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The test sites are polled every 100 ms at the soonest, every second at the latest. */
class PollSchedulerTest {
  private final Site site = Sites.feeds("reuters", "https://a.example/1", "https://a.example/2");
  private final CrawlTasks tasks = new CrawlTasks();

  @AfterEach
  void stop() {
    tasks.stop(Duration.ofSeconds(1));
  }

  @Test
  void aPollThatFoundLinksHalvesTheIntervalDownToMinPoll() {
    assertEquals(Duration.ofMillis(400), PollScheduler.next(site, Duration.ofMillis(800), 3));
    assertEquals(Duration.ofMillis(100), PollScheduler.next(site, Duration.ofMillis(150), 1));
  }

  @Test
  void aPollThatFoundNothingLengthensTheIntervalUpToMaxPoll() {
    assertEquals(Duration.ofMillis(300), PollScheduler.next(site, Duration.ofMillis(200), 0));
    assertEquals(Duration.ofSeconds(1), PollScheduler.next(site, Duration.ofMillis(900), 0));
  }

  @Test
  void everySourceOfAFollowedSiteIsPolled() throws Exception {
    List<String> polled = new CopyOnWriteArrayList<>();
    CountDownLatch both = new CountDownLatch(2);
    PollScheduler scheduler =
        new PollScheduler(
            tasks,
            source -> {
              polled.add(source.url());
              both.countDown();
              return 0;
            });

    scheduler.follow(new SiteLeases().take(site), Duration.ZERO);

    assertTrue(both.await(5, TimeUnit.SECONDS), "polled " + polled);
    assertEquals(
        Set.of("https://a.example/1", "https://a.example/2"),
        polled.stream().limit(2).collect(Collectors.toSet()));
  }

  @Test
  void aSourceWhosePollFailedIsPolledAgain() throws Exception {
    Site one = Sites.feeds("afp", "https://a.example/feed");
    AtomicInteger polls = new AtomicInteger();
    CountDownLatch second = new CountDownLatch(1);
    PollScheduler scheduler =
        new PollScheduler(
            tasks,
            (Source source) -> {
              if (polls.incrementAndGet() == 1) {
                throw new IllegalStateException("feed parser broke");
              }
              second.countDown();
              return 0;
            });

    scheduler.follow(new SiteLeases().take(one), Duration.ZERO);

    assertTrue(second.await(5, TimeUnit.SECONDS), "polled " + polls.get() + " times");
  }
}
