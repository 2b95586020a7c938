package dev.khabar.ingest.crawl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class CrawlTasksTest {
  private final CrawlTasks tasks = new CrawlTasks();

  @AfterEach
  void stop() {
    tasks.stop(Duration.ofSeconds(1));
  }

  @Test
  void aDelayedTaskRunsAfterItsDelayOnAVirtualThread() throws Exception {
    CountDownLatch ran = new CountDownLatch(1);
    AtomicLong ranAfter = new AtomicLong();
    AtomicBoolean virtual = new AtomicBoolean();
    long start = System.nanoTime();

    tasks.runAfter(
        Duration.ofMillis(200),
        () -> {
          ranAfter.set((System.nanoTime() - start) / 1_000_000);
          virtual.set(Thread.currentThread().isVirtual());
          ran.countDown();
        });

    assertTrue(ran.await(5, TimeUnit.SECONDS));
    assertTrue(ranAfter.get() >= 200, "ran after " + ranAfter.get() + " ms");
    assertTrue(virtual.get());
  }

  @Test
  void noDelayedTaskStartsOnceStopped() throws Exception {
    AtomicBoolean ran = new AtomicBoolean();
    tasks.runAfter(Duration.ofMillis(100), () -> ran.set(true));

    tasks.stop(Duration.ofSeconds(1));
    tasks.runAfter(Duration.ZERO, () -> ran.set(true));
    Thread.sleep(300);

    assertFalse(ran.get());
  }

  @Test
  void stopWaitsForATaskUnderWay() throws Exception {
    CountDownLatch started = new CountDownLatch(1);
    AtomicReference<String> state = new AtomicReference<>("not started");
    tasks.run(
        () -> {
          started.countDown();
          try {
            Thread.sleep(200);
            state.set("finished");
          } catch (InterruptedException e) {
            state.set("interrupted");
          }
        });
    assertTrue(started.await(5, TimeUnit.SECONDS));

    tasks.stop(Duration.ofSeconds(5));

    assertEquals("finished", state.get());
  }
}
